using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Routing;
using FieldReports.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace FieldReports.Core.Tests.Provinces;

public class ProvinceCatalogueServiceTests
{
    private static readonly Actor Admin = Actor.Administrator("admin-1");

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 23, 2, 0));
    private readonly InMemoryProvinceCatalogueStore _store = new();

    [Fact]
    public async Task Configured_catalogue_is_version_0_until_the_first_edit_stores_a_full_copy_6()
    {
        using var services = Instance();
        var catalogues = services.GetRequiredService<ProvinceCatalogueService>();

        var configured = await catalogues.GetAsync("ca-mau", default);
        var saved = await catalogues.SaveAsync("ca-mau", WithWard(configured!.Catalogue), 0, Admin, default);

        Assert.Equal(0, configured.Version);
        Assert.Null(configured.SavedBy);
        Assert.Contains(configured.Catalogue.Agencies, a => a.Id == "so-gtvt");
        Assert.True(saved.Error is null, saved.Error?.ToString());
        var stored = Assert.Single(await _store.ListAsync("ca-mau", default));
        Assert.Equal(1, stored.Version);
        Assert.Equal("admin-1", stored.SavedBy);
        Assert.Equal(_clock.GetCurrentInstant(), stored.SavedAt);
        // A full copy: the configured agencies and fields are all there, with the new one.
        Assert.Equal(configured.Catalogue.Agencies.Length + 1, stored.Catalogue.Agencies.Length);
        Assert.Equal(configured.Catalogue.Fields.Select(f => f.Code), stored.Catalogue.Fields.Select(f => f.Code));
        Assert.Null(await catalogues.GetAsync("nowhere", default));
    }

    [Fact]
    public async Task Edit_puts_a_new_profile_in_force_and_keyed_policies_follow_while_the_old_profile_stays_as_it_was_6()
    {
        using var services = Instance();
        var catalog = services.GetRequiredService<ProvinceCatalog>();
        var before = catalog.Get("ca-mau");
        var routingBefore = services.GetRequiredKeyedService<RoutingPolicy>("ca-mau");

        await Saved(services.GetRequiredService<ProvinceCatalogueService>().SaveAsync("ca-mau", WithWard(ProvinceCatalogue.From(before.Options)), 0, Admin, default));

        var after = catalog.Get("ca-mau");
        Assert.NotSame(before, after);
        Assert.Equal(1, after.Catalogue.Version);
        Assert.NotNull(after.Agencies.Find("ubnd-p2"));
        Assert.Equal("ubnd-tp", after.Agencies.Find("ubnd-p2")!.ParentId);
        Assert.Same(after, services.GetRequiredKeyedService<ProvinceProfile>("ca-mau"));
        Assert.Same(after, services.GetRequiredKeyedService<RoutingPolicy>("ca-mau").Profile);
        Assert.Same(services.GetRequiredKeyedService<RoutingPolicy>("ca-mau"), services.GetRequiredKeyedService<RoutingPolicy>("ca-mau"));
        // Whoever still holds the old profile sees it whole and unchanged.
        Assert.Null(before.Agencies.Find("ubnd-p2"));
        Assert.Same(before, routingBefore.Profile);
        Assert.Equal(0, before.Catalogue.Version);
        // The rest of the profile is the configuration's.
        Assert.Equal(before.Options.Routing.Rules.Count, after.Options.Routing.Rules.Count);
        Assert.Equal(before.Options.DisplayName, after.Options.DisplayName);
    }

    [Fact]
    public async Task Invalid_edit_gets_every_problem_of_the_start_up_validation_and_stores_nothing_6()
    {
        using var services = Instance();
        var catalog = services.GetRequiredService<ProvinceCatalog>();
        var configured = ProvinceCatalogue.From(catalog.Get("ca-mau").Options);
        var fields = configured.Fields.Append(new FieldOptions { Code = "traffic", NameVi = "Giao thông (trùng)" });
        var agencies = configured.Agencies.Where(a => a.Id != "so-gtvt").Concat(
        [
            new AgencyOptions { Id = "loop-a", Name = "A", Parent = "loop-b" },
            new AgencyOptions { Id = "loop-b", Name = "B", Parent = "loop-a" },
            new AgencyOptions { Id = "orphan", Name = "Mồ côi", Parent = "ubnd-xyz" },
            Handles("ubnd-p9", "flooding"),
        ]);

        var outcome = await services.GetRequiredService<ProvinceCatalogueService>().SaveAsync("ca-mau", new ProvinceCatalogue(fields, agencies), 0, Admin, default);

        Assert.Equal(ErrorCodes.CatalogueInvalid, outcome.Error?.Code);
        Assert.Null(outcome.Revision);
        Assert.Contains(outcome.Problems, p => p.StartsWith("Fields:3:Code 'traffic' is used more than once", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.StartsWith("Agencies contain a cycle", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.Contains(":Parent 'ubnd-xyz' is not an agency", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.Contains(":Fields names 'flooding', which is not a field", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.StartsWith("Routing:Rules:3:Agency 'so-gtvt' is not an agency", StringComparison.Ordinal));
        Assert.All(outcome.Problems, p => Assert.DoesNotContain("FieldReports:Provinces", p, StringComparison.Ordinal));
        Assert.Empty(await _store.ListAsync("ca-mau", default));
        Assert.Equal(0, catalog.Get("ca-mau").Catalogue.Version);
        Assert.NotNull(catalog.Get("ca-mau").Agencies.Find("so-gtvt"));
    }

    [Fact]
    public async Task Edit_of_a_stale_version_is_refused_and_only_administrators_edit_6()
    {
        using var services = Instance();
        var catalogues = services.GetRequiredService<ProvinceCatalogueService>();
        var configured = (await catalogues.GetAsync("ca-mau", default))!.Catalogue;
        await Saved(catalogues.SaveAsync("ca-mau", WithWard(configured), 0, Admin, default));

        var stale = await catalogues.SaveAsync("ca-mau", configured, 0, Actor.Administrator("admin-2"), default);
        var reception = await catalogues.SaveAsync("ca-mau", configured, 1, Actor.Reception("rec-1"), default);

        Assert.Equal(ErrorCodes.CatalogueVersionMismatch, stale.Error?.Code);
        Assert.Equal(ErrorKind.Conflict, stale.Error?.Kind);
        Assert.Equal(ErrorCodes.AccessDenied, reception.Error?.Code);
        Assert.Equal("admin-1", Assert.Single(await _store.ListAsync("ca-mau", default)).SavedBy);
    }

    [Fact]
    public async Task Another_instance_puts_an_edit_in_force_when_it_refreshes_6()
    {
        using var first = Instance();
        using var second = Instance();
        var catalogue = ProvinceCatalogue.From(first.GetRequiredService<ProvinceCatalog>().Get("ca-mau").Options);

        await Saved(first.GetRequiredService<ProvinceCatalogueService>().SaveAsync("ca-mau", WithWard(catalogue), 0, Admin, default));

        var secondCatalog = second.GetRequiredService<ProvinceCatalog>();
        Assert.Null(secondCatalog.Get("ca-mau").Agencies.Find("ubnd-p2"));
        Assert.Empty(await second.GetRequiredService<ProvinceCatalogueService>().RefreshAsync(default));
        Assert.Equal(1, secondCatalog.Get("ca-mau").Catalogue.Version);
        Assert.NotNull(secondCatalog.Get("ca-mau").Agencies.Find("ubnd-p2"));
    }

    [Fact]
    public async Task Stored_catalogue_that_no_longer_fits_the_configuration_fails_loading_and_the_configured_one_stays_6()
    {
        using var services = Instance();
        var catalog = services.GetRequiredService<ProvinceCatalog>();
        var configured = ProvinceCatalogue.From(catalog.Get("ca-mau").Options);
        // As if the configuration gained a routing rule to an agency that an earlier edit removed.
        var withoutTransport = new ProvinceCatalogue(configured.Fields, configured.Agencies.Where(a => a.Id != "so-gtvt"));
        Assert.True((await _store.AddAsync(new ProvinceCatalogueRevision("ca-mau", 1, withoutTransport, _clock.GetCurrentInstant(), "admin-1"), default)).IsSuccess);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.LoadProvinceCataloguesAsync());

        Assert.Contains("FieldReports:Provinces:ca-mau", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Routing:Rules:3:Agency 'so-gtvt'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, catalog.Get("ca-mau").Catalogue.Version);
    }

    [Fact]
    public void Catalogue_keeps_its_own_copies_of_the_options_it_is_given()
    {
        var field = new FieldOptions { Code = "flooding", NameVi = "Ngập úng" };
        field.Questions.Add("Sâu bao nhiêu?");
        var catalogue = new ProvinceCatalogue([field], []);

        field.Code = "changed";
        field.Questions.Clear();

        Assert.Equal("flooding", catalogue.Fields[0].Code);
        Assert.Equal(["Sâu bao nhiêu?"], catalogue.Fields[0].Questions);
    }

    private ServiceProvider Instance()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "provinces", "ca-mau.json"), optional: false).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        // One store shared by the instances, as one database is.
        services.AddSingleton<IProvinceCatalogueStore>(_store);
        services.AddFieldReports(config.GetSection("FieldReports"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static ProvinceCatalogue WithWard(ProvinceCatalogue catalogue) =>
        new(catalogue.Fields, catalogue.Agencies.Append(new AgencyOptions { Id = "ubnd-p2", Name = "UBND Phường 2", Parent = "ubnd-tp", Kind = AgencyKind.Commune }));

    private static AgencyOptions Handles(string id, string field)
    {
        var agency = new AgencyOptions { Id = id, Name = id };
        agency.Fields.Add(field);
        return agency;
    }

    private static async Task Saved(Task<ProvinceCatalogueOutcome> save)
    {
        var outcome = await save;
        Assert.True(outcome.Error is null, outcome.Error + " " + string.Join(" | ", outcome.Problems));
    }
}
