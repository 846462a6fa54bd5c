using FieldReports.Calendar;
using FieldReports.Testing;
using Microsoft.Extensions.Configuration;
using NodaTime;
using static FieldReports.Testing.Calendars;

namespace FieldReports.Tests.Calendar;

public class WorkingHoursOptionsTests
{
    private static readonly BusinessCalendarOptionsValidator Validator = new();

    private static string Errors(BusinessCalendarOptions options) =>
        string.Join("\n", Validator.Validate(null, options).Failures ?? []);

    [Fact]
    public void Overlapping_intervals_are_reported_with_both_intervals()
    {
        var options = new BusinessCalendarOptions { OfficeHours = { ["Mon-Fri"] = ["07:30-11:30", "11:00-17:00"] } };

        Assert.Contains("'07:30-11:30' and '11:00-17:00' overlap", Errors(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Overlap_between_two_weekday_specifications_is_reported()
    {
        var options = new BusinessCalendarOptions { OfficeHours = { ["Mon-Fri"] = ["07:30-11:30"], ["Fri"] = ["08:00-09:00"] } };

        Assert.Contains("on Friday", Errors(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Interval_ending_before_it_starts_is_reported()
    {
        var options = new BusinessCalendarOptions { OfficeHours = { ["Mon-Fri"] = ["17:00-07:30"] } };

        Assert.Contains("'17:00-07:30' ends before it starts", Errors(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_weekday_is_reported()
    {
        var options = new BusinessCalendarOptions { OfficeHours = { ["Mon-Fryday"] = ["07:30-11:30"] } };

        Assert.Contains("unknown weekday 'Mon-Fryday'", Errors(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_time_zone_is_reported()
    {
        var options = new BusinessCalendarOptions { TimeZone = "Asia/Hue", OfficeHours = { ["Mon-Fri"] = ["07:30-11:30"] } };

        Assert.Contains("unknown time zone 'Asia/Hue'", Errors(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_without_any_interval_is_reported()
    {
        Assert.Contains("defines no working interval", Errors(new BusinessCalendarOptions()), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_time_and_season_are_reported_with_their_setting()
    {
        var options = new BusinessCalendarOptions
        {
            OfficeHours = { ["Mon-Fri"] = ["7h30-11:30"] },
            Periods = [new WorkingHoursPeriodOptions { SeasonStart = "13-01", SeasonEnd = "03-31", OfficeHours = { ["Mon"] = ["08:00-11:00"] } }],
            Agencies = { ["one-stop"] = new WorkingHoursOptions { OfficeHours = { ["Sat"] = ["11:00-08:00"] } } },
        };

        var errors = Errors(options);

        Assert.Contains("OfficeHours[Mon-Fri]: '7h30-11:30' is not an interval", errors, StringComparison.Ordinal);
        Assert.Contains("Periods[0].SeasonStart '13-01'", errors, StringComparison.Ordinal);
        Assert.Contains("Agencies[one-stop].OfficeHours[Sat]", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_options_pass()
    {
        var options = new BusinessCalendarOptions { OfficeHours = { ["Mon-Fri"] = ["08:00-11:30", "13:00-17:30"] } };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Options_bind_from_json_configuration_with_seasons_and_agencies()
    {
        var json = """
            { "Calendar": {
                "TimeZone": "Asia/Ho_Chi_Minh",
                "OfficeHours": { "Mon-Fri": ["08:00-11:30", "13:00-17:30"] },
                "Periods": [ { "SeasonStart": "11-01", "SeasonEnd": "02-28", "OfficeHours": { "Mon-Fri": ["08:00-11:30", "13:00-17:00"] } },
                             { "EffectiveFrom": "2026-07-01", "OfficeHours": { "Mon-Fri": ["07:00-11:00", "13:30-17:00"] } } ],
                "Agencies": { "one-stop": { "OfficeHours": { "Mon-Fri": ["07:30-11:30", "13:00-17:00"], "Sat": ["07:30-11:30"] } } }
            } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        var options = configuration.GetSection("Calendar").Get<BusinessCalendarOptions>()!;
        Assert.True(Validator.Validate(null, options).Succeeded, Errors(options));

        var office = BusinessCalendar.Create(TestHolidayCalendar.Instance, options);
        var oneStop = BusinessCalendar.Create(TestHolidayCalendar.Instance, options, "one-stop");

        // Winter season: closes at 17:00; summer: 17:30; from July 2026 the new hours.
        Assert.False(office.IsWorkingTime(At(2026, 1, 13, 17, 15)));
        Assert.True(office.IsWorkingTime(At(2026, 3, 10, 17, 15)));
        Assert.True(office.IsWorkingTime(At(2026, 7, 7, 7, 15)));
        Assert.False(office.IsWorkingTime(At(2026, 7, 7, 13, 15)));

        // The one-stop centre opens at 07:30 and on Saturday mornings; unknown agencies keep the province's hours.
        Assert.True(oneStop.IsWorkingTime(At(2026, 3, 10, 7, 45)));
        Assert.False(office.IsWorkingTime(At(2026, 3, 10, 7, 45)));
        Assert.True(oneStop.IsWorkingTime(At(2026, 3, 14, 9, 0)));
        Assert.False(BusinessCalendar.Create(TestHolidayCalendar.Instance, options, "unknown").IsWorkingTime(At(2026, 3, 14, 9, 0)));

        // A holiday stays closed even where the agency keeps weekday hours.
        Assert.False(oneStop.IsWorkingTime(At(2026, 2, 17, 9, 0)));
    }

    [Fact]
    public void Creating_working_hours_from_invalid_options_throws_with_the_problem()
    {
        var ex = Assert.Throws<ArgumentException>(() => WorkingHours.Create(new WorkingHoursOptions { OfficeHours = { ["Mon"] = ["09:00-08:00"] } }));

        Assert.Contains("ends before it starts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Swapped_working_day_keeps_the_configured_weekday_hours()
    {
        var cal = new BusinessCalendar(
            TestHolidayCalendar.Instance,
            WorkingHours.Create(new WorkingHoursOptions { OfficeHours = { ["Mon-Thu"] = ["07:30-17:00"], ["Fri"] = ["07:30-11:30"] }, SwappedWorkingDayHours = "Fri" }),
            Vietnam);

        Assert.Equal(Duration.FromHours(4), cal.WorkingTimeBetween(At(2026, 1, 10, 0, 0), At(2026, 1, 11, 0, 0)));
    }
}
