using FieldReports.Calendar;
using NodaTime;

namespace FieldReports.Testing;

/// <summary>
/// A small holiday calendar for tests: Saturdays and Sundays are rest days, plus a few days off and swaps around
/// 2026 (not the national profile, which comes from the holiday rules). Immutable and thread-safe.
/// </summary>
internal sealed class TestHolidayCalendar : IHolidayCalendar
{
    public static readonly TestHolidayCalendar Instance = new();

    private static readonly Dictionary<LocalDate, DayClassification> Special = new[]
    {
        new DayClassification(new LocalDate(2026, 1, 1), DayKind.Holiday, "New Year"),
        new DayClassification(new LocalDate(2026, 1, 2), DayKind.SwappedDayOff, "Swap for Sat 10 Jan"),
        new DayClassification(new LocalDate(2026, 1, 10), DayKind.SwappedWorkingDay, "Swap for Fri 2 Jan"),
        new DayClassification(new LocalDate(2026, 2, 16), DayKind.Holiday, "Tết"),
        new DayClassification(new LocalDate(2026, 2, 17), DayKind.Holiday, "Tết"),
        new DayClassification(new LocalDate(2026, 2, 18), DayKind.Holiday, "Tết"),
        new DayClassification(new LocalDate(2026, 2, 19), DayKind.Holiday, "Tết"),
        new DayClassification(new LocalDate(2026, 2, 20), DayKind.Holiday, "Tết"),
        new DayClassification(new LocalDate(2026, 4, 26), DayKind.Holiday, "Hùng Kings"),
        new DayClassification(new LocalDate(2026, 4, 27), DayKind.CompensatoryDayOff, "Compensation for Hùng Kings"),
        new DayClassification(new LocalDate(2026, 4, 30), DayKind.Holiday, "Reunification Day"),
        new DayClassification(new LocalDate(2026, 5, 1), DayKind.Holiday, "Labour Day"),
        new DayClassification(new LocalDate(2026, 9, 1), DayKind.Holiday, "National Day"),
        new DayClassification(new LocalDate(2026, 9, 2), DayKind.Holiday, "National Day"),
    }.ToDictionary(d => d.Date);

    public DayClassification Classify(LocalDate date) =>
        Special.TryGetValue(date, out var special)
            ? special
            : date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday
                ? new DayClassification(date, DayKind.WeeklyRestDay)
                : new DayClassification(date, DayKind.WorkingDay);
}
