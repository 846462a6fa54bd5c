namespace FieldReports.Calendar;

/// <summary>
/// A schedule in force from a date, optionally only during a season of each year (for example winter hours).
/// See <see cref="WorkingHoursOptions"/> for how the schedule of a date is chosen.
/// </summary>
public sealed class WorkingHoursPeriodOptions
{
    /// <summary>The first date the schedule is in force, as <c>yyyy-MM-dd</c>; <see langword="null"/> (the default) for always.</summary>
    public string? EffectiveFrom { get; set; }

    /// <summary>The first day of the season each year, as <c>MM-dd</c> (inclusive); <see langword="null"/> (the default) for a year-round schedule. Set together with <see cref="SeasonEnd"/>.</summary>
    public string? SeasonStart { get; set; }

    /// <summary>The last day of the season each year, as <c>MM-dd</c> (inclusive). A season may wrap around the new year (<c>10-01</c> to <c>03-31</c>).</summary>
    public string? SeasonEnd { get; set; }

    /// <summary>The weekly schedule of the period, in the same form as <see cref="WorkingHoursOptions.OfficeHours"/>. Weekdays left out have no hours.</summary>
    public Dictionary<string, List<string>> OfficeHours { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
