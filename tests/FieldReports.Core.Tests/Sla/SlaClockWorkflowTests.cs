using FieldReports.Reports;
using FieldReports.Sla;
using NodaTime;
using static FieldReports.Testing.Calendars;

namespace FieldReports.Tests.Sla;

/// <summary>The SLA clock read from the events the real report workflow records.</summary>
public class SlaClockWorkflowTests
{
    private static readonly Actor Citizen = new(ActorRole.Reporter, "citizen-1");
    private static readonly Actor Reception = new(ActorRole.ReceptionStaff, "reception-1");
    private static readonly Actor Approver = new(ActorRole.Approver, "approver-1");
    private static readonly Actor Handler = new(ActorRole.HandlingStaff, "handler-1", "ward-1");

    private static void Apply(Report report, ReportCommand command, Actor actor, Instant at)
    {
        var result = report.Apply(command, actor, at);
        Assert.True(result.IsSuccess, $"{command.Trigger} was refused: {result.Error?.Message}");
    }

    [Fact]
    public void Report_handled_through_the_workflow_gets_a_clock_per_step_with_escalation_paused()
    {
        var report = Report.Submit(
            ReportId.New(),
            new ReportSubmission { ProvinceId = "ca-mau", ReporterAccountId = Citizen.AccountId, Channel = "app", Content = new ReportContent { Description = "Rác thải bị đổ trái phép" } },
            Citizen,
            At(2026, 2, 13, 16, 59));
        Apply(report, new ReceiveCommand("environment"), Reception, At(2026, 2, 23, 8, 0));
        Apply(report, new AssignCommand("ward-1"), Reception, At(2026, 2, 23, 9, 0));
        Apply(report, new AcknowledgeCommand(), Handler, At(2026, 2, 23, 9, 30));
        Apply(report, new EscalateCommand("needs the province's direction"), Reception, At(2026, 2, 23, 10, 0));
        Apply(report, new ResumeCommand("ward-1 handles it", "ward-1"), Reception, At(2026, 2, 24, 8, 0));

        var clock = SlaClock.Compute(report.Events, SlaPolicy.Default, Standard, At(2026, 2, 24, 9, 0));

        Assert.Equal([SlaStep.ReceiveAndDistribute, SlaStep.Handle], clock.Steps.Select(s => s.Step));
        var distribution = clock.Steps[0];
        Assert.Equal(At(2026, 2, 23, 9, 29), distribution.Deadline);
        Assert.False(distribution.IsBreached);

        // 4 working hours from Mon 09:00, 1 h used before the escalation on Mon 10:00; the remaining 3 h run from Tue 08:00.
        var handling = clock.Current!;
        Assert.Equal(At(2026, 2, 23, 9, 0), handling.StartedAt);
        Assert.Equal(At(2026, 2, 24, 11, 0), handling.Deadline);
        Assert.Equal(Duration.FromHours(2), handling.Remaining);

        Apply(report, new AcknowledgeCommand(), Handler, At(2026, 2, 24, 9, 15));
        Apply(report, new SubmitResultCommand("cleared", ["photo-1"]), Handler, At(2026, 2, 24, 10, 0));
        Apply(report, new ApproveCommand(), Approver, At(2026, 2, 24, 15, 0));

        var done = SlaClock.Compute(report.Events, SlaPolicy.Default, Standard, At(2026, 2, 25, 9, 0));

        Assert.Null(done.Current);
        var approval = done.Steps[^1];
        Assert.Equal(SlaStep.ApproveAndPublish, approval.Step);
        // 2 working hours from Tue 10:00: 1.5 h before lunch, 0.5 h after 13:30.
        Assert.Equal(At(2026, 2, 24, 14, 0), approval.Deadline);
        Assert.True(approval.IsBreached);
        Assert.Equal(Duration.FromHours(1), approval.Overdue);
    }

    [Fact]
    public void Handling_is_counted_on_the_calendar_of_the_assigned_agency()
    {
        var options = new FieldReports.Calendar.BusinessCalendarOptions
        {
            OfficeHours = { ["Mon-Fri"] = ["07:30-11:30", "13:30-17:00"] },
            Agencies = { ["one-stop"] = new FieldReports.Calendar.WorkingHoursOptions { OfficeHours = { ["Mon-Fri"] = ["07:00-19:00"] } } },
        };
        var province = FieldReports.Calendar.BusinessCalendar.Create(FieldReports.Testing.TestHolidayCalendar.Instance, options);
        var oneStop = FieldReports.Calendar.BusinessCalendar.Create(FieldReports.Testing.TestHolidayCalendar.Instance, options, "one-stop");
        var report = Report.Submit(
            ReportId.New(),
            new ReportSubmission { ProvinceId = "ca-mau", ReporterAccountId = Citizen.AccountId, Channel = "app", Content = new ReportContent { Description = "Rác thải bị đổ trái phép" } },
            Citizen,
            At(2026, 3, 10, 14, 0));
        Apply(report, new ReceiveCommand("environment"), Reception, At(2026, 3, 10, 14, 30));
        Apply(report, new AssignCommand("one-stop"), Reception, At(2026, 3, 10, 15, 0));

        var clock = SlaClock.Compute(
            report.Events,
            SlaPolicy.Default,
            (step, agency) => step == SlaStep.Handle && agency == "one-stop" ? oneStop : province,
            At(2026, 3, 10, 15, 0));

        // The agency works until 19:00, so 4 working hours from 15:00 end the same evening; the centre's step used its own hours.
        Assert.Equal(At(2026, 3, 10, 19, 0), clock.Current!.Deadline);
        Assert.Equal(At(2026, 3, 10, 16, 0), clock.Steps[0].Deadline);
    }
}
