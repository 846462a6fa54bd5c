using FieldReports.Calendar;
using NodaTime;
using static FieldReports.Testing.Calendars;

namespace FieldReports.Tests.Calendar;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Cal = Standard;

    [Fact]
    public void Deadline_received_at_1659_on_the_Friday_before_Tet_resumes_after_the_Tet_break()
    {
        // Fri 13 Feb 2026 16:59: one minute left that day; 14–22 Feb are rest days and Tết; work resumes Mon 23 Feb.
        var deadline = Cal.AddWorkingTime(At(2026, 2, 13, 16, 59), Duration.FromHours(2));

        Assert.Equal(At(2026, 2, 23, 9, 29), deadline);
    }

    [Fact]
    public void Deadline_received_during_lunch_break_counts_from_afternoon_start()
    {
        var deadline = Cal.AddWorkingTime(At(2026, 3, 10, 12, 15), Duration.FromHours(2));

        Assert.Equal(At(2026, 3, 10, 15, 30), deadline);
    }

    [Fact]
    public void Deadline_received_on_a_compensatory_day_off_counts_from_the_next_working_day()
    {
        // Mon 27 Apr 2026 compensates the Hùng Kings holiday that fell on Sunday 26 Apr.
        Assert.Equal(DayKind.CompensatoryDayOff, Cal.Classify(new LocalDate(2026, 4, 27)).Kind);

        var deadline = Cal.AddWorkingTime(At(2026, 4, 27, 10, 0), Duration.FromHours(2));

        Assert.Equal(At(2026, 4, 28, 9, 30), deadline);
    }

    [Fact]
    public void Deadline_received_on_a_swapped_working_Saturday_counts_that_Saturday_as_a_working_day()
    {
        var deadline = Cal.AddWorkingTime(At(2026, 1, 10, 10, 0), Duration.FromHours(2));

        Assert.Equal(At(2026, 1, 10, 14, 0), deadline);
    }

    [Fact]
    public void Swapped_day_off_has_no_working_time()
    {
        Assert.Equal(Duration.Zero, Cal.WorkingTimeBetween(At(2026, 1, 2, 0, 0), At(2026, 1, 3, 0, 0)));
        Assert.False(Cal.IsWorkingTime(At(2026, 1, 2, 9, 0)));
    }

    [Fact]
    public void Deadline_that_runs_out_exactly_at_closing_time_ends_at_closing_not_at_the_next_opening()
    {
        var deadline = Cal.AddWorkingTime(At(2026, 3, 10, 9, 30), Duration.FromHours(2));

        Assert.Equal(At(2026, 3, 10, 11, 30), deadline);
        Assert.False(Cal.IsWorkingTime(deadline));
    }

    [Fact]
    public void Deadline_received_after_closing_counts_from_next_morning()
    {
        var deadline = Cal.AddWorkingTime(At(2026, 3, 10, 19, 0), Duration.FromHours(4));

        Assert.Equal(At(2026, 3, 11, 11, 30), deadline);
    }

    [Fact]
    public void Zero_budget_ends_at_its_start_even_outside_working_time()
    {
        var start = At(2026, 3, 14, 9, 0);

        Assert.Equal(start, Cal.AddWorkingTime(start, Duration.Zero));
    }

    [Fact]
    public void Deadline_keeps_sub_minute_precision()
    {
        var start = At(2026, 3, 10, 8, 0) + Duration.FromMilliseconds(1234) + Duration.FromNanoseconds(7);

        var deadline = Cal.AddWorkingTime(start, Duration.FromHours(4));

        Assert.Equal(At(2026, 3, 10, 14, 0) + Duration.FromMilliseconds(1234) + Duration.FromNanoseconds(7), deadline);
    }

    [Fact]
    public void Working_time_between_spans_years_and_holidays()
    {
        // 29–31 Dec 2025 (3 days), 1 Jan holiday, 2 Jan swapped off; 5–9 Jan (5 days), Sat 10 Jan swapped working (1 day).
        var between = Cal.WorkingTimeBetween(At(2025, 12, 29, 0, 0), At(2026, 1, 11, 0, 0));

        Assert.Equal(Duration.FromMinutes(9 * 450), between);
    }

    [Fact]
    public void Working_time_between_reversed_instants_is_negative()
    {
        var a = At(2026, 3, 10, 8, 0);
        var b = At(2026, 3, 10, 9, 0);

        Assert.Equal(Duration.FromHours(-1), Cal.WorkingTimeBetween(b, a));
    }

    [Fact]
    public void Budget_of_a_year_crosses_into_the_next_year()
    {
        var start = At(2026, 6, 1, 8, 0);
        var budget = Duration.FromHours(2000);

        var deadline = Cal.AddWorkingTime(start, budget);

        Assert.Equal(2027, deadline.InZone(Vietnam).Year);
        Assert.Equal(budget, Cal.WorkingTimeBetween(start, deadline));
    }

    [Fact]
    public void Next_working_instant_of_a_Saturday_is_Monday_opening()
    {
        Assert.Equal(At(2026, 3, 16, 7, 30), Cal.NextWorkingInstant(At(2026, 3, 14, 10, 0)));
        Assert.Equal(At(2026, 3, 16, 8, 0), Cal.NextWorkingInstant(At(2026, 3, 16, 8, 0)));
    }

    [Fact]
    public void One_working_day_from_mid_morning_ends_at_the_same_time_next_working_day()
    {
        Assert.Equal(At(2026, 3, 11, 10, 0), Cal.AddWorkingDays(At(2026, 3, 10, 10, 0), 1));
    }

    [Fact]
    public void One_working_day_from_Friday_skips_the_weekend()
    {
        Assert.Equal(At(2026, 3, 16, 10, 0), Cal.AddWorkingDays(At(2026, 3, 13, 10, 0), 1));
    }

    [Fact]
    public void One_working_day_from_before_opening_ends_at_closing_the_same_day()
    {
        Assert.Equal(At(2026, 3, 10, 17, 0), Cal.AddWorkingDays(At(2026, 3, 10, 6, 0), 1));
    }

    [Fact]
    public void One_working_day_from_after_closing_ends_at_closing_of_the_next_working_day()
    {
        Assert.Equal(At(2026, 3, 11, 17, 0), Cal.AddWorkingDays(At(2026, 3, 10, 18, 0), 1));
    }

    [Fact]
    public void One_working_day_from_a_Saturday_ends_at_Monday_closing()
    {
        Assert.Equal(At(2026, 3, 16, 17, 0), Cal.AddWorkingDays(At(2026, 3, 14, 10, 0), 1));
    }

    [Fact]
    public void One_working_day_from_lunch_break_ends_at_the_end_of_next_morning()
    {
        Assert.Equal(At(2026, 3, 11, 11, 30), Cal.AddWorkingDays(At(2026, 3, 10, 12, 0), 1));
    }

    [Fact]
    public void One_working_day_around_the_New_Year_break_ends_at_closing_of_the_first_working_day()
    {
        // 06:00 on Mon 5 Jan 2026 (first working day after the New Year break): one working day ends at its closing.
        Assert.Equal(At(2026, 1, 5, 17, 0), Cal.AddWorkingDays(At(2026, 1, 5, 6, 0), 1));
        // From a holiday on 1 Jan, one working day ends at closing of the next working day, Mon 5 Jan.
        Assert.Equal(At(2026, 1, 5, 17, 0), Cal.AddWorkingDays(At(2026, 1, 1, 9, 0), 1));
    }

    [Fact]
    public void Three_working_days_before_Tet_land_after_the_break()
    {
        // Thu 12 Feb: Fri 13 Feb is the first, Mon 23 Feb the second, Tue 24 Feb the third working day.
        Assert.Equal(At(2026, 2, 24, 9, 0), Cal.AddWorkingDays(At(2026, 2, 12, 9, 0), 3));
    }

    [Fact]
    public void Instant_outside_the_covered_years_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.IsWorkingTime(Instant.FromUtc(1800, 1, 1, 0, 0)));
    }

    [Fact]
    public void Negative_budget_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingTime(At(2026, 3, 10, 8, 0), Duration.FromMinutes(-1)));
    }

    [Fact]
    public void Concurrent_first_use_of_a_fresh_calendar_gives_the_same_answers_as_sequential_use()
    {
        var fresh = new BusinessCalendar(
            FieldReports.Testing.TestHolidayCalendar.Instance,
            WorkingHours.Create(new WorkingHoursOptions { OfficeHours = { ["Mon-Fri"] = ["07:30-11:30", "13:30-17:00"] } }),
            Vietnam);
        var starts = Enumerable.Range(0, 400).Select(i => At(2025, 1, 1, 8, 0) + Duration.FromHours(i * 37)).ToArray();

        var parallel = new Instant[starts.Length];
        Parallel.For(0, starts.Length, i => parallel[i] = fresh.AddWorkingTime(starts[i], Duration.FromHours(i % 90)));

        Assert.Equal(starts.Select((s, i) => Cal.AddWorkingTime(s, Duration.FromHours(i % 90))), parallel);
    }
}
