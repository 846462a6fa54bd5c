using FieldReports.Calendar;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Sla;

/// <summary>
/// The SLA clock of a report: every step it went through with its deadline, derived from its events. A pure function
/// of (events, policy, calendar, now): recomputing from the same inputs gives the same answer. Immutable.
/// </summary>
/// <remarks>
/// <para>Steps start with the event that enters their state: submission starts
/// <see cref="SlaStep.ReceiveAndDistribute"/> (receiving continues it); assignment starts <see cref="SlaStep.Handle"/>
/// (acknowledging continues it; a redistribution, a send-back or a resumption after escalation starts it again);
/// a return to the centre starts <see cref="SlaStep.ReturnAsWrongCompetence"/>; a submitted result starts
/// <see cref="SlaStep.ApproveAndPublish"/>; a Not satisfied rating starts <see cref="SlaStep.FollowUpDissatisfiedRating"/>.
/// Any other state ends the running step.</para>
/// <para>Entering a state of <see cref="SlaPolicy.PauseStates"/> stops the running step's clock; leaving it back into the
/// same step resumes it with the budget that was left (in the step's measure), so the deadline moves on; leaving it into
/// another step ends the paused step as of the pause. A pause that begins after the deadline does not move it.</para>
/// <para>The budget is chosen when the step starts, from the report's urgency during the step (the last event of the
/// step decides) and the kind of moment it starts: working time, a day off, or a working day outside office hours
/// (<see cref="OutOfHoursPolicy"/>). Events after <c>now</c> are ignored; events are taken in <see cref="ReportEvent.Sequence"/> order.</para>
/// </remarks>
public sealed class SlaClock
{
    private SlaClock(Instant evaluatedAt, IReadOnlyList<SlaStatus> steps)
    {
        EvaluatedAt = evaluatedAt;
        Steps = steps;
    }

    /// <summary>The instant the clock was evaluated at.</summary>
    public Instant EvaluatedAt { get; }

    /// <summary>Every step the report went through, oldest first.</summary>
    public IReadOnlyList<SlaStatus> Steps { get; }

    /// <summary>The running step (possibly paused), or <see langword="null"/> when no time limit runs (the result was delivered, the report ended).</summary>
    public SlaStatus? Current => Steps.Count > 0 && Steps[^1].CompletedAt is null ? Steps[^1] : null;

    /// <summary>Computes the SLA clock of a report from its events, counting every step on one business calendar.</summary>
    /// <param name="events">The report's events, in any order; those after <paramref name="now"/> are ignored.</param>
    /// <param name="policy">The SLA rules.</param>
    /// <param name="calendar">The business calendar (usually the province's).</param>
    /// <param name="now">The instant to evaluate at, usually from an injected <see cref="IClock"/>.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the years the calendar covers.</exception>
    public static SlaClock Compute(IEnumerable<ReportEvent> events, SlaPolicy policy, BusinessCalendar calendar, Instant now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Compute(events, policy, (_, _) => calendar, now);
    }

    /// <summary>
    /// Computes the SLA clock of a report from its events, counting each step on the business calendar of the office
    /// that owns it (an agency may keep other hours than the centre).
    /// </summary>
    /// <param name="events">The report's events, in any order; those after <paramref name="now"/> are ignored.</param>
    /// <param name="policy">The SLA rules.</param>
    /// <param name="calendarFor">
    /// The calendar of a step, given the step and the agency the report was assigned to when the step started
    /// (<see cref="ReportEvent.AssignedAgencyId"/>; <see langword="null"/> before any assignment). Steps of the centre
    /// (<see cref="SlaStep.ReceiveAndDistribute"/>, <see cref="SlaStep.ReturnAsWrongCompetence"/>,
    /// <see cref="SlaStep.ApproveAndPublish"/>) usually take the centre's calendar whatever the agency. Called once per
    /// step; must return the same calendar for the same arguments.
    /// </param>
    /// <param name="now">The instant to evaluate at, usually from an injected <see cref="IClock"/>.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="calendarFor"/> returned null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the years the calendar covers.</exception>
    public static SlaClock Compute(IEnumerable<ReportEvent> events, SlaPolicy policy, Func<SlaStep, string?, BusinessCalendar> calendarFor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendarFor);
        var segments = new List<Segment>();
        Segment? current = null;
        foreach (var e in events.Where(e => e.OccurredAt <= now).OrderBy(e => e.Sequence))
        {
            if (policy.PauseStates.Contains(e.To))
            {
                if (current is { IsPaused: false })
                {
                    current.Pauses.Add((e.OccurredAt, null));
                }

                continue;
            }

            var step = StepOf(e.To);
            if (current is not null)
            {
                if (step == current.Step)
                {
                    if (current.IsPaused)
                    {
                        current.Pauses[^1] = (current.Pauses[^1].Pause, e.OccurredAt);
                    }

                    current.IsUrgent = e.IsUrgent;
                    continue;
                }

                current.End = e.OccurredAt;
                current = null;
            }

            if (step is { } s)
            {
                current = new Segment(s, e.OccurredAt, e.IsUrgent) { AgencyId = e.AssignedAgencyId };
                segments.Add(current);
            }
        }

