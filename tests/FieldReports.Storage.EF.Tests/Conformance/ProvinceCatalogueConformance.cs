using FieldReports.Provinces;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>Provinces' catalogue versions: inserted only, numbered without gaps, one winner when two edits race (#5).</summary>
public abstract class ProvinceCatalogueConformance : StorageTestBase
{
    private IProvinceCatalogueStore Catalogues => Services.GetRequiredService<IProvinceCatalogueStore>();

    [StorageFact]
    public async Task Province_without_a_stored_catalogue_has_no_latest_version_and_no_history()
    {
        Assert.Null(await Catalogues.FindLatestAsync(TestReports.Province, default));
        Assert.Empty(await Catalogues.ListAsync(TestReports.Province, default));
    }

    [StorageFact]
    public async Task Stored_version_comes_back_after_a_restart_with_every_member()
    {
        var at = Clock.GetCurrentInstant();
        Assert.True((await Catalogues.AddAsync(Revision(1, "admin-1", at), default)).IsSuccess);

        // Another host instance, as after a restart.
        var restarted = NewServices().GetRequiredService<IProvinceCatalogueStore>();
        var latest = await restarted.FindLatestAsync(TestReports.Province, default);

        Assert.NotNull(latest);
        Assert.Equal(1, latest.Version);
        Assert.Equal(TestReports.Province, latest.ProvinceId);
        Assert.Equal(at, latest.SavedAt);
        Assert.Equal("admin-1", latest.SavedBy);
        var field = Assert.Single(latest.Catalogue.Fields, f => f.Code == "flooding");
        Assert.Equal("Ngập úng đô thị", field.NameVi);
        Assert.Equal("Urban flooding", field.NameEn);
        Assert.Equal(["Độ sâu nước (cm)?", "Kéo dài bao lâu?"], field.Questions);
        var ward = Assert.Single(latest.Catalogue.Agencies, a => a.Id == "ubnd-p2");
        Assert.Equal("UBND Phường 2", ward.Name);
        Assert.Equal("ubnd-tp", ward.Parent);
        Assert.Equal(AgencyKind.Commune, ward.Kind);
        Assert.Equal(["flooding"], ward.Fields);
        Assert.Equal(["hue-p2"], ward.Areas);
        Assert.Equal(["ubnd-tp", "ubnd-p2"], latest.Catalogue.Agencies.Select(a => a.Id));
    }

    [StorageFact]
    public async Task Versions_are_kept_as_history_and_the_latest_is_the_highest()
    {
        var at = Clock.GetCurrentInstant();
        for (var v = 1; v <= 3; v++)
        {
            Assert.True((await Catalogues.AddAsync(Revision(v, $"admin-{v}", at + Duration.FromMinutes(v)), default)).IsSuccess);
        }

        var history = await Catalogues.ListAsync(TestReports.Province, default);

        Assert.Equal([1, 2, 3], history.Select(h => h.Version));
        Assert.Equal(["admin-1", "admin-2", "admin-3"], history.Select(h => h.SavedBy));
        Assert.Equal(3, (await Catalogues.FindLatestAsync(TestReports.Province, default))!.Version);
    }

    [StorageFact]
    public async Task A_version_that_is_not_the_next_one_is_a_conflict_and_writes_nothing()
    {
        var at = Clock.GetCurrentInstant();
        Assert.True((await Catalogues.AddAsync(Revision(1, "admin-1", at), default)).IsSuccess);

        var again = await Catalogues.AddAsync(Revision(1, "admin-2", at), default);
        var gap = await Catalogues.AddAsync(Revision(3, "admin-2", at), default);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, again.Error?.Code);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, gap.Error?.Code);
        var history = await Catalogues.ListAsync(TestReports.Province, default);
        Assert.Equal("admin-1", Assert.Single(history).SavedBy);
    }

    [StorageFact]
    public async Task Of_many_concurrent_edits_of_one_version_exactly_one_is_stored()
    {
        var at = Clock.GetCurrentInstant();
        var stores = Enumerable.Range(0, 6).Select(_ => NewServices().GetRequiredService<IProvinceCatalogueStore>()).ToList();

        var results = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.AddAsync(Revision(1, $"admin-{i}", at), default))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorCodes.ConcurrencyConflict, r.Error!.Code));
        var winner = results.ToList().FindIndex(r => r.IsSuccess);
        Assert.Equal($"admin-{winner}", Assert.Single(await Catalogues.ListAsync(TestReports.Province, default)).SavedBy);
    }

    [StorageFact]
    public async Task Provinces_keep_their_own_versions()
    {
        var at = Clock.GetCurrentInstant();
        Assert.True((await Catalogues.AddAsync(Revision(1, "admin-1", at), default)).IsSuccess);

        Assert.True((await Catalogues.AddAsync(Revision(1, "admin-9", at, "ca-mau"), default)).IsSuccess);

        Assert.Equal("admin-1", (await Catalogues.FindLatestAsync(TestReports.Province, default))!.SavedBy);
        Assert.Equal("admin-9", Assert.Single(await Catalogues.ListAsync("ca-mau", default)).SavedBy);
    }

    private static ProvinceCatalogueRevision Revision(int version, string by, Instant at, string province = TestReports.Province)
    {
        var flooding = new FieldOptions { Code = "flooding", NameVi = "Ngập úng đô thị", NameEn = "Urban flooding" };
        flooding.Questions.Add("Độ sâu nước (cm)?");
        flooding.Questions.Add("Kéo dài bao lâu?");
        var city = new AgencyOptions { Id = "ubnd-tp", Name = "UBND thành phố", Kind = AgencyKind.District };
        var ward = new AgencyOptions { Id = "ubnd-p2", Name = "UBND Phường 2", Parent = "ubnd-tp", Kind = AgencyKind.Commune };
        ward.Fields.Add("flooding");
        ward.Areas.Add("hue-p2");
        return new ProvinceCatalogueRevision(province, version, new ProvinceCatalogue([flooding, new FieldOptions { Code = "traffic", NameVi = "Giao thông" }], [city, ward]), at, by);
    }
}
