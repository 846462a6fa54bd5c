using FieldReports.Calendar;
using FieldReports.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace FieldReports.Tests.Calendar;

public class BusinessCalendarZoneTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static readonly BusinessCalendar RoundTheClockLondon = new(
        new EveryDayWorks(),
        WorkingHours.Create(new WorkingHoursOptions { OfficeHours = { ["Mon-Sun"] = ["00:00-24:00"] } }),
        London);

    [Fact]
    public void Day_on_which_clocks_go_forward_has_23_hours_of_round_the_clock_working_time()
    {
        var day = new LocalDate(2026, 3, 29);

        var worked = RoundTheClockLondon.WorkingTimeBetween(day.AtStartOfDayInZone(London).ToInstant(), day.PlusDays(1).AtStartOfDayInZone(London).ToInstant());

        Assert.Equal(Duration.FromHours(23), worked);
    }

    [Fact]
    public void Office_hours_starting_in_a_skipped_hour_open_when_the_clock_has_jumped()
    {
        // 01:30 London time does not exist on 29 Mar 2026; the office opens at 02:30 BST (01:30 UTC).
        var cal = new BusinessCalendar(
            new EveryDayWorks(),
            WorkingHours.Create(new WorkingHoursOptions { OfficeHours = { ["Sun"] = ["01:30-04:00"] } }),
            London);

        Assert.False(cal.IsWorkingTime(Instant.FromUtc(2026, 3, 29, 1, 29)));
        Assert.True(cal.IsWorkingTime(Instant.FromUtc(2026, 3, 29, 1, 30)));
        Assert.Equal(Duration.FromMinutes(90), cal.WorkingTimeBetween(Instant.FromUtc(2026, 3, 29, 0, 0), Instant.FromUtc(2026, 3, 30, 0, 0)));
    }

    [Property]
    public Property Working_time_between_a_start_and_its_deadline_equals_the_budget_across_clock_changes() =>
        Prop.ForAll(Gen.Choose(0, 60 * 24 * 400).ToArbitrary(), Gen.Choose(0, 60 * 24 * 60).ToArbitrary(), (offset, minutes) =>
        {
            var start = Instant.FromUtc(2025, 10, 1, 0, 0) + Duration.FromMinutes(offset);
            var budget = Duration.FromMinutes(minutes);
            return RoundTheClockLondon.WorkingTimeBetween(start, RoundTheClockLondon.AddWorkingTime(start, budget)) == budget
                && RoundTheClockLondon.AddWorkingTime(start, budget) == start + budget;
        });

    [Fact]
    public void Results_do_not_depend_on_the_host_time_zone()
    {
        var start = Calendars.At(2026, 2, 13, 16, 59);
        var expected = Calendars.Standard.AddWorkingTime(start, Duration.FromHours(2));
        var saved = Environment.GetEnvironmentVariable("TZ");
        try
        {
            foreach (var tz in new[] { "America/New_York", "Pacific/Kiritimati", "UTC" })
            {
                Environment.SetEnvironmentVariable("TZ", tz);
                TimeZoneInfo.ClearCachedData();
                var fresh = new BusinessCalendar(
                    TestHolidayCalendar.Instance,
                    WorkingHours.Create(new WorkingHoursOptions { OfficeHours = { ["Mon-Fri"] = ["07:30-11:30", "13:30-17:00"] } }),
                    Calendars.Vietnam);
                Assert.Equal(expected, fresh.AddWorkingTime(start, Duration.FromHours(2)));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", saved);
            TimeZoneInfo.ClearCachedData();
        }
    }

    private sealed class EveryDayWorks : IHolidayCalendar
    {
        public DayClassification Classify(LocalDate date) => new(date, DayKind.WorkingDay);
    }
}