        return new SlaClock(now, segments.Select(s => Evaluate(s, policy, calendarFor(s.Step, s.AgencyId) ?? throw new ArgumentNullException(nameof(calendarFor), "The calendar function returned null."), now)).ToArray());
    }

    /// <summary>
    /// The status of one step started by the caller, for steps that are not workflow events (an interaction to answer).
    /// </summary>
    /// <param name="step">The step.</param>
    /// <param name="startedAt">When the step started (for an interaction, when the citizen sent it).</param>
    /// <param name="isUrgent">Whether the urgent budget applies, if the rule has one.</param>
    /// <param name="completedAt">When the step ended; <see langword="null"/> while it runs.</param>
    /// <param name="policy">The SLA rules.</param>
    /// <param name="calendar">The business calendar.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="completedAt"/> is before <paramref name="startedAt"/>.</exception>
    public static SlaStatus Evaluate(SlaStep step, Instant startedAt, bool isUrgent, Instant? completedAt, SlaPolicy policy, BusinessCalendar calendar, Instant now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        if (completedAt < startedAt)
        {
            throw new ArgumentException("A step cannot end before it starts.", nameof(completedAt));
        }

        return Evaluate(new Segment(step, startedAt, isUrgent) { End = completedAt }, policy, calendar, now);
    }

    internal static SlaStep? StepOf(ReportState state) => state switch
    {
        ReportState.Submitted or ReportState.Received => SlaStep.ReceiveAndDistribute,
        ReportState.Assigned or ReportState.InHandling => SlaStep.Handle,
        ReportState.ReturnedToCentre => SlaStep.ReturnAsWrongCompetence,
        ReportState.ResultSubmitted => SlaStep.ApproveAndPublish,
        ReportState.FollowUpRequired => SlaStep.FollowUpDissatisfiedRating,
        _ => null,
    };

    private static SlaStatus Evaluate(Segment segment, SlaPolicy policy, BusinessCalendar calendar, Instant now)
    {
        var rule = policy[segment.Step];
        var start = segment.Start;
        var urgent = segment.IsUrgent && rule.Urgent is not null;
        SlaBudgetKind kind;
        Duration budget;
        Instant countingFrom, deadline;
        if (urgent)
        {
            (kind, budget, countingFrom, deadline) = (SlaBudgetKind.ElapsedTime, rule.Urgent!.Value, start, start + rule.Urgent.Value);
        }
        else if (rule.WorkingDays is { } days)
        {
            kind = SlaBudgetKind.WorkingDays;
            deadline = calendar.AddWorkingDays(start, days);
            countingFrom = calendar.NextWorkingInstant(start);
            budget = calendar.WorkingTimeBetween(start, deadline);
        }
        else if (calendar.HasWorkingTime(start.InZone(calendar.Zone).Date)
            && (rule.OutOfHours == OutOfHoursPolicy.CountFromNextOpening || calendar.IsWorkingTime(start)))
        {
            kind = SlaBudgetKind.WorkingTime;
            budget = rule.WorkingTime!.Value;
            countingFrom = calendar.NextWorkingInstant(start);
            deadline = calendar.AddWorkingTime(start, budget);
        }
        else
        {
            (kind, budget, countingFrom, deadline) = (SlaBudgetKind.ElapsedTime, rule.DayOff!.Value, start, start + rule.DayOff.Value);
        }

        var end = segment.End ?? now;
        var effective = end;
        var paused = Duration.Zero;
        var isPaused = false;
        foreach (var (pause, resume) in segment.Pauses)
        {
            if (pause >= end)
            {
                break;
            }

            if (resume is not { } r || r > end)
            {
                // Still paused at the end of the evaluation: the clock stands where the pause began.
                paused += end - pause;
                effective = pause;
                isPaused = segment.End is null;
                break;
            }

            if (pause < deadline)
            {
                deadline = Advance(kind, calendar, r, Measure(kind, calendar, pause, deadline));
            }

            paused += r - pause;
        }

        var remaining = effective < deadline ? Measure(kind, calendar, effective, deadline) : Duration.Zero;
        var breached = effective > deadline;
        var threshold = Duration.FromNanoseconds((long)Math.Ceiling(budget.ToInt64Nanoseconds() * policy.WarningThreshold));
        return new SlaStatus
        {
            Step = segment.Step,
            IsUrgent = urgent,
            StartedAt = start,
            CountingFrom = countingFrom,
            BudgetKind = kind,
            Budget = budget,
            Deadline = deadline,
            CompletedAt = segment.End,
            IsPaused = isPaused,
            PausedFor = paused,
            Remaining = remaining,
            Overdue = breached ? effective - deadline : Duration.Zero,
            IsWarning = !breached && budget - remaining >= threshold,
            IsBreached = breached,
        };
    }

    private static Duration Measure(SlaBudgetKind kind, BusinessCalendar calendar, Instant from, Instant to) =>
        kind == SlaBudgetKind.ElapsedTime ? to - from : calendar.WorkingTimeBetween(from, to);

    private static Instant Advance(SlaBudgetKind kind, BusinessCalendar calendar, Instant from, Duration amount) =>
        kind == SlaBudgetKind.ElapsedTime ? from + amount : calendar.AddWorkingTime(from, amount);

    private sealed class Segment(SlaStep step, Instant start, bool isUrgent)
    {
        public SlaStep Step { get; } = step;

        public Instant Start { get; } = start;

        public bool IsUrgent { get; set; } = isUrgent;

        public Instant? End { get; set; }

        public string? AgencyId { get; init; }

        public List<(Instant Pause, Instant? Resume)> Pauses { get; } = [];

        public bool IsPaused => Pauses.Count > 0 && Pauses[^1].Resume is null;
    }
}
