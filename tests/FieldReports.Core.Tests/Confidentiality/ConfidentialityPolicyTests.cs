using FieldReports.Confidentiality;
using FieldReports.Core.Tests.Provinces;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Core.Tests.Confidentiality;

public class ConfidentialityPolicyTests
{
    private static readonly Instant At = SeedProvinces.Local(2024, 5, 1);
    private static readonly ReporterContact Contact = new() { Name = "Trần Thị B", Phone = "+84912345678" };

    private static readonly Actor?[] Viewers =
    [
        null,
        Actor.Reporter("citizen-1"),
        Actor.Reporter("someone-else"),
        Actor.Reception("staff-1"),
        Actor.Handler("h", "ubnd-tp"),
        Actor.Handler("h", "so-gtvt"),
        new Actor(ActorRole.Leader, "leader-1"),
        Actor.Administrator("admin-1"),
    ];

    [Fact]
    public void Ca_Mau_published_report_seen_by_each_kind_of_viewer()
    {
        var policy = new ConfidentialityPolicy(SeedProvinces.Load("ca-mau"));
        var report = SeedProvinces.Published("ca-mau", At, "ubnd-tp");

        var views = Viewers.Select(v => policy.View(report, Contact, v, ReportConfidentiality.None, At)).ToList();

        Assert.All(views, v => Assert.NotNull(v?.Description));
        Assert.Equal([false, true, false, true, false, false, false, true], views.Select(v => v!.Contact is not null));
        Assert.Contains("Contact", views[0]!.Hidden);
        Assert.Null(views[0]!.ReporterAccountId);
    }

    [Fact]
    public void Ca_Mau_assigned_agency_sees_the_name_only_while_consent_stands()
    {
        var policy = new ConfidentialityPolicy(SeedProvinces.Load("ca-mau"));
        var report = SeedProvinces.Published("ca-mau", At, "ubnd-tp");
        var handler = Actor.Handler("h", "ubnd-tp");

        var (given, marks) = policy.GiveConsent(report, Actor.Reporter("citizen-1"), "Liên hệ xác minh hiện trường", ReportConfidentiality.None, At);
        Assert.True(given.IsSuccess);
        Assert.Equal("1", marks.Consent!.WordingVersion);
        Assert.Equal("Trần Thị B", policy.View(report, Contact, handler, marks, At)!.Contact!.Name);

        var (withdrawn, after) = policy.WithdrawConsent(report, Actor.Reporter("citizen-1"), marks, At + Duration.FromHours(1));
        Assert.True(withdrawn.IsSuccess);
        Assert.Null(policy.View(report, Contact, handler, after, At + Duration.FromHours(1))!.Contact);
    }

    [Fact]
    public void Hue_never_shows_identity_to_the_agency_and_refuses_consent()
    {
        var policy = new ConfidentialityPolicy(SeedProvinces.Load("hue"));
        var report = SeedProvinces.Published("hue", At, "ubnd-tp-hue");

        var (result, marks) = policy.GiveConsent(report, Actor.Reporter("citizen-1"), "Liên hệ", ReportConfidentiality.None, At);

        Assert.Equal(ErrorCodes.ConsentInvalid, result.Error!.Code);
        Assert.Null(marks.Consent);
        Assert.Null(policy.View(report, Contact, Actor.Handler("h", "ubnd-tp-hue"), ReportConfidentiality.None, At)!.Contact);
        Assert.NotNull(policy.View(report, Contact, Actor.Reception("staff-1"), ReportConfidentiality.None, At)!.Contact);
    }

    [Fact]
    public void Tien_Giang_shares_identity_with_the_agency_unless_the_reporter_asked_for_secrecy()
    {
        var policy = new ConfidentialityPolicy(SeedProvinces.Load("tien-giang"));
        var report = SeedProvinces.Published("tien-giang", At, "so-tttt");
        var handler = Actor.Handler("h", "so-tttt");

        Assert.NotNull(policy.View(report, Contact, handler, ReportConfidentiality.None, At)!.Contact);
        Assert.Null(policy.View(report, Contact, handler, new ReportConfidentiality { IdentitySecrecyRequested = true }, At)!.Contact);
    }

    [Fact]
    public void Confidential_report_is_invisible_to_the_public_and_other_agencies_but_not_to_its_reporter()
    {
        var policy = new ConfidentialityPolicy(SeedProvinces.Load("ca-mau"));
        var report = SeedProvinces.Published("ca-mau", At, "ubnd-tp", confidential: true);

        Assert.Null(policy.View(report, Contact, null, ReportConfidentiality.None, At));
        Assert.Null(policy.View(report, Contact, Actor.Handler("h", "so-gtvt"), ReportConfidentiality.None, At));
        Assert.Equal("Đã thu gom rác.", policy.View(report, Contact, Actor.Reporter("citizen-1"), ReportConfidentiality.None, At)!.Result);
        Assert.NotNull(policy.View(report, Contact, new Actor(ActorRole.Leader, "l"), ReportConfidentiality.None, At));
    }

    [Fact]
    public void State_secret_report_is_hidden_from_the_public_even_when_published_and_marked_in_views()
    {
        var policy = new ConfidentialityPolicy(SeedProvinces.Load("ca-mau"));
        var report = SeedProvinces.Published("ca-mau", At, "ubnd-tp");
        var marks = new ReportConfidentiality { IsStateSecret = true };

        Assert.Null(policy.View(report, Contact, null, marks, At));
        Assert.True(policy.View(report, Contact, Actor.Handler("h", "ubnd-tp"), marks, At)!.IsStateSecret);
    }

    [Fact]
    public void Public_sees_nothing_before_publication()
    {
        var report = Report.Submit(ReportId.New(), new ReportSubmission
        {
            ProvinceId = "ca-mau", ReporterAccountId = "citizen-1", Channel = "app", Content = new ReportContent { Description = "x" },
        }, Actor.Reporter("citizen-1"), At);

        Assert.Null(new ConfidentialityPolicy(SeedProvinces.Load("ca-mau")).View(report, Contact, null, ReportConfidentiality.None, At));
    }
}
