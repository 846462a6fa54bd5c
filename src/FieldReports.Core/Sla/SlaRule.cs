using NodaTime;

namespace FieldReports.Sla;

/// <summary>
/// The time limits of one step, validated. Either <see cref="WorkingDays"/> is set, or both <see cref="WorkingTime"/>
/// and <see cref="DayOff"/> are. Immutable and thread-safe.
/// </summary>
public sealed record SlaRule
{
    /// <summary>The step.</summary>
    public required SlaStep Step { get; init; }

    /// <summary>The budget of a step that starts on a working day, counted in working time; null when <see cref="WorkingDays"/> is set.</summary>
    public Duration? WorkingTime { get; init; }

    /// <summary>The budget of a step that starts on a day without working time, counted in elapsed time; null when <see cref="WorkingDays"/> is set.</summary>
    public Duration? DayOff { get; init; }

    /// <summary>A budget in working days used whatever the day the step starts on; null for hour budgets.</summary>
    public int? WorkingDays { get; init; }

    /// <summary>The budget of an urgent report, counted in elapsed time; null to use the ordinary budgets.</summary>
    public Duration? Urgent { get; init; }

    /// <summary>The policy for a step that starts on a working day outside office hours.</summary>
    public OutOfHoursPolicy OutOfHours { get; init; }
}
