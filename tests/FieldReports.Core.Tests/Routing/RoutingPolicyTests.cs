using FieldReports.Core.Tests.Provinces;
using FieldReports.Reports;
using FieldReports.Routing;
using NodaTime;

namespace FieldReports.Core.Tests.Routing;

public class RoutingPolicyTests
{
    private static readonly Instant At = SeedProvinces.Local(2024, 6, 3, 9);

    private static Report Received(string province, string field, string? area = null, GeoPoint? location = null, Instant? at = null)
    {
        var when = at ?? At;
        var report = Report.Submit(ReportId.New(), new ReportSubmission
        {
            ProvinceId = province,
            ReporterAccountId = "citizen-1",
            Channel = "app",
            Content = new ReportContent { Description = "Lấn chiếm vỉa hè", AreaCode = area, Location = location },
        }, Actor.Reporter("citizen-1"), when);
        SeedProvinces.Ok(report.Apply(new ReceiveCommand(field), Actor.Reception("s"), when));
        return report;
    }

    [Fact]
    public void Ca_Mau_most_specific_area_rule_wins_then_province_wide_rule_then_fallback()
    {
        var policy = new RoutingPolicy(SeedProvinces.Load("ca-mau"));

        Assert.Equal(new RoutingProposal("ubnd-p1", "rule", "cm-tp-p1"), policy.Propose("urban_order", "cm-tp-p1").Proposal);
        Assert.Equal(new RoutingProposal("ubnd-tp", "rule"), policy.Propose("urban_order", "cm-tp").Proposal);
        Assert.Equal("so-gtvt", policy.Propose("traffic", "cm-tp-p1").Proposal!.AgencyId);
        Assert.Equal(ErrorCodes.FieldUnknown, policy.Propose("space", null).Result.Error!.Code);
    }

    [Fact]
    public void Agency_tree_has_any_depth_Ca_Mau_commune_under_city_under_province()
    {
        var tree = SeedProvinces.Load("ca-mau").Agencies;

        Assert.Equal(2, tree.Find("ubnd-p1")!.Depth);
        Assert.Equal(["ubnd-tp", "ubnd-cm"], tree.AncestorsOf("ubnd-p1").Select(a => a.Id));
        Assert.Contains(tree.ChildrenOf("ubnd-cm"), a => a.Id == "so-gtvt");
    }

    [Fact]
    public void Dak_Lak_return_without_a_proposal_is_refused_and_changes_nothing()
    {
        var policy = new RoutingPolicy(SeedProvinces.Load("dak-lak"));
        var report = Received("dak-lak", "urban_order");
        SeedProvinces.Ok(policy.Assign(report, new AssignCommand("to-bmt"), Actor.Reception("s"), At));
        var handler = Actor.Handler("h", "to-bmt");

        var refused = policy.Return(report, new ReturnToCentreCommand("Không thuộc địa bàn"), handler, At);

        Assert.Equal(ErrorCodes.ProposalRequired, refused.Error!.Code);
        Assert.Equal(ReportState.Assigned, report.State);
        SeedProvinces.Ok(policy.Return(report, new ReturnToCentreCommand("Không thuộc địa bàn", "to-eakar"), handler, At));
        Assert.Equal(new RoutingProposal("to-eakar", "proposal"), policy.ProposeRedistribution(report).Proposal);
    }

    [Fact]
    public void Ca_Mau_return_without_proposal_is_allowed_and_redistribution_never_proposes_the_returning_agency()
    {
        var policy = new RoutingPolicy(SeedProvinces.Load("ca-mau"));
        var report = Received("ca-mau", "urban_order", "cm-tp-p1");
        SeedProvinces.Ok(policy.Assign(report, new AssignCommand("ubnd-p1"), Actor.Reception("s"), At));

        SeedProvinces.Ok(policy.Return(report, new ReturnToCentreCommand("Thuộc thẩm quyền thành phố"), Actor.Handler("h", "ubnd-p1"), At));

        Assert.Equal("ubnd-tp", policy.ProposeRedistribution(report).Proposal!.AgencyId);
    }

