using Microsoft.Playwright;

namespace FieldReports.E2E.Tests;

/// <summary>Steps shared by the browser tests: a phone-sized page per user, signing in, screenshots.</summary>
internal static class Pages
{
    public const string DemoPassword = "Demo@2026";

    /// <summary>A 1×1 PNG, enough for the photo upload.</summary>
    public static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static async Task<IPage> SignInAsync(IBrowser browser, Uri host, string userName)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, BaseURL = host.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", DemoPassword);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    public static async Task<IPage> AnonymousAsync(IBrowser browser, Uri host)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, BaseURL = host.ToString() });
        return await context.NewPageAsync();
    }

    public static Task ShotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = fullPage });

    /// <summary>A screenshot at a phone's width and one at a desktop's, so that both layouts are looked at.</summary>
    public static async Task ShotBothAsync(IPage page, string name)
    {
        await ShotAsync(page, name + "-phone");
        await page.SetViewportSizeAsync(1280, 900);
        await ShotAsync(page, name + "-desktop");
        await page.SetViewportSizeAsync(390, 844);
    }

    public static Task ActAsync(IPage page, string action) =>
        page.ClickAsync($"form:has(input[name=action][value={action}]) button[type=submit]");

    /// <summary>Fills the citizen's form; the photo is optional so that a test can show intake rules.</summary>
    public static async Task FillReportAsync(IPage page, string title, bool urgent, bool photo = true)
    {
        await page.FillAsync("#Title", title);
        await page.FillAsync("#Description", "Cống thoát nước trước nhà số 12 bị tắc, nước thải tràn ra mặt đường gây mùi hôi và ngập khi mưa.");
        if (photo)
        {
            await page.SetInputFilesAsync("#Photos", new FilePayload { Name = "hien-truong.png", MimeType = "image/png", Buffer = Photo });
        }

        await page.FillAsync("#Latitude", "16.4637");
        await page.FillAsync("#Longitude", "107.5909");
        await page.FillAsync("#Address", "12 Lê Lợi, phường Phú Hội");
        await page.FillAsync("#Name", "Trần Thị Mai");
        await page.FillAsync("#Phone", "0905123456");
        await page.FillAsync("#Email", "mai.tran@example.vn");
        if (urgent)
        {
            await page.SelectOptionAsync("#Category", "accident");
        }

        await page.CheckAsync("input[name=Truthful]");
    }
}
