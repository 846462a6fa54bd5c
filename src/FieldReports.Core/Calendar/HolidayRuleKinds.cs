namespace FieldReports.Calendar;

/// <summary>
/// The values of <see cref="HolidayRuleOptions.Kind"/>: what a holiday rule generates. Compared ordinally and ignoring case.
/// </summary>
public static class HolidayRuleKinds
{
    /// <summary>A holiday on the same Gregorian day and month every year (1/1, 30/4, 1/5, 2/9). Uses <see cref="HolidayRuleOptions.Month"/> and <see cref="HolidayRuleOptions.Day"/>.</summary>
    public const string FixedDate = "FixedDate";

    /// <summary>
    /// A holiday on a lunar day and month every lunar year (10/3 lunar: Hùng Kings). Uses <see cref="HolidayRuleOptions.Month"/>
    /// and <see cref="HolidayRuleOptions.Day"/> in the lunar calendar; day 30 of a 29-day month falls on the month's last day.
    /// </summary>
    public const string LunarDate = "LunarDate";

    /// <summary>
    /// Consecutive holidays anchored on a lunar date (Tết: the days around 1/1 lunar). The anchor is
    /// <see cref="HolidayRuleOptions.Month"/>/<see cref="HolidayRuleOptions.Day"/> (lunar, default 1/1), the first day is
    /// <see cref="HolidayRuleOptions.Offset"/> days from the anchor, and <see cref="HolidayRuleOptions.Length"/> days follow.
    /// </summary>
    public const string LunarSpan = "LunarSpan";

    /// <summary>
    /// One holiday on the day before or after a Gregorian date (the second National Day day beside 2/9), chosen by
    /// <see cref="HolidayRuleOptions.Choice"/>. Uses <see cref="HolidayRuleOptions.Month"/> and <see cref="HolidayRuleOptions.Day"/> for the anchor.
    /// </summary>
    public const string AdjacentDay = "AdjacentDay";

    /// <summary>
    /// Compensatory days off (Labour Code 2019 art. 111(3)): each holiday of the other rules that falls on a weekly rest day
    /// (or on a day that is already a holiday) is compensated by a day off on the next working day that is not a holiday
    /// or already a compensatory day. Applies to holidays dated within the rule's effective dates.
    /// </summary>
    public const string Compensation = "Compensation";

    internal static readonly string[] All = [FixedDate, LunarDate, LunarSpan, AdjacentDay, Compensation];
}
