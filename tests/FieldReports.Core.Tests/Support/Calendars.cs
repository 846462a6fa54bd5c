using FieldReports.Calendar;
using NodaTime;

namespace FieldReports.Testing;

/// <summary>Calendars shared by the tests.</summary>
internal static class Calendars
{
    public static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>Mon–Fri 07:30–11:30 and 13:30–17:00 in Asia/Ho_Chi_Minh over <see cref="TestHolidayCalendar"/>.</summary>
    public static readonly BusinessCalendar Standard = new(
        TestHolidayCalendar.Instance,
        WorkingHours.Create(new WorkingHoursOptions { OfficeHours = { ["Mon-Fri"] = ["07:30-11:30", "13:30-17:00"] } }),
        Vietnam);

    public static readonly MinuteSteppingReference Reference = new(TestHolidayCalendar.Instance, MinuteSteppingReference.StandardWeek, Vietnam);

    /// <summary>The instant of a local date and time in Vietnam.</summary>
    public static Instant At(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Vietnam).ToInstant();
}
