using FieldReports.Reports;
using FieldReports.Sla;
using NodaTime;
using static FieldReports.Testing.Calendars;

namespace FieldReports.Tests.Sla;

public class SlaClockTests
{
    private static readonly SlaPolicy Policy = SlaPolicy.Default;

    private static ReportEvent Ev(int sequence, Instant at, ReportTrigger trigger, ReportState? from, ReportState to, bool urgent = false) => new()
    {
        Sequence = sequence,
        OccurredAt = at,
        ActorRole = ActorRole.System,
        ActorAccountId = "account",
        Trigger = trigger,
        From = from,
        To = to,
        IsUrgent = urgent,
    };

    private static ReportEvent Submitted(Instant at, bool urgent = false) => Ev(1, at, ReportTrigger.Submit, null, ReportState.Submitted, urgent);

    private static SlaStatus Current(Instant now, params ReportEvent[] events) =>
        SlaClock.Compute(events, Policy, Standard, now).Current ?? throw new InvalidOperationException("no running step");

    [Fact]
    public void Report_received_at_1659_on_the_Friday_before_Tet_is_due_for_distribution_after_the_break()
    {
        var status = Current(At(2026, 2, 13, 17, 30), Submitted(At(2026, 2, 13, 16, 59)));

        Assert.Equal(SlaStep.ReceiveAndDistribute, status.Step);
        Assert.Equal(SlaBudgetKind.WorkingTime, status.BudgetKind);
        Assert.Equal(At(2026, 2, 23, 9, 29), status.Deadline);
        Assert.Equal(Duration.FromMinutes(119), status.Remaining);
        Assert.False(status.IsWarning);
        Assert.False(status.IsBreached);
    }

    [Fact]
    public void Report_received_during_lunch_break_counts_from_afternoon_start()
    {
        var status = Current(At(2026, 3, 10, 12, 30), Submitted(At(2026, 3, 10, 12, 15)));

        Assert.Equal(At(2026, 3, 10, 13, 30), status.CountingFrom);
        Assert.Equal(At(2026, 3, 10, 15, 30), status.Deadline);
        Assert.Equal(Duration.FromHours(2), status.Remaining);
    }

    [Fact]
    public void Report_received_on_a_compensatory_day_off_gets_the_day_off_budget_in_elapsed_time()
    {
        var status = Current(At(2026, 4, 27, 10, 0), Submitted(At(2026, 4, 27, 10, 0)));

        Assert.Equal(SlaBudgetKind.ElapsedTime, status.BudgetKind);
        Assert.Equal(Duration.FromHours(12), status.Budget);
        Assert.Equal(At(2026, 4, 27, 22, 0), status.Deadline);
    }

    [Fact]
    public void Report_received_on_a_swapped_working_Saturday_gets_the_working_day_budget()
    {
        var status = Current(At(2026, 1, 10, 10, 0), Submitted(At(2026, 1, 10, 10, 0)));

        Assert.Equal(SlaBudgetKind.WorkingTime, status.BudgetKind);
        Assert.Equal(At(2026, 1, 10, 14, 0), status.Deadline);
    }

    [Fact]
    public void Report_received_on_an_ordinary_Saturday_gets_the_day_off_budget()
    {
        var status = Current(At(2026, 3, 14, 10, 0), Submitted(At(2026, 3, 14, 10, 0)));

        Assert.Equal(SlaBudgetKind.ElapsedTime, status.BudgetKind);
        Assert.Equal(At(2026, 3, 14, 22, 0), status.Deadline);
    }

    [Fact]
    public void Report_received_after_closing_on_a_working_day_counts_from_next_opening_by_default()
    {
        var status = Current(At(2026, 3, 10, 18, 0), Submitted(At(2026, 3, 10, 18, 0)));

        Assert.Equal(SlaBudgetKind.WorkingTime, status.BudgetKind);
        Assert.Equal(At(2026, 3, 11, 7, 30), status.CountingFrom);
        Assert.Equal(At(2026, 3, 11, 9, 30), status.Deadline);
    }

    [Fact]
    public void Report_received_after_closing_is_budgeted_as_a_day_off_when_the_policy_says_so()
    {
        var policy = SlaPolicy.Create(new SlaOptions { OutOfHours = OutOfHoursPolicy.TreatAsDayOff });

        var status = SlaClock.Compute([Submitted(At(2026, 3, 10, 18, 0))], policy, Standard, At(2026, 3, 10, 18, 0)).Current!;

        Assert.Equal(SlaBudgetKind.ElapsedTime, status.BudgetKind);
        Assert.Equal(At(2026, 3, 11, 6, 0), status.Deadline);
    }

