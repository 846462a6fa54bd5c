using FieldReports.Provinces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FieldReports.Core.Tests.Provinces;

public class ProvinceOptionsValidationTests
{
    [Fact]
    public void Start_up_fails_with_every_broken_key_named_when_a_province_is_misconfigured_issue4()
    {
        var services = new ServiceCollection();
        services.AddFieldReports().AddProvince("x", p =>
        {
            p.TimeZone = "Mars/Olympus";
            p.Fields.Add(new FieldOptions { Code = "f" });
            p.Agencies.Add(new AgencyOptions { Id = "a", Name = "A", Parent = "missing" });
            p.Routing.Rules.Add(new RoutingRuleOptions { Field = "nope", Agency = "a" });
            p.Moderation.AccountLock.Add(new SanctionRule { Threshold = 0 });
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FieldReportsOptions>>().Value);

        var text = string.Join('\n', error.Failures);
        Assert.Contains("FieldReports:Provinces:x:DisplayName is required", text, StringComparison.Ordinal);
        Assert.Contains("TimeZone 'Mars/Olympus'", text, StringComparison.Ordinal);
        Assert.Contains("Fields:0:NameVi is required", text, StringComparison.Ordinal);
        Assert.Contains("Agencies:0:Parent 'missing'", text, StringComparison.Ordinal);
        Assert.Contains("Routing:Rules:0:Field 'nope'", text, StringComparison.Ordinal);
        Assert.Contains("Moderation:AccountLock:0:Threshold must be at least 1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 20_000)]
    [InlineData(50_000_000, 0)]
    [InlineData(50_000_000, 70_000)]
    public void Image_size_limits_outside_their_range_are_refused_at_start_up_issue6(long pixels, int side)
    {
        var failures = new List<string>();
        var p = new ProvinceOptions { DisplayName = "X" };
        p.Intake.MaxImagePixels = pixels;
        p.Intake.MaxImageSide = side;

        FieldReportsOptionsValidator.ValidateProvince("x", p, failures);

        Assert.Contains(failures, f => f.Contains("Intake:MaxImagePixels", StringComparison.Ordinal));
    }

    [Fact]
    public void Image_size_limits_default_to_50_megapixels_and_20000_pixels_a_side_issue6()
    {
        var failures = new List<string>();
        var p = new ProvinceOptions { DisplayName = "X" };

        FieldReportsOptionsValidator.ValidateProvince("x", p, failures);

        Assert.Equal(50_000_000, p.Intake.MaxImagePixels);
        Assert.Equal(20_000, p.Intake.MaxImageSide);
        Assert.DoesNotContain(failures, f => f.Contains("Intake:MaxImage", StringComparison.Ordinal));
    }

    [Fact]
    public void Agency_cycle_is_refused_at_start_up()
    {
        var failures = new List<string>();
        var p = new ProvinceOptions { DisplayName = "X" };
        p.Agencies.Add(new AgencyOptions { Id = "a", Name = "A", Parent = "b" });
        p.Agencies.Add(new AgencyOptions { Id = "b", Name = "B", Parent = "a" });

        FieldReportsOptionsValidator.ValidateProvince("x", p, failures);

        Assert.Contains(failures, f => f.Contains("cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void Add_province_in_code_gives_keyed_profile_with_Ca_Mau_defaults()
    {
        var services = new ServiceCollection();
        services.AddFieldReports().AddProvince("ca-mau", p => p.DisplayName = "Cà Mau");
        services.AddFieldReports(); // idempotent
        using var provider = services.BuildServiceProvider();

        var profile = provider.GetRequiredKeyedService<ProvinceProfile>("ca-mau");

        Assert.Equal(["app", "web", "staff"], profile.Channels.Select(c => c.Code));
        Assert.Equal(["vi"], profile.Languages.ToArray());
        Assert.Equal(IdentityPolicy.SecretUnlessConsent, profile.Options.Confidentiality.ReporterIdentity);
        Assert.Equal(3, profile.AccountLockAt(SeedProvinces.Local(2024, 1, 1)).TriggeringCount);
        Assert.Null(profile.NightWindowAt(SeedProvinces.Local(2024, 1, 1, 3)));
        Assert.Single(provider.GetServices<IValidateOptions<FieldReportsOptions>>());
    }

    [Fact]
    public void Rule_version_in_force_is_the_latest_effective_on_or_before_the_local_date()
    {
        var profile = SeedProvinces.Build("x", p =>
        {
            p.Moderation.AccountLock.Add(new SanctionRule { Threshold = 5 });
            p.Moderation.AccountLock.Add(new SanctionRule { EffectiveFrom = new NodaTime.LocalDate(2025, 1, 1), Threshold = 2 });
        });

        Assert.Equal(5, profile.AccountLockAt(SeedProvinces.Local(2024, 12, 31, 23, 59)).Threshold);
        Assert.Equal(2, profile.AccountLockAt(SeedProvinces.Local(2025, 1, 1, 0, 0)).Threshold);
    }

    [Fact]
    public void Provinces_configured_with_the_options_delegate_are_available_by_key()
    {
        var services = new ServiceCollection();
        services.AddFieldReports(o =>
        {
            var hue = new ProvinceOptions { DisplayName = "Thừa Thiên Huế" };
            hue.Intake.RequireEmail = true;
            o.Provinces["hue"] = hue;
        });
        using var provider = services.BuildServiceProvider();

        Assert.True(provider.GetRequiredKeyedService<ProvinceProfile>("HUE").Options.Intake.RequireEmail);
        var unknown = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<ProvinceProfile>("da-nang"));
        Assert.Contains("AddProvince", unknown.Message, StringComparison.Ordinal);
    }
}
