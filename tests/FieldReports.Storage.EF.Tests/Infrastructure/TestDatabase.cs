using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FieldReports.Storage.EF.Tests.Infrastructure;

/// <summary>An empty database for one test, and how a DbContext reaches it.</summary>
public sealed class TestDatabase(string provider, string connectionString, Action<DbContextOptionsBuilder> configure, Func<Task> cleanup) : IAsyncDisposable
{
    public string Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    public Action<DbContextOptionsBuilder> Configure { get; } = configure;

    public bool IsPostgres => Provider == "PostgreSQL";

    /// <summary>A real SQLite file in the temporary folder (not in memory), so that WAL and durability settings apply.</summary>
    public static TestDatabase Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), "fieldreports-test-" + Guid.NewGuid().ToString("N") + ".db");
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        return new TestDatabase("SQLite", cs, o => o.UseSqlite(cs, x => x.UseFieldReportsMigrations()), () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            return Task.CompletedTask;
        });
    }

    public static async Task<TestDatabase> PostgresAsync(PostgresServer server)
    {
        var cs = await server.CreateDatabaseAsync();
        return new TestDatabase("PostgreSQL", cs, o => o.UseNpgsql(cs, x => x.UseFieldReportsMigrations()), () =>
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(cs));
            return Task.CompletedTask;
        });
    }

    public async ValueTask DisposeAsync() => await cleanup();
}
