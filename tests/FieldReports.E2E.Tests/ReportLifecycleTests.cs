using System.Text.RegularExpressions;

namespace FieldReports.E2E.Tests;

/// <summary>A report's whole life in Huế, each step by the person whose job it is, in a real browser (#8).</summary>
public class ReportLifecycleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Hue_report_goes_from_citizen_to_centre_to_agency_to_public_and_a_poor_rating_returns_it_to_the_agency()
    {
        var host = browser.Host.BaseAddress;
        var title = $"Cống tắc trước nhà số 12 ({Guid.NewGuid().ToString()[..6]})";

        // The citizen sends a report with a photo.
        var citizen = await Pages.SignInAsync(browser.Browser, host, "hue.citizen");
        await citizen.GotoAsync("/hue/submit");
        await Pages.FillReportAsync(citizen, title, urgent: false);
        await Pages.ShotAsync(citizen, "01-citizen-submit");
        await citizen.ClickAsync("main form button[type=submit]");
        await citizen.WaitForURLAsync(new Regex("/hue/reports/[0-9a-f-]{36}"));
        var reportUrl = new Uri(citizen.Url).AbsolutePath;
        var id = reportUrl.Split('/')[^1];
        Assert.Contains("Đã gửi phản ánh", await citizen.InnerTextAsync("main"), StringComparison.Ordinal);
        await Pages.ShotAsync(citizen, "02-citizen-sent");

        // Reception staff classify it and assign it to the city's people's committee.
        var centre = await Pages.SignInAsync(browser.Browser, host, "hue.reception");
        await centre.GotoAsync("/hue/centre");
        Assert.True(await centre.Locator($"#intake tr[data-report='{id}']").IsVisibleAsync());
        await Pages.ShotAsync(centre, "03-centre-queue");
        await centre.GotoAsync(reportUrl);
        Assert.Contains("Trần Thị Mai", await centre.InnerTextAsync("main"), StringComparison.Ordinal);
        await centre.SelectOptionAsync("#Field", "environment");
        await Pages.ActAsync(centre, "receive");
        await centre.WaitForURLAsync(new Regex("done=receive"));
        await centre.SelectOptionAsync("#Agency", "ubnd-tp-hue");
        await Pages.ShotAsync(centre, "04-centre-assign");
        await Pages.ActAsync(centre, "assign");
        await centre.WaitForURLAsync(new Regex("done=assign"));

        // The agency sees it in its queue, takes it on and submits a result with a photo. Huế keeps the reporter's identity secret.
        var agency = await Pages.SignInAsync(browser.Browser, host, "hue.ubnd-tp-hue");
        await agency.GotoAsync("/hue/agency");
        Assert.True(await agency.Locator($"tr[data-report='{id}']").IsVisibleAsync());
        await Pages.ShotAsync(agency, "05-agency-queue");
        await agency.GotoAsync(reportUrl);
        Assert.DoesNotContain("Trần Thị Mai", await agency.InnerTextAsync("main"), StringComparison.Ordinal);
        await Pages.ActAsync(agency, "acknowledge");
        await agency.WaitForURLAsync(new Regex("done=acknowledge"));
        await agency.FillAsync("#result-text", "Đã nạo vét cống, thông dòng chảy và vệ sinh mặt đường.");
        await agency.SetInputFilesAsync("#result-photos", new Microsoft.Playwright.FilePayload { Name = "ket-qua.png", MimeType = "image/png", Buffer = Pages.Photo });
        await Pages.ShotAsync(agency, "06-agency-result");
        await Pages.ActAsync(agency, "result");
        await agency.WaitForURLAsync(new Regex("done=result"));

        // The centre's approver approves it for publication.
        var approver = await Pages.SignInAsync(browser.Browser, host, "hue.approver");
        await approver.GotoAsync("/hue/centre");
        Assert.True(await approver.Locator($"#approvals tr[data-report='{id}']").IsVisibleAsync());
        await approver.GotoAsync(reportUrl);
        await Pages.ShotAsync(approver, "07-approver");
        await Pages.ActAsync(approver, "approve");
        await approver.WaitForURLAsync(new Regex("done=approve"));

        // The public page shows the result without the reporter's identity.
        var visitor = await Pages.AnonymousAsync(browser.Browser, host);
        await visitor.GotoAsync("/hue/public");
        var published = visitor.Locator($"[data-published='{id}']");
        Assert.True(await published.IsVisibleAsync());
        var publicText = await visitor.InnerTextAsync("main");
        Assert.Contains("Đã nạo vét cống", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị Mai", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("0905123456", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("mai.tran@example.vn", publicText, StringComparison.Ordinal);
        await Pages.ShotAsync(visitor, "08-public");
        await Pages.ShotAsync(visitor, "08-public-top", fullPage: false);

        // The citizen is not satisfied; the follow-up lands in the agency's queue.
        await citizen.GotoAsync(reportUrl);
        await citizen.CheckAsync("input[name=Rating][value=not_satisfied]");
        await Pages.ShotAsync(citizen, "09-citizen-rate");
        await Pages.ActAsync(citizen, "rate");
        await citizen.WaitForURLAsync(new Regex("done=rate"));
        await citizen.GotoAsync("/hue/mine");
        await Pages.ShotAsync(citizen, "10-citizen-mine");

        await agency.GotoAsync("/hue/agency");
        var row = agency.Locator($"tr[data-report='{id}']");
        Assert.True(await row.IsVisibleAsync());
        Assert.Contains("Cần làm rõ thêm", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Pages.ShotAsync(agency, "11-agency-follow-up");

        // Leaders see the province's figures.
        var leader = await Pages.SignInAsync(browser.Browser, host, "hue.leader");
        await leader.GotoAsync("/hue/dashboard");
        Assert.True(await leader.Locator("svg").First.IsVisibleAsync());
        await Pages.ShotAsync(leader, "12-leader-dashboard");
        await Pages.ShotAsync(leader, "12-leader-dashboard-top", fullPage: false);
        await leader.SetViewportSizeAsync(1280, 900);
        await Pages.ShotAsync(leader, "12-leader-dashboard-wide", fullPage: false);
    }

    [BrowserFact]
    public async Task Sign_in_locks_the_account_after_five_wrong_passwords()
    {
        var page = await Pages.AnonymousAsync(browser.Browser, browser.Host.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#UserName", "tien-giang.leader");
            await page.FillAsync("#Password", "wrong-password");
            await page.ClickAsync("main form button[type=submit]");
        }

        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "tien-giang.leader");
        await page.FillAsync("#Password", Pages.DemoPassword);
        await page.ClickAsync("main form button[type=submit]");
        Assert.Contains("tạm khóa", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        await Pages.ShotAsync(page, "13-sign-in-locked");
    }
}