    [Fact]
    public void Unknown_agencies_are_refused_for_assignment_and_proposals()
    {
        var policy = new RoutingPolicy(SeedProvinces.Load("dak-lak"));
        var report = Received("dak-lak", "urban_order");

        Assert.Equal(ErrorCodes.AgencyUnknown, policy.Assign(report, new AssignCommand("nowhere"), Actor.Reception("s"), At).Error!.Code);
        Assert.Equal(ReportState.Received, report.State);
    }

    [Fact]
    public void Escalation_goes_to_the_provinces_escalation_body_and_is_refused_without_one()
    {
        var caMau = new RoutingPolicy(SeedProvinces.Load("ca-mau"));
        Assert.Equal("ubnd-cm", caMau.EscalationTarget!.Id);
        SeedProvinces.Ok(caMau.Escalate(Received("ca-mau", "traffic"), "Các cơ quan không thống nhất", Actor.Reception("s"), At));

        var none = new RoutingPolicy(SeedProvinces.Build("x", p => p.Fields.Add(new FieldReports.Provinces.FieldOptions { Code = "f", NameVi = "F" })));
        var report = Received("x", "f");
        Assert.Equal(ErrorCodes.NoEscalationTarget, none.Escalate(report, "?", Actor.Reception("s"), At).Error!.Code);
        Assert.Equal(ReportState.Received, report.State);
    }

    [Fact]
    public void Duplicates_are_same_field_within_distance_and_period_nearest_first_and_link_to_the_original()
    {
        var policy = new RoutingPolicy(SeedProvinces.Load("ca-mau"));
        var here = new GeoPoint(9.1769, 105.1524);
        var near = Received("ca-mau", "urban_order", location: new GeoPoint(9.1779, 105.1524), at: At - Duration.FromDays(2)); // ~111 m
        var nearest = Received("ca-mau", "urban_order", location: new GeoPoint(9.1770, 105.1524), at: At - Duration.FromDays(1)); // ~11 m
        var far = Received("ca-mau", "urban_order", location: new GeoPoint(9.1800, 105.1524), at: At - Duration.FromDays(1)); // ~345 m
        var otherField = Received("ca-mau", "traffic", location: here, at: At - Duration.FromDays(1));
        var tooOld = Received("ca-mau", "urban_order", location: here, at: At - Duration.FromDays(8));
        var report = Report.Submit(ReportId.New(), new ReportSubmission
        {
            ProvinceId = "ca-mau", ReporterAccountId = "citizen-2", Channel = "app", Content = new ReportContent { Description = "Lấn chiếm", Location = here },
        }, Actor.Reporter("citizen-2"), At);

        var candidates = policy.FindDuplicates(report, "urban_order", [near, nearest, far, otherField, tooOld]);

        Assert.Equal([nearest.Id, near.Id], candidates.Select(c => c.Report.Id));
        SeedProvinces.Ok(policy.LinkDuplicate(report, nearest, Actor.Reception("s"), At));
        Assert.Equal(nearest.Id, report.DuplicateOf);
        Assert.Equal(IntakeRejectionReason.Duplicate, report.RejectionReason);
    }

    [Fact]
    public void A_report_cannot_be_linked_to_a_report_of_another_province()
    {
        var policy = new RoutingPolicy(SeedProvinces.Load("ca-mau"));
        var report = Report.Submit(ReportId.New(), new ReportSubmission
        {
            ProvinceId = "ca-mau", ReporterAccountId = "c", Channel = "app", Content = new ReportContent { Description = "x" },
        }, Actor.Reporter("c"), At);

        var result = policy.LinkDuplicate(report, Received("hue", "urban_order"), Actor.Reception("s"), At);

        Assert.Equal(ErrorCodes.InvalidDuplicate, result.Error!.Code);
        Assert.Equal(ReportState.Submitted, report.State);
    }
}
