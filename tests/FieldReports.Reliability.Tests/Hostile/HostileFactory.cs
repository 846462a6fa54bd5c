using System.Security.Cryptography;
using System.Text;
using FieldReports.AspNetCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FieldReports.Reliability.Tests.Hostile;

/// <summary>
/// The reference host in memory with its own sign-in (Identity cookies, as in production), the demo accounts, a SQLite
/// file in a temporary folder, and no per-account submission limit (so that hostile submissions reach validation).
/// </summary>
public sealed class HostileFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("fieldreports-hostile-").FullName;

    /// <summary>A digest of every row of every table and of every stored file: equal digests mean nothing was written.</summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "fieldreports.db")};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                hash.AppendData(Encoding.UTF8.GetBytes("\u0001" + table));
                using var rows = connection.CreateCommand();
                rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
                using var reader = rows.ExecuteReader();
                while (reader.Read())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var value = reader.IsDBNull(i) ? "\u0000" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                        hash.AppendData(Encoding.UTF8.GetBytes(value + "\u0002"));
                    }
                }
            }
        }

        var attachments = Path.Combine(DataDirectory, "attachments");
        if (Directory.Exists(attachments))
        {
            foreach (var file in Directory.GetFiles(attachments, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{file}:{new FileInfo(file).Length}\u0003"));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Thousands of refused requests would otherwise spend the run writing to the console.
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.UseSetting("FieldReports:DataDirectory", DataDirectory);
        builder.UseSetting("FieldReports:SeedDemo", "true");
        builder.UseSetting("FieldReports:Provinces:ca-mau:Intake:MinimumMedia", "0");
        builder.ConfigureTestServices(services => services.Configure<FieldReportsAspNetCoreOptions>(o => o.SubmissionsPerMinute = 1_000_000));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
