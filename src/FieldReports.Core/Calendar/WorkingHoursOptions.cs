namespace FieldReports.Calendar;

/// <summary>
/// Office hours as configuration: a weekly schedule, plus optional date-effective and seasonal periods that replace it.
/// Bindable from JSON, for example <c>"OfficeHours": { "Mon-Fri": ["07:30-11:30", "13:30-17:00"] }</c>.
/// </summary>
/// <remarks>
/// <para>Keys of <see cref="OfficeHours"/> name weekdays in English: a day (<c>Mon</c>, <c>Tuesday</c>), a range
/// (<c>Mon-Fri</c>) or a comma-separated list (<c>Mon,Wed,Fri</c>), case-insensitive. Values are intervals
/// <c>HH:mm-HH:mm</c> in local time; the end may be <c>24:00</c>. Intervals of one weekday must not overlap.</para>
/// <para>Which schedule applies to a date: among the year-round schedule (<see cref="OfficeHours"/>, in force since
/// always) and the <see cref="Periods"/> in force on it (effective from on or before the date, and, for a seasonal
/// period, the date falls within its season), the one with the latest effective date wins; at equal effective dates a
/// seasonal period beats a year-round one, and then the first listed wins. A new generation of hours (for example after
/// a merger of provinces) therefore restates its seasonal periods with its own effective date.</para>
/// <para>Defaults are empty so that configuration binding never merges with built-in values. Not thread-safe while
/// being filled; it is read once, when a <see cref="WorkingHours"/> is created from it.</para>
/// </remarks>
public class WorkingHoursOptions
{
    /// <summary>The year-round weekly schedule: weekday specification to intervals. Empty by default; validation requires at least one interval in force.</summary>
    public Dictionary<string, List<string>> OfficeHours { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Date-effective and seasonal schedules that replace <see cref="OfficeHours"/> on the dates they cover. Empty by default.</summary>
    public List<WorkingHoursPeriodOptions> Periods { get; set; } = [];

    /// <summary>
    /// The weekday whose hours a swapped working day (a Saturday made a working day by decree) keeps. Default <c>Mon</c>:
    /// swapped Saturdays are worked as a full ordinary day.
    /// </summary>
    public string SwappedWorkingDayHours { get; set; } = "Mon";
}
