using System.Text.RegularExpressions;

namespace FieldReports.E2E.Tests;

/// <summary>One host, two provinces, one rule that differs: Huế's night window (Decision 30/2022) against Cà Mau (#8).</summary>
public class ProvinceRulesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task At_two_in_the_morning_Hue_accepts_only_urgent_reports_while_Ca_Mau_accepts_any()
    {
        await using var host = await HostProcess.StartAsync(settings: new Dictionary<string, string> { ["FieldReports:Clock:Start"] = BrowserFixture.Night });
        await using var chromium = await browser.LaunchAsync();

        var hue = await Pages.SignInAsync(chromium, host.BaseAddress, "hue.citizen");
        await hue.GotoAsync("/hue/submit");
        await Pages.FillReportAsync(hue, "Đèn đường hỏng", urgent: false);
        await hue.ClickAsync("main form button[type=submit]");
        var refusal = await hue.InnerTextAsync("[role=alert]");
        Assert.DoesNotMatch(new Regex("/reports/"), hue.Url);
        await Pages.ShotAsync(hue, "20-hue-night-refused");

        await Pages.FillReportAsync(hue, "Cây đổ chắn ngang đường", urgent: true);
        await hue.ClickAsync("main form button[type=submit]");
        await hue.WaitForURLAsync(new Regex("/hue/reports/"));
        await Pages.ShotAsync(hue, "21-hue-night-urgent-accepted");

        var caMau = await Pages.SignInAsync(chromium, host.BaseAddress, "ca-mau.citizen");
        await caMau.GotoAsync("/ca-mau/submit");
        await Pages.FillReportAsync(caMau, "Đèn đường hỏng", urgent: false);
        await caMau.ClickAsync("main form button[type=submit]");
        await caMau.WaitForLoadStateAsync();
        Assert.True(await caMau.Locator("[role=alert]").CountAsync() == 0, await caMau.Locator("main").InnerTextAsync());
        await caMau.WaitForURLAsync(new Regex("/ca-mau/reports/"));
        await Pages.ShotAsync(caMau, "22-ca-mau-night-accepted");
        Assert.False(string.IsNullOrWhiteSpace(refusal));
    }
}