    [Fact]
    public void Out_of_hours_policy_can_be_set_per_step()
    {
        var options = new SlaOptions { OutOfHours = OutOfHoursPolicy.TreatAsDayOff };
        options.ReceiveAndDistribute.OutOfHours = OutOfHoursPolicy.CountFromNextOpening;
        var policy = SlaPolicy.Create(options);

        Assert.Equal(OutOfHoursPolicy.CountFromNextOpening, policy[SlaStep.ReceiveAndDistribute].OutOfHours);
        Assert.Equal(OutOfHoursPolicy.TreatAsDayOff, policy[SlaStep.Handle].OutOfHours);
    }

    [Fact]
    public void Urgent_report_gets_the_short_urgent_budget_in_elapsed_time_even_at_night()
    {
        var status = Current(At(2026, 3, 10, 23, 0), Submitted(At(2026, 3, 10, 23, 0), urgent: true));

        Assert.True(status.IsUrgent);
        Assert.Equal(SlaBudgetKind.ElapsedTime, status.BudgetKind);
        Assert.Equal(At(2026, 3, 10, 23, 30), status.Deadline);
    }

    [Fact]
    public void Report_marked_urgent_when_received_is_rebudgeted_from_its_submission()
    {
        var status = Current(
            At(2026, 3, 10, 9, 10),
            Submitted(At(2026, 3, 10, 9, 0)),
            Ev(2, At(2026, 3, 10, 9, 5), ReportTrigger.Receive, ReportState.Submitted, ReportState.Received, urgent: true));

        Assert.True(status.IsUrgent);
        Assert.Equal(At(2026, 3, 10, 9, 30), status.Deadline);
    }

    [Fact]
    public void Handling_starts_at_assignment_and_acknowledging_does_not_restart_it()
    {
        var status = Current(
            At(2026, 3, 10, 12, 0),
            Submitted(At(2026, 3, 10, 8, 0)),
            Ev(2, At(2026, 3, 10, 8, 30), ReportTrigger.Receive, ReportState.Submitted, ReportState.Received),
            Ev(3, At(2026, 3, 10, 9, 0), ReportTrigger.Assign, ReportState.Received, ReportState.Assigned),
            Ev(4, At(2026, 3, 10, 10, 0), ReportTrigger.Acknowledge, ReportState.Assigned, ReportState.InHandling));

        Assert.Equal(SlaStep.Handle, status.Step);
        Assert.Equal(At(2026, 3, 10, 9, 0), status.StartedAt);
        Assert.Equal(At(2026, 3, 10, 15, 0), status.Deadline);
    }

    [Fact]
    public void Completed_steps_keep_their_outcome()
    {
        var clock = SlaClock.Compute(
            [
                Submitted(At(2026, 3, 10, 8, 0)),
                Ev(2, At(2026, 3, 10, 8, 30), ReportTrigger.Receive, ReportState.Submitted, ReportState.Received),
                Ev(3, At(2026, 3, 10, 10, 1), ReportTrigger.Assign, ReportState.Received, ReportState.Assigned),
            ],
            Policy,
            Standard,
            At(2026, 3, 10, 10, 30));

        var distribution = clock.Steps[0];
        Assert.Equal(At(2026, 3, 10, 10, 1), distribution.CompletedAt);
        Assert.True(distribution.IsBreached);
        Assert.Equal(Duration.FromMinutes(1), distribution.Overdue);
        Assert.Equal(SlaStep.Handle, clock.Current!.Step);
    }

    [Fact]
    public void Escalation_pauses_handling_and_resumption_moves_the_deadline_by_the_budget_left()
    {
        ReportEvent[] events =
        [
            Submitted(At(2026, 3, 10, 8, 0)),
            Ev(2, At(2026, 3, 10, 8, 30), ReportTrigger.Receive, ReportState.Submitted, ReportState.Received),
            Ev(3, At(2026, 3, 10, 9, 0), ReportTrigger.Assign, ReportState.Received, ReportState.Assigned),
            Ev(4, At(2026, 3, 10, 10, 0), ReportTrigger.Escalate, ReportState.Assigned, ReportState.Escalated),
            Ev(5, At(2026, 3, 11, 9, 0), ReportTrigger.Resume, ReportState.Escalated, ReportState.Assigned),
        ];

        var whilePaused = Current(At(2026, 3, 10, 16, 0), events);
        Assert.True(whilePaused.IsPaused);
        Assert.Equal(Duration.FromHours(3), whilePaused.Remaining);
        Assert.False(whilePaused.IsBreached);

        var resumed = Current(At(2026, 3, 11, 9, 30), events);
        Assert.False(resumed.IsPaused);
        Assert.Equal(At(2026, 3, 11, 14, 0), resumed.Deadline);
        Assert.Equal(Duration.FromHours(23), resumed.PausedFor);
        Assert.Equal(At(2026, 3, 10, 9, 0), resumed.StartedAt);
    }

