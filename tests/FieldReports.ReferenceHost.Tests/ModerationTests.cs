using System.Net;
using FieldReports;
using FieldReports.Intake;
using FieldReports.Moderation;
using FieldReports.Reports;
using Microsoft.Extensions.DependencyInjection;
using ReferenceHost.Services;

namespace FieldReports.ReferenceHost.Tests;

/// <summary>A locked account cannot report, whether through the page or around it; lifted, it can again (#8).</summary>
public sealed class ModerationTests
{
    private const string CitizenAccount = "lock-citizen-1";
    private const string Citizen = "reporter;" + CitizenAccount + ";;ca-mau";

    private static readonly KeyValuePair<string, string>[] Form =
    [
        new("Title", "Rác thải tồn đọng"), new("Description", "Rác thải sinh hoạt tồn đọng nhiều ngày ở đầu hẻm 12, bốc mùi hôi."),
        new("Latitude", "9.1769"), new("Longitude", "105.1524"), new("Address", "Hẻm 12 đường Nguyễn Trãi"),
        new("Name", "Võ Thị Lan"), new("Phone", "0912345678"), new("Truthful", "true"),
    ];

    [Fact]
    public async Task A_locked_citizen_sees_the_reason_and_a_submission_is_refused_by_the_province_s_intake_8()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>());
        var actions = host.Services.GetRequiredService<ReportActions>();
        var lists = host.Services.GetRequiredService<ReportLists>();
        using var citizen = host.As(Citizen);

        var admin = Actor.Administrator("lock-admin-1");
        Assert.Equal(ErrorCodes.RoleNotPermitted, (await actions.ImposeAsync("ca-mau", CitizenAccount, SanctionKind.AccountLock, Actor.Reception("r-1"), "x", default)).Error!.Code);
        Assert.True((await actions.ImposeAsync("ca-mau", CitizenAccount, SanctionKind.AccountLock, admin, "Ngôn từ xúc phạm", default)).IsSuccess);

        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync(new Uri("/ca-mau/submit", UriKind.Relative)));
        Assert.Contains("data-locked", page, StringComparison.Ordinal);
        Assert.Contains("Ngôn từ xúc phạm", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Title\"", page, StringComparison.Ordinal);

        // Around the page: the intake itself refuses the locked account, and nothing is stored.
        var draft = new ReportDraft
        {
            Channel = "web",
            ReporterAccountId = CitizenAccount,
            Contact = new ReporterContact { Name = "Võ Thị Lan", Phone = "0912345678" },
            Title = "Rác thải tồn đọng",
            Description = "Rác thải sinh hoạt tồn đọng nhiều ngày ở đầu hẻm 12, bốc mùi hôi.",
            Location = new GeoPoint(9.1769, 105.1524),
            Attachments = [new DraftAttachment("photo-1", "rac.png", "image/png", HostFactory.Png)],
            Language = "vi",
        };
        var (refused, _) = await actions.SubmitAsync("ca-mau", draft, Actor.Reporter(CitizenAccount), default, default);
        Assert.Null(refused.Report);
        Assert.Contains(refused.Rejections, r => r.Code == ErrorCodes.IntakeAccountLocked);
        Assert.Empty(await lists.ListAsync("ca-mau", reporterAccountId: CitizenAccount));

        // A form posted anyway (kept open in another tab) is refused with the same message.
        var posted = await HostFactory.PostFormAsync(citizen, "/ca-mau/submit", Form, ("Photos", "rac.png", HostFactory.Png), tokenFrom: "/account/login");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Ngôn từ xúc phạm", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await lists.ListAsync("ca-mau", reporterAccountId: CitizenAccount));

        Assert.True((await actions.LiftAsync("ca-mau", CitizenAccount, SanctionKind.AccountLock, admin, "Đã xác minh", default)).IsSuccess);
        var sent = await HostFactory.PostFormAsync(citizen, "/ca-mau/submit", Form, ("Photos", "rac.png", HostFactory.Png));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Single(await lists.ListAsync("ca-mau", reporterAccountId: CitizenAccount));
    }
}
