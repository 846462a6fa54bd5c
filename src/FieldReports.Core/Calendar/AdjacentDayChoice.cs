namespace FieldReports.Calendar;

/// <summary>How an <see cref="HolidayRuleKinds.AdjacentDay"/> rule chooses between the day before and the day after its anchor.</summary>
public enum AdjacentDayChoice
{
    /// <summary>
    /// The day that makes the longest break with the weekly rest days, judged on the profile's weekly rest days: a
    /// candidate that is a weekly rest day is not chosen when the other is a working day; between two working days, the
    /// one next to a rest day (so the break joins the weekend) is chosen; when neither is, the day before. With a
    /// Saturday–Sunday weekend: anchor on Monday → Tuesday; Tuesday or Wednesday → Monday or Tuesday (the day before);
    /// Thursday → Friday; Friday → Thursday; Saturday → Friday; Sunday → Monday. This reproduces the second National Day
    /// day the government chose in 2023 (Friday 1/9), 2024 (Tuesday 3/9), 2025 (Monday 1/9) and 2026 (Tuesday 1/9).
    /// </summary>
    JoinWeekend = 0,

    /// <summary>Always the day before the anchor.</summary>
    Before = 1,

    /// <summary>Always the day after the anchor.</summary>
    After = 2,
}
