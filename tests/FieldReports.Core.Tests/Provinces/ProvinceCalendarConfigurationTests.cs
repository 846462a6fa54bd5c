using System.Text;
using FieldReports.Calendar;
using FieldReports.Provinces;
using FieldReports.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.Core.Tests.Provinces;

public class ProvinceCalendarConfigurationTests
{
    [Fact]
    public void Hue_office_hours_from_JSON_differ_from_the_Ca_Mau_defaults_and_one_stop_centre_keeps_its_own_issue3()
    {
        var hue = SeedProvinces.Load("hue");
        var caMau = SeedProvinces.Load("ca-mau");
        var monday0745 = SeedProvinces.Local(2026, 3, 2, 7, 45);

        // Huế offices open at 08:00 (reference: Huế office hours); the default day starts at 07:30.
        Assert.False(hue.Calendar.IsWorkingTime(monday0745));
        Assert.True(caMau.Calendar.IsWorkingTime(monday0745));
        Assert.True(hue.CalendarFor("mot-cua").IsWorkingTime(monday0745));
        Assert.Same(hue.Calendar, hue.CalendarFor("an-agency-with-default-hours"));

        // 4 working hours from Monday 11:00 in Huế: 30 minutes before lunch, 3.5 hours after 13:00 → 16:30.
        Assert.Equal(SeedProvinces.Local(2026, 3, 2, 16, 30), hue.Calendar.AddWorkingTime(SeedProvinces.Local(2026, 3, 2, 11, 0), Duration.FromHours(4)));
    }

    [Fact]
    public void Province_holidays_and_time_limits_bind_from_JSON_on_top_of_the_national_calendar()
    {
        var profile = Bind("""
            { "FieldReports": { "Provinces": { "demo": {
              "DisplayName": "Demo",
              "Holidays": { "Years": [ { "Year": 2026, "Source": "Quyết định 1/QĐ-UBND", "Days": [ { "Date": "2026-03-26", "Kind": "Holiday", "Name": "Ngày giải phóng tỉnh" } ] } ] },
              "Sla": { "Handle": { "WorkingTime": "08:00:00", "DayOff": "1.00:00:00" }, "WarningThreshold": 0.5 }
            } } } }
            """).GetRequiredService<ProvinceCatalog>().Get("demo");

        Assert.Equal(DayKind.Holiday, profile.Holidays.Classify(new LocalDate(2026, 3, 26)).Kind);
        Assert.Equal("Ngày giải phóng tỉnh", profile.Holidays.Classify(new LocalDate(2026, 3, 26)).Name);
        // The national calendar still applies: Tết 2026 and the 30/4 holiday.
        Assert.Equal(DayKind.Holiday, profile.Holidays.Classify(new LocalDate(2026, 2, 17)).Kind);
        Assert.Equal(DayKind.Holiday, profile.Holidays.Classify(new LocalDate(2026, 4, 30)).Kind);
        Assert.Equal(Duration.FromHours(8), profile.Sla[SlaStep.Handle].WorkingTime);
        Assert.Equal(0.5, profile.Sla.WarningThreshold);
    }

    [Fact]
    public void Broken_calendar_and_time_limits_stop_start_up_with_their_keys_named()
    {
        var provider = Bind("""
            { "FieldReports": { "Provinces": { "demo": {
              "DisplayName": "Demo",
              "Calendar": { "OfficeHours": { "Mon-Fri": [ "17:00-08:00" ] } },
              "Holidays": { "Rules": [ { "Kind": "LunarDate", "Month": 3, "Day": 31, "Name": "sai" } ] },
              "Sla": { "WarningThreshold": 7 }
            } } } }
            """);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FieldReportsOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("FieldReports:Provinces:demo:Calendar", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("FieldReports:Provinces:demo:Holidays", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("FieldReports:Provinces:demo:Sla", StringComparison.Ordinal));
    }

    private static ServiceProvider Bind(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddFieldReports(configuration.GetSection("FieldReports"));
        return services.BuildServiceProvider();
    }
}

public class ProvinceDuplicateCodesTests
{
    [Fact]
    public void Duplicate_area_codes_stop_start_up_with_a_message_not_a_crash()
    {
        var services = new ServiceCollection();
        services.AddFieldReports().AddProvince("demo", p =>
        {
            p.DisplayName = "Demo";
            p.Areas.Add(new AreaOptions { Code = "cm" });
            p.Areas.Add(new AreaOptions { Code = "cm" });
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.BuildServiceProvider().GetRequiredService<IOptions<FieldReportsOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("FieldReports:Provinces:demo:Areas", StringComparison.Ordinal) && f.Contains("cm", StringComparison.Ordinal));
    }
}
