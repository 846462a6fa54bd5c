namespace FieldReports.Calendar;

/// <summary>What kind of day a date is for the offices of a province. Numeric values are stable and may be stored.</summary>
public enum DayKind
{
    /// <summary>An ordinary working day.</summary>
    WorkingDay = 0,

    /// <summary>A weekly rest day (Saturday or Sunday for civil servants).</summary>
    WeeklyRestDay = 1,

    /// <summary>A public holiday (Labour Code 2019 art. 112), including the days of the Tết window.</summary>
    Holiday = 2,

    /// <summary>A compensatory day off for a holiday that fell on a weekly rest day (Labour Code 2019 art. 111(3)).</summary>
    CompensatoryDayOff = 3,

    /// <summary>A working day made a day off by a decreed swap (in exchange for a working Saturday).</summary>
    SwappedDayOff = 4,

    /// <summary>A weekly rest day made a working day by a decreed swap.</summary>
    SwappedWorkingDay = 5,
}
