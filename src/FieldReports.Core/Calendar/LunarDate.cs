using System.Globalization;

namespace FieldReports.Calendar;

/// <summary>
/// A date in the Vietnamese lunisolar calendar (âm lịch), as produced and accepted by <see cref="VietnameseLunarCalendar"/>.
/// </summary>
/// <remarks>
/// A value of this type is not checked when it is created: <c>new LunarDate(2025, 2, 30)</c> can be written, and
/// <see cref="VietnameseLunarCalendar.ToSolar(LunarDate)"/> rejects it if that month has 29 days. The default value
/// (year 0) is not a valid date.
/// </remarks>
/// <param name="Year">The lunar year, numbered as the Gregorian year in which it begins (the year of its Tết), for example 2026 for Bính Ngọ.</param>
/// <param name="Month">The month, 1 to 12. A leap month carries the number of the month before it.</param>
/// <param name="Day">The day of the month, 1 to 29 or 30.</param>
/// <param name="IsLeapMonth">Whether the month is the leap month (tháng nhuận) of the year.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    /// <summary>Formats the date as <c>day/month/year</c>, the Vietnamese order, with <c> (nhuận)</c> after a leap month, for example <c>1/1/2026</c> or <c>15/6/2025 (nhuận)</c>.</summary>
    /// <returns>The formatted date, independent of the current culture.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day}/{Month}/{Year}{(IsLeapMonth ? " (nhuận)" : string.Empty)}");
}
