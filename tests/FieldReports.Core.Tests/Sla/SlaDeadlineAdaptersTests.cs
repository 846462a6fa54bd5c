using FieldReports.Core.Tests.Provinces;
using FieldReports.Rating;
using FieldReports.Reports;
using FieldReports.Sla;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Core.Tests.Sla;

public class SlaDeadlineAdaptersTests
{
    [Fact]
    public void Clarification_sent_on_Friday_afternoon_is_due_on_Monday_afternoon_not_Saturday()
    {
        var services = SeedProvinces.Services("hue");
        var deadline = services.GetRequiredService<IClarificationDeadline>();
        var hue = SeedProvinces.Load("hue");

        // Friday 6 March 2026, 16:00 in Huế: "answer within 1 day" is one working day.
        var due = deadline.DueAt(hue, SeedProvinces.Local(2026, 3, 6, 16, 0));

        Assert.IsType<SlaClarificationDeadline>(deadline);
        Assert.Equal(SeedProvinces.Local(2026, 3, 9, 16, 0), due);
    }

    [Fact]
    public void Statistics_deadlines_are_the_SLA_clocks_step_deadlines()
    {
        var caMau = SeedProvinces.Load("ca-mau");
        var at = SeedProvinces.Local(2026, 3, 2, 9, 0);
        var report = SeedProvinces.Published("ca-mau", at, "agency-1");
        var deadlines = new SlaStepDeadlines(caMau);

        var submit = report.Events[0];
        var assign = report.Events.First(e => e.Trigger == ReportTrigger.Assign);

        Assert.Equal(SeedProvinces.Local(2026, 3, 2, 11, 0), deadlines.DueAt(report, submit));
        Assert.Equal(SeedProvinces.Local(2026, 3, 2, 15, 0), deadlines.DueAt(report, assign));
        Assert.Null(deadlines.DueAt(report, report.Events.First(e => e.Trigger == ReportTrigger.Acknowledge)));
    }

    [Fact]
    public void Handling_resumed_after_an_escalation_is_the_same_step_and_a_redistribution_starts_a_new_one()
    {
        var caMau = SeedProvinces.Load("ca-mau");
        var at = SeedProvinces.Local(2026, 3, 2, 9, 0);
        var report = Report.Submit(ReportId.New(), new ReportSubmission
        {
            ProvinceId = "ca-mau",
            ReporterAccountId = "citizen-1",
            Channel = "app",
            Content = new ReportContent { Description = "Đèn đường hỏng cả dãy phố." },
        }, Actor.Reporter("citizen-1"), at);
        var reception = Actor.Reception("r-1");
        SeedProvinces.Ok(report.Apply(new ReceiveCommand("urban_order"), reception, at));
        SeedProvinces.Ok(report.Apply(new AssignCommand("agency-1"), reception, at));
        SeedProvinces.Ok(report.Apply(new EscalateCommand("Chưa rõ thẩm quyền"), reception, at + Duration.FromMinutes(30)));
        SeedProvinces.Ok(report.Apply(new ResumeCommand("Giao agency-1", "agency-1"), reception, at + Duration.FromHours(1)));
        SeedProvinces.Ok(report.Apply(new ReturnToCentreCommand("Sai thẩm quyền", "agency-2"), Actor.Handler("h-1", "agency-1"), at + Duration.FromHours(2)));
        SeedProvinces.Ok(report.Apply(new RedistributeCommand("agency-2"), reception, at + Duration.FromHours(3)));
        var deadlines = new SlaStepDeadlines(caMau);
        var assign = report.Events.First(e => e.Trigger == ReportTrigger.Assign);
        var resume = report.Events.First(e => e.Trigger == ReportTrigger.Resume);
        var redistribute = report.Events.First(e => e.Trigger == ReportTrigger.Redistribute);

        // The resumed handling continues the paused step: it starts no step of its own.
        Assert.Null(deadlines.DueAt(report, resume));
        Assert.NotNull(deadlines.DueAt(report, assign));
        // Redistributed at 12:00, in the lunch break: 3.5 working hours from 13:30 to 17:00, the last 30 minutes on Tuesday → 08:00.
        Assert.Equal(SeedProvinces.Local(2026, 3, 3, 8, 0), deadlines.DueAt(report, redistribute));
    }
}
