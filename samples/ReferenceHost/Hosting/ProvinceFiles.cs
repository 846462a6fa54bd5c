namespace ReferenceHost.Hosting;

/// <summary>Loads each province profile (provinces/*.json) into configuration under FieldReports:Provinces.</summary>
public static class ProvinceFiles
{
    public static IConfigurationBuilder AddProvinceProfiles(this IConfigurationBuilder configuration, string contentRoot)
    {
        var folder = new[] { Path.Combine(contentRoot, "provinces"), Path.Combine(AppContext.BaseDirectory, "provinces") }
            .FirstOrDefault(Directory.Exists);
        if (folder is null)
        {
            return configuration;
        }

        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        return configuration;
    }
}
