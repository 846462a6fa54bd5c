using FieldReports.Confidentiality;
using FieldReports.Intake;
using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace FieldReports.Core.Tests.Provinces;

/// <summary>The five seed provinces, loaded together from their JSON profiles into one deployment, each showing its own rule.</summary>
public sealed class SeedProvinceProfilesTests : IDisposable
{
    private static readonly Instant Morning = SeedProvinces.Local(2024, 3, 5, 10);
    private readonly ServiceProvider _services = SeedProvinces.Services("tien-giang", "ca-mau", "dak-lak", "quang-binh", "hue");

    public void Dispose() => _services.Dispose();

    private IntakeService Intake(string province, Instant at) => new(_services.GetRequiredKeyedService<ProvinceProfile>(province), new FakeClock(at));

    [Fact]
    public void One_deployment_serves_all_five_provinces_from_JSON()
    {
        var catalog = _services.GetRequiredService<ProvinceCatalog>();

        Assert.Equal(["ca-mau", "dak-lak", "hue", "quang-binh", "tien-giang"], catalog.Ids.Order(StringComparer.Ordinal));
        Assert.Equal("Thừa Thiên Huế", catalog.Get("hue").Options.DisplayName);
        Assert.Same(catalog.Get("hue"), _services.GetRequiredKeyedService<ProvinceProfile>("hue"));
        Assert.Equal("hue", _services.GetRequiredKeyedService<IntakeService>("hue").Profile.Id);
    }

    [Fact]
    public void Tien_Giang_requires_an_email_and_Ca_Mau_does_not()
    {
        var draft = SeedProvinces.Draft() with { Contact = new ReporterContact { Name = "A", Phone = "0912345678" } };

        Assert.Equal(ErrorCodes.IntakeEmailRequired, Intake("tien-giang", Morning).Submit(draft, Actor.Reporter("citizen-1")).Rejection!.Code);
        Assert.True(Intake("ca-mau", Morning).Submit(draft, Actor.Reporter("citizen-1")).IsAccepted);
    }

    [Fact]
    public void Ca_Mau_defaults_accept_at_night_lock_at_third_and_keep_names_secret_without_consent()
    {
        var caMau = _services.GetRequiredKeyedService<ProvinceProfile>("ca-mau");
        Assert.True(Intake("ca-mau", SeedProvinces.Local(2024, 3, 5, 3)).Submit(SeedProvinces.Draft(), Actor.Reporter("citizen-1")).IsAccepted);
        Assert.Equal(3, caMau.AccountLockAt(Morning).TriggeringCount);

        var report = SeedProvinces.Published("ca-mau", Morning, "ubnd-tp");
        var view = _services.GetRequiredKeyedService<ConfidentialityPolicy>("ca-mau")
            .View(report, new ReporterContact { Name = "A" }, Actor.Handler("h", "ubnd-tp"), ReportConfidentiality.None, Morning);
        Assert.Null(view!.Contact);
    }

    [Fact]
    public void Dak_Lak_has_its_fifteen_fields_and_requires_a_proposal_when_returning()
    {
        var dakLak = _services.GetRequiredKeyedService<ProvinceProfile>("dak-lak");

        Assert.Equal(15, dakLak.Fields.Count);
        Assert.Contains("child_protection", dakLak.Fields.Keys);
        Assert.Equal("Bảo vệ trẻ em", dakLak.Fields["child_protection"].NameVi);

        var routing = _services.GetRequiredKeyedService<RoutingPolicy>("dak-lak");
        var report = Report.Submit(ReportId.New(), new ReportSubmission
        {
            ProvinceId = "dak-lak", ReporterAccountId = "c", Channel = "app", Content = new ReportContent { Description = "x" },
        }, Actor.Reporter("c"), Morning);
        SeedProvinces.Ok(report.Apply(new ReceiveCommand("food_safety"), Actor.Reception("s"), Morning));
        Assert.Equal("so-yte", routing.Propose("food_safety", null).Proposal!.AgencyId);
        SeedProvinces.Ok(routing.Assign(report, new AssignCommand("so-yte"), Actor.Reception("s"), Morning));
        Assert.Equal(ErrorCodes.ProposalRequired, routing.Return(report, new ReturnToCentreCommand("Ngoài thẩm quyền"), Actor.Handler("h", "so-yte"), Morning).Error!.Code);
    }

    [Fact]
    public async Task Quang_Binh_hotline_1022_takes_an_urgent_security_report_without_media()
    {
        var quangBinh = _services.GetRequiredKeyedService<ProvinceProfile>("quang-binh");
        var draft = await new HotlineIntakeChannel().ToDraftAsync(new HotlineCall
        {
            CallerName = "Phan E",
            CallerPhone = "0232 3822 111",
            Description = "Nhóm thanh niên tụ tập mang hung khí trước cổng trường.",
            Address = "Trường THPT Đồng Hới",
            Category = "security",
        });

        var result = Intake("quang-binh", SeedProvinces.Local(2024, 3, 5, 2)).Submit(draft, Actor.Reception("operator-1022"));

        Assert.Equal("1022", quangBinh.FindChannel("hotline")!.Address);
        Assert.True(result.IsAccepted, string.Join("; ", result.Rejections.Select(r => r.Code)));
        Assert.True(result.Report!.IsUrgent);
        Assert.Equal("ubnd-qb", _services.GetRequiredKeyedService<RoutingPolicy>("quang-binh").EscalationTarget!.Id);
    }

    [Fact]
    public void Hue_refuses_non_urgent_reports_at_night_and_locks_at_fourth_violation()
    {
        var hue = _services.GetRequiredKeyedService<ProvinceProfile>("hue");
        var night = Intake("hue", SeedProvinces.Local(2024, 3, 5, 6, 45)).Submit(SeedProvinces.Draft(), Actor.Reporter("citizen-1"));
        Assert.Equal(ErrorCodes.IntakeNightWindow, night.Rejection!.Code);

        var account = new AccountModeration("hue", "citizen-1");
        for (var i = 0; i < 3; i++)
        {
            account.RecordViolation(hue, ViolationKind.AbusiveReport, Actor.Reception("s"), Morning);
        }

        Assert.False(account.IsLocked(Morning));
        account.RecordViolation(hue, ViolationKind.AbusiveReport, Actor.Reception("s"), Morning);
        Assert.True(account.IsLocked(Morning));
        Assert.Equal(IdentityPolicy.AlwaysSecret, hue.Options.Confidentiality.ReporterIdentity);
    }

    [Fact]
    public void Nothing_crosses_between_provinces()
    {
        var hueReport = SeedProvinces.Published("hue", Morning, "ubnd-tp-hue");

        Assert.Null(_services.GetRequiredKeyedService<ConfidentialityPolicy>("ca-mau").View(hueReport, null, Actor.Administrator("admin-cm"), ReportConfidentiality.None, Morning));
        Assert.Equal(ErrorCodes.ProvinceMismatch, _services.GetRequiredKeyedService<FieldReports.Rating.RatingPolicy>("ca-mau").Rate(hueReport, Actor.Reporter("citizen-1"), "satisfied", null, Morning).Error!.Code);
        Assert.Equal(ErrorCodes.ProvinceMismatch, new AccountModeration("hue", "x").RecordViolation(_services.GetRequiredKeyedService<ProvinceProfile>("ca-mau"), ViolationKind.AbusiveReport, Actor.Reception("s"), Morning).Result.Error!.Code);
    }
}
