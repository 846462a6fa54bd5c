using FieldReports.Calendar;
using NodaTime;

namespace FieldReports.Core.Tests.Calendar;

public sealed class VietnameseHolidaysTests
{
    private static readonly HolidayCalendar Vn = VietnameseHolidays.Calendar;

    // The reference file's vocabulary. 'weekend_in_break' is a Saturday or Sunday inside a break that is not itself a
    // holiday: it is an ordinary weekly rest day and earns no compensation, so it maps to WeeklyRestDay. A holiday
    // (or Tết day) that falls on a weekend stays a Holiday, the day that earns a compensatory day.
    private static DayKind MapCsvKind(string kind) => kind switch
    {
        "holiday" or "holiday_tet" => DayKind.Holiday,
        "compensatory" => DayKind.CompensatoryDayOff,
        "swap_day_off" => DayKind.SwappedDayOff,
        "swap_working_day" => DayKind.SwappedWorkingDay,
        "weekend_in_break" => DayKind.WeeklyRestDay,
        _ => throw new InvalidDataException($"Unknown kind '{kind}' in the reference file."),
    };

    private static Dictionary<LocalDate, (DayKind Kind, string Label)> ReadReference()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "vn-civil-service-days-off-2023-2026.csv");
        var result = new Dictionary<LocalDate, (DayKind, string)>();
        foreach (string line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
        {
            string[] cells = line.Split(',', 5);
            var date = LocalDate.FromDateOnly(DateOnly.ParseExact(cells[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            result.Add(date, (MapCsvKind(cells[2]), cells[3]));
        }

        return result;
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void National_profile_reproduces_every_day_of_the_decreed_civil_service_schedule(int year)
    {
        Dictionary<LocalDate, (DayKind Kind, string Label)> reference = ReadReference();
        Assert.Contains(reference.Keys, d => d.Year == year);
        for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            DayClassification actual = Vn.Classify(date);
            if (reference.TryGetValue(date, out var expected))
            {
                Assert.True(expected.Kind == actual.Kind, $"{date:uuuu-MM-dd} ({expected.Label}): expected {expected.Kind}, got {actual.Kind}");
                Assert.False(string.IsNullOrEmpty(actual.Source), $"{date:uuuu-MM-dd} has no source");
                Assert.False(string.IsNullOrEmpty(actual.Name), $"{date:uuuu-MM-dd} has no name");
            }
            else
            {
                DayKind ordinary = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? DayKind.WeeklyRestDay : DayKind.WorkingDay;
                Assert.True(ordinary == actual.Kind, $"{date:uuuu-MM-dd}: expected {ordinary}, got {actual.Kind} ({actual.Name})");
            }
        }
    }

    [Fact]
    public void Mon_to_Fri_office_loses_exactly_11_weekdays_net_in_each_year_2024_to_2199()
    {
        for (int year = 2024; year <= VietnameseLunarCalendar.MaxYear; year++)
        {
            Assert.True(11 == WeekdaysLostNet(Vn, year), $"{year}: {WeekdaysLostNet(Vn, year)} weekdays lost");
        }
    }

    internal static int WeekdaysLostNet(IHolidayCalendar calendar, int year)
    {
        int lost = 0;
        for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            bool weekday = date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
            bool works = calendar.Classify(date).IsWorkingDay;
            lost += weekday && !works ? 1 : !weekday && works ? -1 : 0;
        }

        return lost;
    }

    [Fact]
    public void Tet_2027_on_a_Saturday_gives_the_eve_and_four_days_then_two_compensatory_days()
    {
        // Tết Đinh Mùi is Saturday 6 February 2027; 2027 has no decree yet, so the law-following fallback applies.
        Assert.Equal(new LocalDate(2027, 2, 6), VietnameseLunarCalendar.Instance.ToSolar(new LunarDate(2027, 1, 1)));
        DayKind[] expected =
        [
            DayKind.WorkingDay, // Thu 4/2
            DayKind.Holiday, DayKind.Holiday, DayKind.Holiday, DayKind.Holiday, DayKind.Holiday, // Fri 5/2 – Tue 9/2
            DayKind.CompensatoryDayOff, DayKind.CompensatoryDayOff, // Wed 10/2, Thu 11/2 for Sat and Sun
            DayKind.WorkingDay, // Fri 12/2
        ];
        DayKind[] actual = Enumerable.Range(0, expected.Length).Select(i => Vn.Classify(new LocalDate(2027, 2, 4).PlusDays(i)).Kind).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal("Tết Nguyên Đán", Vn.Classify(new LocalDate(2027, 2, 6)).Name);
        Assert.Contains("111(3)", Vn.Classify(new LocalDate(2027, 2, 10)).Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Hung_Kings_day_2027_is_a_holiday_on_the_lunar_date()
    {
        LocalDate day = VietnameseLunarCalendar.Instance.ToSolar(new LunarDate(2027, 3, 10));
        DayClassification c = Vn.Classify(day);
        Assert.Equal(DayKind.Holiday, c.Kind);
        Assert.Equal("Giỗ Tổ Hùng Vương", c.Name);
    }

    [Theory]
    [InlineData(2023, 9, 1)] // 2/9 on Saturday: Friday before (as decreed in 2023)
    [InlineData(2024, 9, 3)] // Monday: Tuesday after (as decreed)
    [InlineData(2025, 9, 1)] // Tuesday: Monday before (as decreed)
    [InlineData(2026, 9, 1)] // Wednesday: Tuesday before (as decreed)
    [InlineData(2027, 9, 3)] // Thursday: Friday after
    [InlineData(2028, 9, 1)] // Saturday: Friday before
    [InlineData(2029, 9, 3)] // Sunday: Monday after
    [InlineData(2033, 9, 1)] // Friday: Thursday before
    public void Second_National_Day_day_joins_the_weekend(int year, int month, int day)
    {
        HolidayCalendar lawOnly = LawOnly();
        Assert.Equal(DayKind.Holiday, lawOnly.Classify(new LocalDate(year, 9, 2)).Kind);
        DayClassification adjacent = lawOnly.Classify(new LocalDate(year, month, day));
        Assert.Equal(DayKind.Holiday, adjacent.Kind);
        Assert.Equal("Quốc khánh (ngày liền kề)", adjacent.Name);
        LocalDate other = new LocalDate(year, 9, 2).PlusDays(day == 1 ? 1 : -1);
        Assert.NotEqual(DayKind.Holiday, lawOnly.Classify(other).Kind);
    }

    [Fact]
    public void National_Day_2023_fallback_matches_the_decree_Friday_before_and_Monday_compensation()
    {
        // 2023 is not decreed in the profile: the law-following rules give what the government announced.
        Assert.Equal(DayKind.Holiday, Vn.Classify(new LocalDate(2023, 9, 1)).Kind);
        Assert.Equal(DayKind.Holiday, Vn.Classify(new LocalDate(2023, 9, 2)).Kind);
        Assert.Equal(DayKind.CompensatoryDayOff, Vn.Classify(new LocalDate(2023, 9, 4)).Kind);
        Assert.Equal(DayKind.WorkingDay, Vn.Classify(new LocalDate(2023, 9, 5)).Kind);
    }

    [Fact]
    public void Before_2021_National_Day_has_no_adjacent_day()
    {
        // 2/9/2020 was a Wednesday; the second day came with the Labour Code 2019, in force from 2021.
        Assert.Equal(DayKind.Holiday, Vn.Classify(new LocalDate(2020, 9, 2)).Kind);
        Assert.Equal(DayKind.WorkingDay, Vn.Classify(new LocalDate(2020, 9, 1)).Kind);
        Assert.Equal(DayKind.WorkingDay, Vn.Classify(new LocalDate(2020, 9, 3)).Kind);
    }

    [Fact]
    public void Swapped_working_Saturday_2026_is_a_working_day_with_its_source()
    {
        DayClassification c = Vn.Classify(new LocalDate(2026, 1, 10));
        Assert.Equal(DayKind.SwappedWorkingDay, c.Kind);
        Assert.True(c.IsWorkingDay);
        Assert.Contains("12729/VPCP-KGVX", c.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Classification_is_the_same_when_years_are_first_computed_concurrently()
    {
        var fresh = new HolidayCalendar(VietnameseHolidays.CreateProfile());
        LocalDate start = new(2024, 1, 1);
        var parallel = new DayClassification[3 * 366];
        Parallel.For(0, parallel.Length, i => parallel[i] = fresh.Classify(start.PlusDays(i)));
        for (int i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(Vn.Classify(start.PlusDays(i)), parallel[i]);
        }
    }

    [Fact]
    public void First_and_last_supported_years_are_classified_with_their_Tet()
    {
        // Tết 1900 is 31 January; Tết 2199 comes from the lunar calendar's last year.
        Assert.Equal(DayKind.Holiday, Vn.Classify(new LocalDate(1900, 1, 31)).Kind);
        LocalDate tet2199 = VietnameseLunarCalendar.Instance.ToSolar(new LunarDate(2199, 1, 1));
        Assert.Equal("Tết Nguyên Đán", Vn.Classify(tet2199).Name);
        Assert.Equal(DayKind.WeeklyRestDay, Vn.Classify(new LocalDate(2199, 12, 28)).Kind); // a Saturday
    }

    [Fact]
    public void Dates_outside_the_supported_years_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Vn.Classify(new LocalDate(2200, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vn.Classify(new LocalDate(1899, 12, 31)));
    }

    [Fact]
    public void Changing_the_profile_after_building_the_calendar_has_no_effect()
    {
        HolidayProfileOptions profile = VietnameseHolidays.CreateProfile();
        var calendar = new HolidayCalendar(profile);
        profile.Rules.Add(HolidayRuleOptions.Fixed("Ngày Văn hóa Việt Nam", 11, 24));
        Assert.Equal(DayKind.WorkingDay, calendar.Classify(new LocalDate(2027, 11, 24)).Kind);
        Assert.Equal(DayKind.Holiday, new HolidayCalendar(profile).Classify(new LocalDate(2027, 11, 24)).Kind);
    }

    private static HolidayCalendar LawOnly()
    {
        HolidayProfileOptions profile = VietnameseHolidays.CreateProfile();
        profile.Years.Clear();
        return new HolidayCalendar(profile);
    }
}
