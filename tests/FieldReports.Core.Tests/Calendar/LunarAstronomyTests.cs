using FieldReports.Calendar;

namespace FieldReports.Core.Tests.Calendar;

public sealed class LunarAstronomyTests
{
    private const double JulianDayOfDayNumberZero = 1721426;

    private static double JulianDay(int year, int month, int day, int hour, int minute) =>
        new DateOnly(year, month, day).DayNumber + JulianDayOfDayNumberZero - 0.5 + ((hour + (minute / 60.0)) / 24.0);

    // Equinoxes and solstices as published (UT, to the minute) by the almanac offices.
    [Theory]
    [InlineData(2000, 3, 20, 7, 35, 0)]
    [InlineData(2000, 6, 21, 1, 48, 90)]
    [InlineData(2000, 9, 22, 17, 28, 180)]
    [InlineData(2000, 12, 21, 13, 37, 270)]
    [InlineData(2020, 3, 20, 3, 50, 0)]
    [InlineData(2020, 6, 20, 21, 44, 90)]
    [InlineData(2020, 9, 22, 13, 31, 180)]
    [InlineData(2020, 12, 21, 10, 2, 270)]
    [InlineData(2024, 3, 20, 3, 6, 0)]
    [InlineData(2024, 6, 20, 20, 51, 90)]
    [InlineData(2024, 9, 22, 12, 44, 180)]
    [InlineData(2024, 12, 21, 9, 20, 270)]
    [InlineData(2025, 3, 20, 9, 1, 0)]
    [InlineData(2025, 6, 21, 2, 42, 90)]
    [InlineData(2025, 9, 22, 18, 19, 180)]
    [InlineData(2025, 12, 21, 15, 3, 270)]
    public void Sun_reaches_the_cardinal_longitudes_within_a_minute_of_the_published_instant(int year, int month, int day, int hour, int minute, double longitude)
    {
        double published = JulianDay(year, month, day, hour, minute);
        double t = published;
        for (int i = 0; i < 20; i++)
        {
            double diff = longitude - LunarAstronomy.SunApparentLongitude(t + LunarAstronomy.DeltaTDays(t));
            diff -= 360 * Math.Round(diff / 360);
            t += diff * 365.2422 / 360;
        }

        Assert.InRange((t - published) * 1440, -1.0, 1.0);
    }

    // New moons as published (UT, to the minute).
    [Theory]
    [InlineData(2000, 1, 6, 18, 14)]
    [InlineData(2024, 1, 11, 11, 57)]
    [InlineData(2025, 1, 29, 12, 36)]
    [InlineData(2026, 2, 17, 12, 1)]
    [InlineData(2030, 2, 2, 16, 7)]
    public void New_moon_comes_within_a_minute_of_the_published_instant(int year, int month, int day, int hour, int minute)
    {
        double published = JulianDay(year, month, day, hour, minute);
        int k = (int)Math.Round((published - LunarAstronomy.Lunation0) / LunarAstronomy.SynodicMonth);
        double jde = LunarAstronomy.NewMoonJde(k);
        double ut = jde - LunarAstronomy.DeltaTDays(jde);
        Assert.InRange((ut - published) * 1440, -1.0, 1.0);
    }
}
