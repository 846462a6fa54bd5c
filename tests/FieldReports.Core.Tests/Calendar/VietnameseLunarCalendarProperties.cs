using FieldReports.Calendar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace FieldReports.Core.Tests.Calendar;

public sealed class VietnameseLunarCalendarProperties
{
    private static readonly VietnameseLunarCalendar Vn = VietnameseLunarCalendar.Instance;

    private static Arbitrary<LocalDate> AnyDate()
    {
        LocalDate min = Vn.MinDate;
        int days = Period.Between(min, Vn.MaxDate, PeriodUnits.Days).Days;
        return Arb.From(Gen.Choose(0, days).Select(d => min.PlusDays(d)));
    }

    private static Arbitrary<(LocalDate, LocalDate)> AnyTwoDates()
    {
        LocalDate min = Vn.MinDate;
        int days = Period.Between(min, Vn.MaxDate, PeriodUnits.Days).Days;
        Gen<LocalDate> one = Gen.Choose(0, days).Select(d => min.PlusDays(d));
        return Arb.From(one.SelectMany(a => one.Select(b => (a, b))));
    }

    [Property(MaxTest = 2000)]
    public Property Solar_to_lunar_to_solar_returns_the_same_date() =>
        Prop.ForAll(AnyDate(), date => Vn.ToSolar(Vn.ToLunar(date)) == date);

    [Property(MaxTest = 2000)]
    public Property Lunar_to_solar_to_lunar_returns_the_same_lunar_date() =>
        Prop.ForAll(
            Arb.From(
                from year in Gen.Choose(VietnameseLunarCalendar.MinYear, VietnameseLunarCalendar.MaxYear)
                from month in Gen.Choose(1, 12)
                from day in Gen.Choose(1, 30)
                from leap in Gen.Elements(false, true)
                select new LunarDate(year, month, day, leap)),
            lunar => Vn.TryToSolar(lunar, out LocalDate solar)
                ? Vn.ToLunar(solar) == lunar
                : (lunar.IsLeapMonth && Vn.GetLeapMonth(lunar.Year) != lunar.Month) || lunar.Day > Vn.GetDaysInMonth(lunar.Year, lunar.Month, lunar.IsLeapMonth));

    [Property(MaxTest = 2000)]
    public Property The_month_of_any_date_has_29_or_30_days_and_the_day_is_within_it() =>
        Prop.ForAll(AnyDate(), date =>
        {
            LunarDate lunar = Vn.ToLunar(date);
            int length = Vn.GetDaysInMonth(lunar.Year, lunar.Month, lunar.IsLeapMonth);
            return length is 29 or 30 && lunar.Day >= 1 && lunar.Day <= length;
        });

    [Property(MaxTest = 2000)]
    public Property Lunar_dates_increase_with_solar_dates() =>
        Prop.ForAll(AnyTwoDates(), pair =>
        {
            (LocalDate a, LocalDate b) = pair;
            int expected = a.CompareTo(b);
            int actual = Order(Vn.ToLunar(a)).CompareTo(Order(Vn.ToLunar(b)));
            return Math.Sign(expected) == Math.Sign(actual);
        });

    [Property(MaxTest = 300)]
    public Property A_lunar_year_has_12_or_13_months_with_a_leap_month_exactly_when_it_has_13() =>
        Prop.ForAll(Arb.From(Gen.Choose(VietnameseLunarCalendar.MinYear, VietnameseLunarCalendar.MaxYear)), year =>
        {
            int months = 0;
            int leapMonths = 0;
            for (int m = 1; m <= 12; m++)
            {
                months += Vn.TryToSolar(new LunarDate(year, m, 1), out _) ? 1 : 0;
                leapMonths += Vn.TryToSolar(new LunarDate(year, m, 1, IsLeapMonth: true), out _) ? 1 : 0;
            }

            int leap = Vn.GetLeapMonth(year);
            return months == 12 && leapMonths == (leap == 0 ? 0 : 1)
                && (leap == 0 || Vn.TryToSolar(new LunarDate(year, leap, 1, IsLeapMonth: true), out _));
        });

    // Months sort by number, a leap month right after the month whose number it carries.
    private static (int, int, int, int) Order(LunarDate d) => (d.Year, d.Month, d.IsLeapMonth ? 1 : 0, d.Day);
}
