namespace FieldReports.E2E.Tests;

public class HomePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Home_page_is_in_Vietnamese_and_links_to_the_workflow()
    {
        Assert.Null(BrowserFixture.MissingReason);
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });

        var response = await page.GotoAsync(browser.Host.BaseAddress.ToString());

        Assert.Equal(200, response!.Status);
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("phản ánh hiện trường", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "home.png"), FullPage = true });

        await page.ClickAsync("header a[lang=en]");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Choose a province", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "home-en.png"), FullPage = true });

        // The API reference is served from the Scalar package itself: it renders without reaching any CDN.
        await page.GotoAsync(new Uri(browser.Host.BaseAddress, "/api/reference/").ToString());
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "api-reference.png") });
        Assert.Contains("/api/v1/me", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await page.GotoAsync(browser.Host.BaseAddress.ToString());

        await page.ClickAsync("a[href='/api/v1/workflow']");
        Assert.Contains("\"trigger\":\"Receive\"", await page.InnerTextAsync("body"), StringComparison.Ordinal);
    }
}
