namespace FieldReports.Sla;

/// <summary>
/// The time limits of one step as configuration. Either <see cref="WorkingDays"/>, or both <see cref="WorkingTime"/> and
/// <see cref="DayOff"/>. Durations bind from JSON as <c>[d.]hh:mm:ss</c> (<c>"02:00:00"</c>, <c>"1.00:00:00"</c>); an empty
/// string clears a default.
/// </summary>
public sealed class SlaStepOptions
{
    /// <summary>The budget of a step that starts on a working day, counted in working time.</summary>
    public TimeSpan? WorkingTime { get; set; }

    /// <summary>The budget of a step that starts on a day off (a day without working time), counted in elapsed time.</summary>
    public TimeSpan? DayOff { get; set; }

    /// <summary>A budget in working days, used whatever the day the step starts on (for rules that say "within 1 day").</summary>
    public int? WorkingDays { get; set; }

    /// <summary>The budget of an urgent report, counted in elapsed time whatever the day; <see langword="null"/> to use the ordinary budgets.</summary>
    public TimeSpan? Urgent { get; set; }

    /// <summary>Overrides <see cref="SlaOptions.OutOfHours"/> for this step; <see langword="null"/> (the default) to keep it.</summary>
    public OutOfHoursPolicy? OutOfHours { get; set; }
}
