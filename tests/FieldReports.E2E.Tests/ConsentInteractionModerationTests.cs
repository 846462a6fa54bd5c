using System.Text.RegularExpressions;

namespace FieldReports.E2E.Tests;

/// <summary>
/// Cà Mau shares a reporter's identity with the agency only with consent (Decision 17/2022 art. 6.5); citizens interact
/// with published results and the agency answers; an administrator locks an account and its owner sees why (#8).
/// </summary>
public class ConsentInteractionModerationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Name = "Trần Thị Mai";

    [BrowserFact]
    public async Task Identity_follows_consent_the_agency_answers_an_interaction_and_a_locked_citizen_cannot_report()
    {
        var host = browser.Host.BaseAddress;
        var title = $"Lấn chiếm vỉa hè ({Guid.NewGuid().ToString()[..6]})";

        // The citizen sends a report without consenting to share their identity.
        var citizen = await Pages.SignInAsync(browser.Browser, host, "ca-mau.citizen");
        await citizen.GotoAsync("/ca-mau/submit");
        await Pages.FillReportAsync(citizen, title, urgent: false);
        Assert.False(await citizen.IsCheckedAsync("#ShareIdentity"));
        await Pages.ShotBothAsync(citizen, "30-ca-mau-submit-consent");
        await citizen.ClickAsync("main form button[type=submit]");
        await citizen.WaitForURLAsync(new Regex("/ca-mau/reports/[0-9a-f-]{36}"));
        var reportUrl = new Uri(citizen.Url).AbsolutePath;
        var id = reportUrl.Split('/')[^1];
        Assert.Contains("Chưa đồng ý chia sẻ danh tính", await citizen.InnerTextAsync("#consent"), StringComparison.Ordinal);

        // The centre sees who sent it, and assigns it.
        var centre = await Pages.SignInAsync(browser.Browser, host, "ca-mau.reception");
        await centre.GotoAsync(reportUrl);
        Assert.Contains(Name, await centre.InnerTextAsync("main"), StringComparison.Ordinal);
        await centre.SelectOptionAsync("#Field", "urban_order");
        await Pages.ActAsync(centre, "receive");
        await centre.WaitForURLAsync(new Regex("done=receive"));
        await centre.SelectOptionAsync("#Agency", "ubnd-tp");
        await Pages.ActAsync(centre, "assign");
        await centre.WaitForURLAsync(new Regex("done=assign"));

        // Without consent the agency does not see the identity.
        var agency = await Pages.SignInAsync(browser.Browser, host, "ca-mau.ubnd-tp");
        await agency.GotoAsync(reportUrl);
        var agencyView = await agency.InnerTextAsync("main");
        Assert.DoesNotContain(Name, agencyView, StringComparison.Ordinal);
        Assert.DoesNotContain("0905123456", agencyView, StringComparison.Ordinal);
        Assert.True(await agency.Locator("[data-identity-hidden]").IsVisibleAsync());
        await Pages.ShotAsync(agency, "31-agency-no-identity");

        // The citizen consents on the report's page: the agency now sees who to call; withdrawn, it no longer does.
        await citizen.GotoAsync(reportUrl);
        await Pages.ActAsync(citizen, "consent");
        await citizen.WaitForURLAsync(new Regex("done=consent"));
        Assert.Contains("Đã đồng ý chia sẻ danh tính", await citizen.InnerTextAsync("#consent"), StringComparison.Ordinal);
        await Pages.ShotBothAsync(citizen, "32-citizen-consent-given");
        await agency.ReloadAsync();
        Assert.Contains(Name, await agency.InnerTextAsync("[data-contact]"), StringComparison.Ordinal);

        await Pages.ActAsync(citizen, "withdraw-consent");
        await citizen.WaitForURLAsync(new Regex("done=withdraw-consent"));
        Assert.Contains("đã rút lại", await citizen.InnerTextAsync("#consent"), StringComparison.Ordinal);
        await agency.ReloadAsync();
        Assert.DoesNotContain(Name, await agency.InnerTextAsync("main"), StringComparison.Ordinal);

        // The agency handles it, the centre publishes the result.
        await Pages.ActAsync(agency, "acknowledge");
        await agency.WaitForURLAsync(new Regex("done=acknowledge"));
        await agency.FillAsync("#result-text", "Đã lập biên bản, yêu cầu hộ kinh doanh dọn trả vỉa hè.");
        await Pages.ActAsync(agency, "result");
        await agency.WaitForURLAsync(new Regex("done=result"));
        var approver = await Pages.SignInAsync(browser.Browser, host, "ca-mau.approver");
        await approver.GotoAsync(reportUrl);
        await Pages.ActAsync(approver, "approve");
        await approver.WaitForURLAsync(new Regex("done=approve"));

        // The citizen asks for clarification; the agency finds it in its page and answers; the citizen sees the answer.
        await citizen.GotoAsync(reportUrl);
        await citizen.SelectOptionAsync("#interact-kind", "ClarificationRequest");
        await citizen.FillAsync("#interact-text", "Vỉa hè đã dọn nhưng buổi tối vẫn bị lấn chiếm. Đề nghị cho biết có kiểm tra buổi tối không?");
        await Pages.ActAsync(citizen, "interact");
        await citizen.WaitForURLAsync(new Regex("done=interact"));
        Assert.Contains("Chưa có trả lời", await citizen.InnerTextAsync("#interactions"), StringComparison.Ordinal);

        await agency.GotoAsync("/ca-mau/agency");
        var pending = agency.Locator($"#agency-interactions tr[data-report='{id}']");
        Assert.True(await pending.IsVisibleAsync());
        await Pages.ShotBothAsync(agency, "33-agency-interactions");
        await pending.Locator("a").ClickAsync();
        await agency.WaitForURLAsync(new Regex(id));
        await agency.FillAsync("#interactions textarea[name=Text]", "Phường sẽ tổ chức kiểm tra vào buổi tối từ 18 giờ đến 21 giờ trong tuần này.");
        await Pages.ShotAsync(agency, "34-agency-answer");
        await Pages.ActAsync(agency, "answer-interaction");
        await agency.WaitForURLAsync(new Regex("done=answer-interaction"));
        await agency.GotoAsync("/ca-mau/agency");
        Assert.Equal(0, await agency.Locator($"#agency-interactions tr[data-report='{id}']").CountAsync());

        await citizen.ReloadAsync();
        Assert.Contains("kiểm tra vào buổi tối", await citizen.InnerTextAsync("#interactions [data-answer]"), StringComparison.Ordinal);
        await Pages.ShotBothAsync(citizen, "35-citizen-sees-answer");

        // An administrator locks the citizen's account with a reason; the citizen sees why instead of the form.
        var admin = await Pages.SignInAsync(browser.Browser, host, "ca-mau.admin");
        await admin.GotoAsync("/ca-mau/accounts");
        await admin.ClickAsync("tr[data-account='ca-mau.citizen'] a");
        await admin.WaitForURLAsync(new Regex("/ca-mau/accounts/"));
        await admin.FillAsync("#lock-reason", "Nhiều lần gửi nội dung xúc phạm cán bộ");
        await Pages.ActAsync(admin, "lock");
        await admin.WaitForURLAsync(new Regex("done=lock"));
        Assert.True(await admin.Locator("[data-status=locked]").IsVisibleAsync());
        Assert.Contains("Nhiều lần gửi nội dung xúc phạm cán bộ", await admin.InnerTextAsync("#decisions"), StringComparison.Ordinal);
        await Pages.ShotBothAsync(admin, "36-admin-locked-account");

        await citizen.GotoAsync("/ca-mau/submit");
        var locked = citizen.Locator("[data-locked]");
        Assert.True(await locked.IsVisibleAsync());
        Assert.Contains("Nhiều lần gửi nội dung xúc phạm cán bộ", await locked.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await citizen.Locator("#Title").CountAsync());
        await Pages.ShotBothAsync(citizen, "37-citizen-locked");

        // Lifted with a reason, the form is back.
        await admin.FillAsync("#lock-reason", "Đã xác minh, người dân cam kết không tái phạm");
        await Pages.ActAsync(admin, "unlock");
        await admin.WaitForURLAsync(new Regex("done=unlock"));
        await citizen.ReloadAsync();
        Assert.True(await citizen.Locator("#Title").IsVisibleAsync());
    }
}
