namespace ReferenceHost.Hosting;

/// <summary>Where the host keeps its data and which database it uses (FieldReports:DataDirectory, FieldReports:Database).</summary>
public sealed record HostSettings(string DataDirectory, string Provider, string ConnectionString)
{
    public bool IsPostgreSql => Provider.Equals("Npgsql", StringComparison.OrdinalIgnoreCase) || Provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase);

    public string AttachmentDirectory => Path.Combine(DataDirectory, "attachments");

    public static HostSettings From(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var dataDirectory = configuration["FieldReports:DataDirectory"];
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            // In-memory functional tests get a folder of their own, so they never touch the demo database.
            dataDirectory = environment.IsEnvironment("Testing")
                ? Directory.CreateTempSubdirectory("fieldreports-testing-").FullName
                : Path.Combine(environment.ContentRootPath, "data");
        }

        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var provider = configuration["FieldReports:Database:Provider"] ?? "Sqlite";
        var connectionString = configuration["FieldReports:Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={Path.Combine(dataDirectory, "fieldreports.db")}";
        }

        return new HostSettings(dataDirectory, provider, connectionString);
    }
}
