using System.Text;
using FieldReports.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.Core.Tests.Calendar;

public sealed class HolidayProfileConfigurationTests
{
    private const string ProvinceJson = """
        {
          "Holidays": {
            "Name": "hue",
            "WeeklyRestDaysSource": "Quyết định 188/1999/QĐ-TTg",
            "Rules": [
              { "Kind": "FixedDate", "Name": "Tết Dương lịch", "Month": 1, "Day": 1, "Source": "BLLĐ 2019 art. 112(1)(a)" },
              { "Kind": "LunarSpan", "Name": "Tết Nguyên Đán", "Month": 1, "Day": 1, "Offset": -2, "Length": 5, "Source": "BLLĐ 2019 art. 112(1)(b)" },
              { "Kind": "LunarDate", "Name": "Giỗ Tổ Hùng Vương", "Month": 3, "Day": 10, "Source": "BLLĐ 2019 art. 112(1)(e)" },
              { "Kind": "fixeddate", "Name": "Quốc khánh", "Month": 9, "Day": 2 },
              { "Kind": "AdjacentDay", "Name": "Quốc khánh (ngày liền kề)", "Month": 9, "Day": 2, "Choice": "After", "EffectiveFrom": "2021-01-01" },
              { "Kind": "Compensation", "Source": "BLLĐ 2019 art. 111(3)" }
            ],
            "Years": [
              { "Year": 2028, "Source": "Quyết định của UBND tỉnh (ví dụ)",
                "Days": [ { "Date": "2028-03-26", "Kind": "Holiday", "Name": "Ngày giải phóng Thừa Thiên Huế" } ] }
            ]
          }
        }
        """;

