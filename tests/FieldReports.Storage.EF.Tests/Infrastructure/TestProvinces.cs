using FieldReports.Provinces;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.Storage.EF.Tests.Infrastructure;

/// <summary>A province profile with the default rules, built through the public registration.</summary>
public static class TestProvinces
{
    public static ProvinceProfile Load(string id = TestReports.Province)
    {
        var services = new ServiceCollection();
        services.AddFieldReports().AddProvince(id, o => o.DisplayName = id);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<ProvinceCatalog>().Get(id);
    }
}
