using FieldReports.Core.Tests.Provinces;
using FieldReports.Rating;
using FieldReports.Reports;
using FieldReports.Statistics;
using NodaTime;

namespace FieldReports.Core.Tests.Statistics;

public class ReportStatisticsTests
{
    private static readonly Instant Start = SeedProvinces.Local(2024, 3, 4, 8);

    /// <summary>Every step has 4 hours, for the test.</summary>
    private sealed class FourHours : IStepDeadlines
    {
        public Instant? DueAt(Report report, ReportEvent stepStart) =>
            stepStart.To is ReportState.Assigned or ReportState.InHandling ? stepStart.OccurredAt + Duration.FromHours(4) : null;
    }

    private static Report Handled(string agency, Duration handling, Instant at)
    {
        var report = Report.Submit(ReportId.New(), new ReportSubmission
        {
            ProvinceId = "ca-mau", ReporterAccountId = "c", Channel = "app", Content = new ReportContent { Description = "x" },
        }, Actor.Reporter("c"), at);
        SeedProvinces.Ok(report.Apply(new ReceiveCommand("urban_order"), Actor.Reception("s"), at));
        SeedProvinces.Ok(report.Apply(new AssignCommand(agency), Actor.Reception("s"), at));
        SeedProvinces.Ok(report.Apply(new AcknowledgeCommand(), Actor.Handler("h", agency), at));
        SeedProvinces.Ok(report.Apply(new SubmitResultCommand("ok"), Actor.Handler("h", agency), at + handling));
        SeedProvinces.Ok(report.Apply(new ApproveCommand(), Actor.Approver("a"), at + handling));
        return report;
    }

    [Fact]
    public void Ca_Mau_month_counts_on_time_late_open_overdue_returned_rejected_and_ratings_per_agency_and_field()
    {
        var caMau = SeedProvinces.Load("ca-mau");
        var onTime = Handled("ubnd-tp", Duration.FromHours(4), Start);
        var late = Handled("ubnd-tp", Duration.FromHours(5), Start);
        SeedProvinces.Ok(onTime.Apply(new RateCommand(RatingLevel.Satisfied), Actor.Reporter("c"), Start + Duration.FromHours(6)));
        SeedProvinces.Ok(late.Apply(new RateCommand(RatingLevel.NotSatisfied), Actor.Reporter("c"), Start + Duration.FromHours(6)));

        var open = Report.Submit(ReportId.New(), new ReportSubmission { ProvinceId = "ca-mau", ReporterAccountId = "c", Channel = "app", Content = new ReportContent { Description = "x" } }, Actor.Reporter("c"), Start);
        SeedProvinces.Ok(open.Apply(new ReceiveCommand("urban_order"), Actor.Reception("s"), Start));
        SeedProvinces.Ok(open.Apply(new AssignCommand("ubnd-tp"), Actor.Reception("s"), Start));
        SeedProvinces.Ok(open.Apply(new ReturnToCentreCommand("Không thuộc thẩm quyền"), Actor.Handler("h", "ubnd-tp"), Start + Duration.FromHours(1)));
        SeedProvinces.Ok(open.Apply(new RedistributeCommand("so-tnmt"), Actor.Reception("s"), Start + Duration.FromHours(2)));

        var rejected = Report.Submit(ReportId.New(), new ReportSubmission { ProvinceId = "ca-mau", ReporterAccountId = "c", Channel = "app", Content = new ReportContent { Description = "x" } }, Actor.Reporter("c"), Start);
        SeedProvinces.Ok(rejected.Apply(new RejectCommand(IntakeRejectionReason.OutOfScope), Actor.Reception("s"), Start));

        var nextMonth = Handled("ubnd-tp", Duration.FromHours(1), SeedProvinces.Local(2024, 4, 1, 0, 0));
        var otherProvince = Report.Submit(ReportId.New(), new ReportSubmission { ProvinceId = "hue", ReporterAccountId = "c", Channel = "app", Content = new ReportContent { Description = "x" } }, Actor.Reporter("c"), Start);

        var interactions = new InteractionPolicy(caMau);
        var (_, ignored) = interactions.Open(late, Actor.Reporter("c"), InteractionKind.ClarificationRequest, "Làm rõ?", Start + Duration.FromHours(6));

        var result = ReportStatistics.Compute(
            caMau,
            [onTime, late, open, rejected, nextMonth, otherProvince],
            [ignored!],
            new StatisticsQuery { Period = StatisticsPeriod.Month(2024, 3), AsOf = Start + Duration.FromDays(10) },
            new FourHours());

        var tp = result.Rows.Single(r => r.AgencyId == "ubnd-tp");
        Assert.Equal((2, 1, 1, 0), (tp.Received, tp.HandledOnTime, tp.HandledLate, tp.StillOpen));
        Assert.Equal(1, tp.Ratings["satisfied"]);
        Assert.Equal(1, tp.Ratings["not_satisfied"]);
        var tnmt = result.Rows.Single(r => r.AgencyId == "so-tnmt");
        Assert.Equal((1, 1, 1, 1), (tnmt.Received, tnmt.StillOpen, tnmt.OpenOverdue, tnmt.Returned));
        Assert.Equal(1, result.Rows.Single(r => r.AgencyId == "(centre)").Rejected);
        Assert.Equal(5 - 1, result.Rows.Sum(r => r.Received));
        Assert.Equal([late.Id, open.Id], result.LateCases.ToArray());
        Assert.Equal([open.Id], result.UnresolvedCases.ToArray());
        Assert.Empty(result.ProlongedCases);
        Assert.Equal(1, result.UnansweredInteractions["ubnd-tp"]);
    }

    [Fact]
    public void Unresolved_report_becomes_prolonged_after_30_days()
    {
        var open = Report.Submit(ReportId.New(), new ReportSubmission { ProvinceId = "ca-mau", ReporterAccountId = "c", Channel = "app", Content = new ReportContent { Description = "x" } }, Actor.Reporter("c"), Start);

        StatisticsResult At(Duration after) => ReportStatistics.Compute(SeedProvinces.Load("ca-mau"), [open], [], new StatisticsQuery { Period = StatisticsPeriod.Year(2024), AsOf = Start + after }, new FourHours());

        Assert.Empty(At(Duration.FromDays(30)).ProlongedCases);
        Assert.Equal([open.Id], At(Duration.FromDays(30) + Duration.FromSeconds(1)).ProlongedCases.ToArray());
    }

    [Fact]
    public void Periods_cover_month_quarter_half_year_year_and_ranges()
    {
        Assert.Equal("2024-04-01..2024-07-01", StatisticsPeriod.Quarter(2024, 2).ToString());
        Assert.Equal("2024-07-01..2025-01-01", StatisticsPeriod.HalfYear(2024, 2).ToString());
        Assert.Equal("2024-02-01..2024-03-01", StatisticsPeriod.Month(2024, 2).ToString());
        Assert.True(StatisticsPeriod.Year(2024).Contains(new LocalDate(2024, 12, 31)));
        Assert.False(StatisticsPeriod.Range(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31)).Contains(new LocalDate(2024, 2, 1)));
    }
}
