using FieldReports.Reports;
using FieldReports.Sla;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static FieldReports.Testing.Calendars;

namespace FieldReports.Tests.Sla;

public class SlaClockProperties
{
    private static readonly Instant Origin = At(2026, 1, 5, 0, 0);

    private static ReportEvent Ev(int sequence, Instant at, ReportTrigger trigger, ReportState? from, ReportState to) => new()
    {
        Sequence = sequence,
        OccurredAt = at,
        ActorRole = ActorRole.System,
        ActorAccountId = "account",
        Trigger = trigger,
        From = from,
        To = to,
        IsUrgent = false,
    };

    [Property]
    public Property Escalation_pause_neither_consumes_nor_forgives_budget() =>
        Prop.ForAll(
            Gen.Choose(0, 60 * 24 * 300).ToArbitrary(),
            Gen.Choose(0, 60 * 20).ToArbitrary(),
            Gen.Choose(0, 60 * 24 * 10).ToArbitrary(),
            (assignAt, untilPause, pauseLength) =>
            {
                var assigned = Origin + Duration.FromMinutes(assignAt);
                var paused = assigned + Duration.FromMinutes(untilPause);
                var resumed = paused + Duration.FromMinutes(pauseLength);
                ReportEvent[] events =
                [
                    Ev(1, assigned, ReportTrigger.Assign, ReportState.Received, ReportState.Assigned),
                    Ev(2, paused, ReportTrigger.Escalate, ReportState.Assigned, ReportState.Escalated),
                    Ev(3, resumed, ReportTrigger.Resume, ReportState.Escalated, ReportState.Assigned),
                ];
                var withoutPause = SlaClock.Compute(events[..1], SlaPolicy.Default, Standard, assigned).Current!;
                var status = SlaClock.Compute(events, SlaPolicy.Default, Standard, resumed).Current!;

                if (paused >= withoutPause.Deadline)
                {
                    // Paused at or after the deadline: the deadline stays.
                    return (status.Deadline == withoutPause.Deadline).Label($"deadline moved from {withoutPause.Deadline} to {status.Deadline}");
                }

                // The budget used before the pause plus the budget used after it adds up to exactly the budget.
                var used = status.BudgetKind == SlaBudgetKind.ElapsedTime
                    ? (paused - assigned) + (status.Deadline - resumed)
                    : Standard.WorkingTimeBetween(assigned, paused) + Standard.WorkingTimeBetween(resumed, status.Deadline);
                return (used == status.Budget && status.PausedFor == resumed - paused).Label($"{status.BudgetKind}: used {used} of {status.Budget}");
            });

    [Property]
    public Property Breach_is_exactly_being_past_the_deadline() =>
        Prop.ForAll(Gen.Choose(0, 60 * 24 * 300).ToArbitrary(), Gen.Choose(0, 60 * 24 * 5).ToArbitrary(), (submitAt, later) =>
        {
            var submitted = Origin + Duration.FromMinutes(submitAt);
            var now = submitted + Duration.FromMinutes(later);
            var status = SlaClock.Compute([Ev(1, submitted, ReportTrigger.Submit, null, ReportState.Submitted)], SlaPolicy.Default, Standard, now).Current!;
            return status.IsBreached == (now > status.Deadline)
                && (status.Remaining > Duration.Zero) == (now < status.Deadline)
                && !(status.IsBreached && status.IsWarning);
        });
}
