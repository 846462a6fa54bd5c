using NodaTime;

namespace FieldReports.Calendar;

/// <summary>
/// One rule of a <see cref="HolidayProfileOptions"/>: what it generates (<see cref="Kind"/>), when it is in force and
/// its legal source. A plain options class, bindable from configuration; checked by <see cref="HolidayProfileOptionsValidator"/>.
/// </summary>
/// <remarks>
/// Which properties a rule uses depends on its kind (see <see cref="HolidayRuleKinds"/>); the others are ignored.
/// A rule generates a day only when that day is within <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/> (both
/// inclusive; <see langword="null"/> is unbounded).
/// </remarks>
public sealed class HolidayRuleOptions
{
    /// <summary>The kind of rule, one of <see cref="HolidayRuleKinds"/> (case-insensitive). Required.</summary>
    public string? Kind { get; set; }

    /// <summary>The name of the holiday, shown as <see cref="DayClassification.Name"/>, for example <c>Tết Nguyên Đán</c>. Required except for <see cref="HolidayRuleKinds.Compensation"/>.</summary>
    public string? Name { get; set; }

    /// <summary>The legal source of the rule (law and article, decree), shown as <see cref="DayClassification.Source"/>.</summary>
    public string? Source { get; set; }

    /// <summary>The first date on which the rule generates days; <see langword="null"/> (the default) for no lower bound.</summary>
    public LocalDate? EffectiveFrom { get; set; }

    /// <summary>The last date on which the rule generates days; <see langword="null"/> (the default) for no upper bound. Must not be before <see cref="EffectiveFrom"/>.</summary>
    public LocalDate? EffectiveTo { get; set; }

    /// <summary>The month (1–12): Gregorian for fixed and adjacent-day rules, lunar for lunar rules. For a lunar span, the anchor's month (default 1).</summary>
    public int? Month { get; set; }

    /// <summary>The day of the month: Gregorian (valid for the month; 29 February applies in leap years only) or lunar (1–30). For a lunar span, the anchor's day (default 1).</summary>
    public int? Day { get; set; }

    /// <summary>For a lunar span: the first day's distance in days from the anchor, −30 to 30 (default 0; −1 starts on the eve of Tết).</summary>
    public int? Offset { get; set; }

    /// <summary>For a lunar span: the number of consecutive days, 1 to 30. Required for a lunar span.</summary>
    public int? Length { get; set; }

    /// <summary>For an adjacent-day rule: which of the day before and the day after is chosen. Default <see cref="AdjacentDayChoice.JoinWeekend"/>.</summary>
    public AdjacentDayChoice Choice { get; set; } = AdjacentDayChoice.JoinWeekend;

    /// <summary>Creates a <see cref="HolidayRuleKinds.FixedDate"/> rule.</summary>
    /// <param name="name">The holiday's name.</param>
    /// <param name="month">The Gregorian month.</param>
    /// <param name="day">The day of the month.</param>
    /// <param name="source">The legal source.</param>
    /// <returns>A new rule, in force at all dates (set <see cref="EffectiveFrom"/>/<see cref="EffectiveTo"/> to bound it).</returns>
    public static HolidayRuleOptions Fixed(string name, int month, int day, string? source = null) =>
        new() { Kind = HolidayRuleKinds.FixedDate, Name = name, Month = month, Day = day, Source = source };

    /// <summary>Creates a <see cref="HolidayRuleKinds.LunarDate"/> rule.</summary>
    /// <param name="name">The holiday's name.</param>
    /// <param name="month">The lunar month.</param>
    /// <param name="day">The lunar day.</param>
    /// <param name="source">The legal source.</param>
    /// <returns>A new rule, in force at all dates.</returns>
    public static HolidayRuleOptions Lunar(string name, int month, int day, string? source = null) =>
        new() { Kind = HolidayRuleKinds.LunarDate, Name = name, Month = month, Day = day, Source = source };

    /// <summary>Creates a <see cref="HolidayRuleKinds.LunarSpan"/> rule.</summary>
    /// <param name="name">The holiday's name.</param>
    /// <param name="length">The number of days.</param>
    /// <param name="offset">The first day's distance from the anchor, in days (−1: the day before the anchor).</param>
    /// <param name="source">The legal source.</param>
    /// <param name="month">The anchor's lunar month (default 1).</param>
    /// <param name="day">The anchor's lunar day (default 1).</param>
    /// <returns>A new rule, in force at all dates.</returns>
    public static HolidayRuleOptions LunarSpan(string name, int length, int offset, string? source = null, int month = 1, int day = 1) =>
        new() { Kind = HolidayRuleKinds.LunarSpan, Name = name, Length = length, Offset = offset, Month = month, Day = day, Source = source };

    /// <summary>Creates an <see cref="HolidayRuleKinds.AdjacentDay"/> rule.</summary>
    /// <param name="name">The holiday's name.</param>
    /// <param name="month">The anchor's Gregorian month.</param>
    /// <param name="day">The anchor's day.</param>
    /// <param name="choice">How the day is chosen.</param>
    /// <param name="source">The legal source.</param>
    /// <returns>A new rule, in force at all dates.</returns>
    public static HolidayRuleOptions AdjacentDay(string name, int month, int day, AdjacentDayChoice choice = AdjacentDayChoice.JoinWeekend, string? source = null) =>
        new() { Kind = HolidayRuleKinds.AdjacentDay, Name = name, Month = month, Day = day, Choice = choice, Source = source };

    /// <summary>Creates a <see cref="HolidayRuleKinds.Compensation"/> rule.</summary>
    /// <param name="source">The legal source.</param>
    /// <param name="name">The prefix of the compensatory days' names (default <c>Nghỉ bù</c>, followed by the holiday's name).</param>
    /// <returns>A new rule, in force at all dates.</returns>
    public static HolidayRuleOptions Compensation(string? source = null, string? name = null) =>
        new() { Kind = HolidayRuleKinds.Compensation, Name = name, Source = source };
}