    private static HolidayProfileOptions Bind(string json)
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)))
            .Build();
        var options = new HolidayProfileOptions();
        configuration.GetSection("Holidays").Bind(options);
        return options;
    }

    [Fact]
    public void Profile_bound_from_JSON_classifies_days_by_its_rules()
    {
        HolidayProfileOptions options = Bind(ProvinceJson);
        Assert.True(new HolidayProfileOptionsValidator().Validate(null, options).Succeeded);
        var calendar = new HolidayCalendar(options);

        // Tết 2028 is Wednesday 26 January; Offset -2 and Length 5 give Monday 24 to Friday 28.
        Assert.Equal(DayKind.WorkingDay, calendar.Classify(new LocalDate(2028, 1, 21)).Kind);
        for (int d = 24; d <= 28; d++)
        {
            Assert.Equal(DayKind.Holiday, calendar.Classify(new LocalDate(2028, 1, d)).Kind);
        }

        Assert.Equal(DayKind.WorkingDay, calendar.Classify(new LocalDate(2028, 1, 31)).Kind);

        // 30/4 is not in this profile; 2/9/2028 is a Saturday: 'After' puts the adjacent day on Sunday 3/9, and the two
        // holidays on rest days are compensated on Monday 4/9 and Tuesday 5/9.
        Assert.Equal(DayKind.WeeklyRestDay, calendar.Classify(new LocalDate(2028, 4, 30)).Kind);
        Assert.Equal("Quốc khánh (ngày liền kề)", calendar.Classify(new LocalDate(2028, 9, 3)).Name);
        Assert.Equal(DayKind.CompensatoryDayOff, calendar.Classify(new LocalDate(2028, 9, 4)).Kind);
        Assert.Equal(DayKind.CompensatoryDayOff, calendar.Classify(new LocalDate(2028, 9, 5)).Kind);
        Assert.Equal(DayKind.WorkingDay, calendar.Classify(new LocalDate(2028, 9, 6)).Kind);

        // The province's own decreed day is laid over the rules, with the year's source.
        DayClassification liberation = calendar.Classify(new LocalDate(2028, 3, 26));
        Assert.Equal(DayKind.Holiday, liberation.Kind);
        Assert.Equal("Quyết định của UBND tỉnh (ví dụ)", liberation.Source);
        Assert.Equal("hue", calendar.Name);
    }

    [Fact]
    public void Weekly_rest_days_bound_from_JSON_replace_the_Saturday_Sunday_default()
    {
        HolidayProfileOptions options = Bind("""{ "Holidays": { "WeeklyRestDays": [ "Sunday" ] } }""");
        var calendar = new HolidayCalendar(options);
        Assert.Equal(DayKind.WorkingDay, calendar.Classify(new LocalDate(2027, 1, 2)).Kind); // Saturday
        Assert.Equal(DayKind.WeeklyRestDay, calendar.Classify(new LocalDate(2027, 1, 3)).Kind);
        Assert.Equal(DayKind.WeeklyRestDay, new HolidayCalendar(new HolidayProfileOptions()).Classify(new LocalDate(2027, 1, 2)).Kind);
    }

    [Theory]
    [InlineData("""{ "Kind": "Easter", "Name": "Phục sinh", "Month": 4, "Day": 1 }""", "Rules[0] 'Phục sinh' (Easter): unknown Kind 'Easter'")]
    [InlineData("""{ "Kind": "LunarDate", "Name": "Rằm tháng Giêng", "Month": 1, "Day": 31 }""", "Rules[0] 'Rằm tháng Giêng' (LunarDate): Day 31 is not a lunar day")]
    [InlineData("""{ "Kind": "FixedDate", "Name": "Ngày Văn hóa", "Month": 11, "Day": 24, "EffectiveFrom": "2027-01-01", "EffectiveTo": "2026-12-31" }""", "Rules[0] 'Ngày Văn hóa' (FixedDate): EffectiveTo 2026-12-31 is before EffectiveFrom 2027-01-01")]
    [InlineData("""{ "Kind": "FixedDate", "Name": "Ngày không có", "Month": 2, "Day": 30 }""", "Day 30 does not exist in month 2")]
    [InlineData("""{ "Kind": "LunarSpan", "Name": "Tết" }""", "Length (missing) is required for a lunar span")]
    [InlineData("""{ "Name": "Không loại" }""", "Kind is required")]
    public void Invalid_rules_are_rejected_with_a_message_naming_the_rule(string rule, string expected)
    {
        HolidayProfileOptions options = Bind($$"""{ "Holidays": { "Name": "test", "Rules": [ {{rule}} ] } }""");

        ValidateOptionsResult result = new HolidayProfileOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal) && f.StartsWith("Holiday profile 'test'", StringComparison.Ordinal));

        var ex = Assert.Throws<ArgumentException>(() => new HolidayCalendar(options));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decreed_date_listed_twice_or_without_a_kind_is_rejected()
    {
        HolidayProfileOptions options = Bind("""
            { "Holidays": { "Years": [
              { "Year": 2027, "Days": [ { "Date": "2027-05-03", "Kind": "Holiday", "Name": "A" }, { "Date": "2027-05-03", "Kind": "Holiday", "Name": "B" } ] },
              { "Year": 2028, "Days": [ { "Date": "2028-05-03", "Name": "C" } ] } ] } }
            """);
        ValidateOptionsResult result = new HolidayProfileOptionsValidator().Validate("hue", options);
        Assert.Contains(result.Failures!, f => f.Contains("Years[0] (2027) Days[1] 'B': the date 2027-05-03 is listed twice", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Years[1] (2028) Days[0] 'C': Kind is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Province_extending_the_national_profile_lists_only_its_own_days()
    {
        HolidayProfileOptions options = Bind("""
            { "Holidays": { "Name": "hue", "Base": "VN", "Years": [
              { "Year": 2026, "Source": "Quyết định của UBND tỉnh (ví dụ)",
                "Days": [ { "Date": "2026-03-26", "Kind": "Holiday", "Name": "Ngày giải phóng Thừa Thiên Huế" } ] } ] } }
            """);
        var calendar = new HolidayCalendar(options);

        Assert.Equal("hue", calendar.Name);
        Assert.Equal(DayKind.Holiday, calendar.Classify(new LocalDate(2026, 3, 26)).Kind);
        Assert.Equal(DayKind.WorkingDay, VietnameseHolidays.Calendar.Classify(new LocalDate(2026, 3, 26)).Kind);
        // The national decree for 2026 and the national rules for 2027 still apply.
        Assert.Equal(DayKind.SwappedWorkingDay, calendar.Classify(new LocalDate(2026, 1, 10)).Kind);
        Assert.Equal(DayKind.Holiday, calendar.Classify(new LocalDate(2027, 2, 6)).Kind);
        Assert.Equal(DayKind.CompensatoryDayOff, calendar.Classify(new LocalDate(2027, 2, 10)).Kind);
    }

    [Fact]
    public void Unknown_base_profile_is_rejected()
    {
        HolidayProfileOptions options = Bind("""{ "Holidays": { "Name": "x", "Base": "CN" } }""");
        ValidateOptionsResult result = new HolidayProfileOptionsValidator().Validate(null, options);
        Assert.Contains(result.Failures!, f => f.Contains("Base 'CN' is not a known profile", StringComparison.Ordinal));
    }

    [Fact]
    public void National_profile_is_valid()
    {
        Assert.True(new HolidayProfileOptionsValidator().Validate(null, VietnameseHolidays.CreateProfile()).Succeeded);
    }
}
