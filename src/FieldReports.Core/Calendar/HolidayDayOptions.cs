using NodaTime;

namespace FieldReports.Calendar;

/// <summary>One decreed day in a <see cref="HolidayYearOptions"/>: its date, what kind of day it is, and why.</summary>
public sealed class HolidayDayOptions
{
    /// <summary>The date. Required.</summary>
    public LocalDate? Date { get; set; }

    /// <summary>
    /// What the day is: <see cref="DayKind.Holiday"/>, <see cref="DayKind.CompensatoryDayOff"/>,
    /// <see cref="DayKind.SwappedDayOff"/> (a working day given off in exchange for a working Saturday),
    /// <see cref="DayKind.SwappedWorkingDay"/> (a rest day worked), or <see cref="DayKind.WeeklyRestDay"/> /
    /// <see cref="DayKind.WorkingDay"/> to cancel what the rules would say. Required.
    /// </summary>
    public DayKind? Kind { get; set; }

    /// <summary>The name shown as <see cref="DayClassification.Name"/>, for example <c>Mùng 1 Tết</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The source of this day; when <see langword="null"/>, the year's <see cref="HolidayYearOptions.Source"/>.</summary>
    public string? Source { get; set; }
}
