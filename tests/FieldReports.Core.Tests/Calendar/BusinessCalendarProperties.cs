using System.Globalization;
using FieldReports.Calendar;
using FieldReports.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static FieldReports.Testing.Calendars;

namespace FieldReports.Tests.Calendar;

/// <summary>Invariants of the business calendar over random starts and budgets (whole minutes, so the minute-stepping reference can judge).</summary>
public class BusinessCalendarProperties
{
    private static readonly BusinessCalendar Cal = Standard;
    private static readonly Instant Origin = At(2025, 11, 1, 0, 0);

    // Starts over 14 months around 2026 (every holiday of the test calendar), on whole minutes.
    private static Gen<Instant> StartGen => Gen.Choose(0, 60 * 24 * 425).Select(m => Origin + Duration.FromMinutes(m));

    private static Arbitrary<Instant> Starts => StartGen.ToArbitrary();

    // Budgets from zero to about a working week and a half, in whole minutes.
    private static Arbitrary<int> Budgets => Gen.Choose(0, 5000).ToArbitrary();

    private static Arbitrary<(Instant, int)> StartsAndBudgets => StartGen.Zip(Gen.Choose(0, 5000)).ToArbitrary();

    [Property]
    public Property Deadline_of_a_positive_budget_is_working_time_or_the_closing_instant_right_after_working_time() =>
        Prop.ForAll(StartsAndBudgets, x =>
        {
            var (start, minutes) = x;
            var deadline = Cal.AddWorkingTime(start, Duration.FromMinutes(minutes));
            // The minute ending at the deadline was worked; the deadline itself is working time unless it is a closing instant.
            return minutes == 0
                ? deadline == start
                : Reference.IsWorkingMinute(deadline - Duration.FromMinutes(1))
                    && (Reference.IsWorkingMinute(deadline) || !Cal.IsWorkingTime(deadline));
        });

    [Property]
    public Property Working_time_between_a_start_and_its_deadline_equals_the_budget() =>
        Prop.ForAll(StartGen.Zip(Gen.Choose(0, 2_000_000)).ToArbitrary(), x =>
        {
            // Budgets up to about 23 days of elapsed seconds, which is months of working time.
            var (start, seconds) = x;
            var budget = Duration.FromSeconds(seconds);
            return Cal.WorkingTimeBetween(start, Cal.AddWorkingTime(start, budget)) == budget;
        });

    [Property]
    public Property Deadline_is_monotonic_in_start() =>
        Prop.ForAll(Starts, Starts, Budgets, (a, b, minutes) =>
        {
            var (early, late) = a <= b ? (a, b) : (b, a);
            var budget = Duration.FromMinutes(minutes);
            return Cal.AddWorkingTime(early, budget) <= Cal.AddWorkingTime(late, budget);
        });

    [Property]
    public Property Deadline_is_monotonic_in_budget() =>
        Prop.ForAll(Starts, Budgets, Budgets, (start, a, b) =>
        {
            var (small, large) = a <= b ? (a, b) : (b, a);
            return Cal.AddWorkingTime(start, Duration.FromMinutes(small)) <= Cal.AddWorkingTime(start, Duration.FromMinutes(large));
        });

    [Property]
    public Property Adding_a_then_b_equals_adding_a_plus_b() =>
        Prop.ForAll(Starts, Gen.Choose(0, 100_000_000).ToArbitrary(), Gen.Choose(0, 100_000_000).ToArbitrary(), (start, a, b) =>
        {
            // Budgets in milliseconds, so neither lands on a minute boundary.
            var (da, db) = (Duration.FromMilliseconds(a), Duration.FromMilliseconds(b));
            return Cal.AddWorkingTime(Cal.AddWorkingTime(start, da), db) == Cal.AddWorkingTime(start, da + db);
        });

    [Property]
    public Property Days_off_contain_no_working_time_and_working_days_contain_the_full_day() =>
        Prop.ForAll(Gen.Choose(0, 800).ToArbitrary(), offset =>
        {
            var date = new LocalDate(2025, 6, 1).PlusDays(offset);
            var worked = Cal.WorkingTimeBetween(date.AtStartOfDayInZone(Vietnam).ToInstant(), date.PlusDays(1).AtStartOfDayInZone(Vietnam).ToInstant());
            var kind = Cal.Classify(date).Kind;
            var expected = kind is DayKind.WorkingDay or DayKind.SwappedWorkingDay ? Duration.FromMinutes(450) : Duration.Zero;
            return (worked == expected).Label($"{date:yyyy-MM-dd} {kind}: {worked}");
        });

    [Property]
    public Property Deadline_agrees_with_the_minute_stepping_reference() =>
        Prop.ForAll(StartsAndBudgets, x =>
        {
            var (start, minutes) = x;
            var expected = Reference.AddWorkingMinutes(start, minutes);
            var actual = Cal.AddWorkingTime(start, Duration.FromMinutes(minutes));
            return (expected == actual).Label($"reference {expected}, calendar {actual}");
        });

    [Property]
    public Property Working_time_between_agrees_with_the_minute_stepping_reference() =>
        Prop.ForAll(Starts, Gen.Choose(0, 60 * 24 * 12).ToArbitrary(), (start, span) =>
        {
            var end = start + Duration.FromMinutes(span);
            return Cal.WorkingTimeBetween(start, end) == Duration.FromMinutes(Reference.WorkingMinutesBetween(start, end));
        });

    [Property]
    public Property Working_days_deadline_is_working_time_or_a_closing_instant_and_monotonic() =>
        Prop.ForAll(Starts, Gen.Choose(1, 40).ToArbitrary(), (start, days) =>
        {
            var deadline = Cal.AddWorkingDays(start, days);
            var next = Cal.AddWorkingDays(start, days + 1);
            return Reference.IsWorkingMinute(deadline - Duration.FromMinutes(1))
                && deadline < next
                && Cal.AddWorkingDays(start + Duration.FromMinutes(1), days) >= deadline;
        });

    [Property]
    public Property Results_do_not_depend_on_the_host_culture() =>
        Prop.ForAll(StartsAndBudgets, x =>
        {
            var (start, minutes) = x;
            var budget = Duration.FromMinutes(minutes);
            var expected = (Cal.AddWorkingTime(start, budget), Cal.WorkingTimeBetween(start, start + budget), Cal.AddWorkingDays(start, 1));
            var saved = CultureInfo.CurrentCulture;
            try
            {
                foreach (var name in new[] { "vi-VN", "ar-SA", "th-TH", "fa-IR" })
                {
                    CultureInfo.CurrentCulture = new CultureInfo(name);
                    var fresh = new BusinessCalendar(
                        TestHolidayCalendar.Instance,
                        WorkingHours.Create(new WorkingHoursOptions { OfficeHours = { ["Mon-Fri"] = ["07:30-11:30", "13:30-17:00"] } }),
                        Vietnam);
                    if ((fresh.AddWorkingTime(start, budget), fresh.WorkingTimeBetween(start, start + budget), fresh.AddWorkingDays(start, 1)) != expected)
                    {
                        return false;
                    }
                }

                return true;
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        });
}
