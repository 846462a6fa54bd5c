using FieldReports.Core.Tests.Provinces;
using FieldReports.Provinces;
using NodaTime;

namespace FieldReports.Core.Tests.Provinces;

public class NightWindowRuleTests
{
    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(0, 0, true)]
    [InlineData(5, 59, true)]
    [InlineData(6, 0, false)]
    public void A_window_crossing_midnight_contains_the_late_evening_and_early_morning(int hour, int minute, bool inside) =>
        Assert.Equal(inside, new NightWindowRule { Start = new LocalTime(22, 0), End = new LocalTime(6, 0) }.Contains(new LocalTime(hour, minute)));

    [Fact]
    public void A_later_version_can_lift_the_night_window()
    {
        var profile = SeedProvinces.Build("x", p =>
        {
            p.Intake.NightWindow.Add(new NightWindowRule { EffectiveFrom = new LocalDate(2022, 7, 15) });
            p.Intake.NightWindow.Add(new NightWindowRule { EffectiveFrom = new LocalDate(2025, 7, 1), Enabled = false });
        });

        Assert.Null(profile.NightWindowAt(SeedProvinces.Local(2022, 7, 14, 3)));
        Assert.NotNull(profile.NightWindowAt(SeedProvinces.Local(2024, 1, 1, 3)));
        Assert.Null(profile.NightWindowAt(SeedProvinces.Local(2025, 7, 1, 3)));
    }
}
