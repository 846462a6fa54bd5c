using NodaTime;

namespace FieldReports.Sla;

/// <summary>
/// Where one step of a report stands against its time limit, as of an instant. Immutable.
/// </summary>
/// <remarks>
/// Breach is decided on exact instants: a step is breached when it ended, or is still running, after
/// <see cref="Deadline"/>; ending exactly at the deadline is in time. The warning uses
/// <see cref="SlaPolicy.WarningThreshold"/> of the exact budget, and never turns a breach into a warning or back.
/// </remarks>
public sealed record SlaStatus
{
    /// <summary>The step.</summary>
    public required SlaStep Step { get; init; }

    /// <summary>Whether the step is budgeted as urgent (the report was urgent during the step and the rule has an urgent budget).</summary>
    public required bool IsUrgent { get; init; }

    /// <summary>When the step started: the event that entered it.</summary>
    public required Instant StartedAt { get; init; }

    /// <summary>When the budget started counting: <see cref="StartedAt"/>, or the next opening for a working-time budget that started outside working time.</summary>
    public required Instant CountingFrom { get; init; }

    /// <summary>How the budget is counted.</summary>
    public required SlaBudgetKind BudgetKind { get; init; }

    /// <summary>
    /// The budget in the measure of <see cref="BudgetKind"/>: working time, elapsed time, or for
    /// <see cref="SlaBudgetKind.WorkingDays"/> the working time those days amount to from this start.
    /// </summary>
    public required Duration Budget { get; init; }

    /// <summary>The deadline, moved on by pauses that ended. While paused, the deadline as it stood when the pause began.</summary>
    public required Instant Deadline { get; init; }

    /// <summary>When the step ended (the event that left it); <see langword="null"/> while it runs.</summary>
    public Instant? CompletedAt { get; init; }

    /// <summary>Whether the step's clock is stopped now (the report is in a pause state).</summary>
    public required bool IsPaused { get; init; }

    /// <summary>The elapsed time the step spent paused.</summary>
    public required Duration PausedFor { get; init; }

    /// <summary>What is left of the budget, in its measure (working time for working-time and working-day budgets); zero once the deadline has passed.</summary>
    public required Duration Remaining { get; init; }

    /// <summary>The elapsed time since the deadline (or by which the step ended late); zero when in time.</summary>
    public required Duration Overdue { get; init; }

    /// <summary>Whether the warning threshold of the budget has been used but the deadline has not passed.</summary>
    public required bool IsWarning { get; init; }

    /// <summary>Whether the step ended, or is still running, after its deadline.</summary>
    public required bool IsBreached { get; init; }
}