    [Fact]
    public void Without_pause_states_escalation_ends_the_step_and_resumption_starts_a_new_one()
    {
        var policy = SlaPolicy.Create(new SlaOptions { PauseStates = [] });
        var clock = SlaClock.Compute(
            [
                Submitted(At(2026, 3, 10, 8, 0)),
                Ev(2, At(2026, 3, 10, 9, 0), ReportTrigger.Receive, ReportState.Submitted, ReportState.Received),
                Ev(3, At(2026, 3, 10, 9, 0), ReportTrigger.Assign, ReportState.Received, ReportState.Assigned),
                Ev(4, At(2026, 3, 10, 10, 0), ReportTrigger.Escalate, ReportState.Assigned, ReportState.Escalated),
                Ev(5, At(2026, 3, 11, 9, 0), ReportTrigger.Resume, ReportState.Escalated, ReportState.Assigned),
            ],
            policy,
            Standard,
            At(2026, 3, 11, 9, 30));

        Assert.Equal(3, clock.Steps.Count);
        Assert.Equal(At(2026, 3, 11, 9, 0), clock.Current!.StartedAt);
        Assert.Equal(At(2026, 3, 11, 15, 0), clock.Current.Deadline);
    }

    [Fact]
    public void Warning_is_raised_when_75_percent_of_the_budget_is_used_and_not_before()
    {
        ReportEvent[] events =
        [
            Submitted(At(2026, 3, 10, 8, 0)),
            Ev(2, At(2026, 3, 10, 9, 0), ReportTrigger.Assign, ReportState.Received, ReportState.Assigned),
        ];

        // 4 working hours from 09:00: used 2h59 at 13:59 (lunch excluded), 3h at 14:00.
        Assert.False(Current(At(2026, 3, 10, 13, 59), events).IsWarning);
        Assert.True(Current(At(2026, 3, 10, 14, 0), events).IsWarning);
    }

    [Fact]
    public void Breach_is_decided_on_the_exact_deadline_not_a_rounded_share()
    {
        ReportEvent[] events = [Submitted(At(2026, 3, 10, 9, 0))];
        var deadline = At(2026, 3, 10, 11, 0);

        var justBefore = Current(deadline - Duration.FromNanoseconds(1), events);
        var atDeadline = Current(deadline, events);
        var justAfter = Current(deadline + Duration.FromNanoseconds(1), events);

        Assert.Equal(Duration.FromNanoseconds(1), justBefore.Remaining);
        Assert.True(justBefore.IsWarning);
        Assert.False(justBefore.IsBreached);
        Assert.False(atDeadline.IsBreached);
        Assert.Equal(Duration.Zero, atDeadline.Remaining);
        Assert.True(justAfter.IsBreached);
        Assert.False(justAfter.IsWarning);
        Assert.Equal(Duration.FromNanoseconds(1), justAfter.Overdue);
    }

    [Fact]
    public void Step_completed_exactly_at_its_deadline_is_in_time()
    {
        var clock = SlaClock.Compute(
            [
                Submitted(At(2026, 3, 10, 9, 0)),
                Ev(2, At(2026, 3, 10, 10, 0), ReportTrigger.Receive, ReportState.Submitted, ReportState.Received),
                Ev(3, At(2026, 3, 10, 11, 0), ReportTrigger.AnswerDirectly, ReportState.Received, ReportState.AnsweredDirectly),
            ],
            Policy,
            Standard,
            At(2026, 3, 12, 0, 0));

        Assert.Null(clock.Current);
        Assert.False(Assert.Single(clock.Steps).IsBreached);
    }

    [Fact]
    public void Return_to_centre_starts_redistribution_and_redistribution_starts_handling_again()
    {
        var clock = SlaClock.Compute(
            [
                Submitted(At(2026, 3, 10, 8, 0)),
                Ev(2, At(2026, 3, 10, 8, 10), ReportTrigger.Receive, ReportState.Submitted, ReportState.Received),
                Ev(3, At(2026, 3, 10, 8, 20), ReportTrigger.Assign, ReportState.Received, ReportState.Assigned),
                Ev(4, At(2026, 3, 10, 8, 50), ReportTrigger.ReturnToCentre, ReportState.Assigned, ReportState.ReturnedToCentre),
                Ev(5, At(2026, 3, 10, 11, 0), ReportTrigger.Redistribute, ReportState.ReturnedToCentre, ReportState.Assigned),
            ],
            Policy,
            Standard,
            At(2026, 3, 10, 11, 5));

        Assert.Equal([SlaStep.ReceiveAndDistribute, SlaStep.Handle, SlaStep.ReturnAsWrongCompetence, SlaStep.Handle], clock.Steps.Select(s => s.Step));
        Assert.True(clock.Steps[2].IsBreached);
        Assert.Equal(At(2026, 3, 10, 9, 50), clock.Steps[2].Deadline);
        Assert.Equal(At(2026, 3, 10, 11, 0), clock.Current!.StartedAt);
    }

    [Fact]
    public void Submitted_result_starts_approval_and_publication_stops_the_clock()
    {
        ReportEvent[] events =
        [
            Submitted(At(2026, 3, 10, 8, 0)),
            Ev(2, At(2026, 3, 10, 8, 10), ReportTrigger.Assign, ReportState.Received, ReportState.Assigned),
            Ev(3, At(2026, 3, 10, 9, 0), ReportTrigger.SubmitResult, ReportState.InHandling, ReportState.ResultSubmitted),
            Ev(4, At(2026, 3, 10, 10, 0), ReportTrigger.Approve, ReportState.ResultSubmitted, ReportState.Published),
        ];

        var approving = SlaClock.Compute(events, Policy, Standard, At(2026, 3, 10, 9, 30)).Current!;
        Assert.Equal(SlaStep.ApproveAndPublish, approving.Step);
        Assert.Equal(At(2026, 3, 10, 11, 0), approving.Deadline);

        Assert.Null(SlaClock.Compute(events, Policy, Standard, At(2026, 3, 10, 10, 30)).Current);
    }

    [Fact]
    public void Not_satisfied_rating_gives_the_agency_one_working_day_to_follow_up()
    {
        var status = Current(
            At(2026, 3, 13, 16, 0),
            Ev(1, At(2026, 3, 13, 15, 0), ReportTrigger.Rate, ReportState.Published, ReportState.FollowUpRequired));

        Assert.Equal(SlaStep.FollowUpDissatisfiedRating, status.Step);
        Assert.Equal(SlaBudgetKind.WorkingDays, status.BudgetKind);
        Assert.Equal(At(2026, 3, 16, 15, 0), status.Deadline);
        Assert.Equal(Duration.FromMinutes(450), status.Budget);
    }

    [Fact]
    public void Interaction_sent_on_a_Saturday_is_due_at_Monday_closing()
    {
        var status = SlaClock.Evaluate(SlaStep.AnswerInteraction, At(2026, 3, 14, 10, 0), false, null, Policy, Standard, At(2026, 3, 14, 10, 0));

        Assert.Equal(At(2026, 3, 16, 17, 0), status.Deadline);
        Assert.Equal(At(2026, 3, 16, 7, 30), status.CountingFrom);
    }

    [Fact]
    public void Events_after_now_are_ignored()
    {
        var clock = SlaClock.Compute(
            [Submitted(At(2026, 3, 10, 8, 0)), Ev(2, At(2026, 3, 10, 9, 0), ReportTrigger.Assign, ReportState.Received, ReportState.Assigned)],
            Policy,
            Standard,
            At(2026, 3, 10, 8, 30));

        Assert.Equal(SlaStep.ReceiveAndDistribute, Assert.Single(clock.Steps).Step);
    }

    [Fact]
    public void Recomputing_from_the_same_events_in_another_order_gives_the_same_answer()
    {
        ReportEvent[] events =
        [
            Submitted(At(2026, 2, 13, 16, 0)),
            Ev(2, At(2026, 2, 13, 16, 30), ReportTrigger.Receive, ReportState.Submitted, ReportState.Received),
            Ev(3, At(2026, 2, 23, 8, 0), ReportTrigger.Assign, ReportState.Received, ReportState.Assigned),
            Ev(4, At(2026, 2, 23, 9, 0), ReportTrigger.Escalate, ReportState.Assigned, ReportState.Escalated),
            Ev(5, At(2026, 2, 24, 9, 0), ReportTrigger.Resume, ReportState.Escalated, ReportState.Assigned),
        ];
        var now = At(2026, 2, 24, 12, 0);

        var first = SlaClock.Compute(events, Policy, Standard, now);
        var second = SlaClock.Compute(events.Reverse(), Policy, Standard, now);

        Assert.Equal(first.Steps, second.Steps);
    }
}
