using FieldReports.Storage.EF.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>Durability settings on live connections, and migrations that match the model.</summary>
public abstract class DurabilityAndSchemaConformance : StorageTestBase
{
    [StorageFact]
    public async Task Every_connection_has_the_durability_settings()
    {
        // Several contexts, so that several physical connections are opened and checked, not just the first.
        var contexts = Enumerable.Range(0, 3).Select(_ => NewContext()).ToList();
        try
        {
            foreach (var db in contexts)
            {
                await db.Database.OpenConnectionAsync();
            }

            foreach (var db in contexts)
            {
                if (Database.IsPostgres)
                {
                    Assert.Equal("on", await ScalarAsync(db, "SHOW synchronous_commit"));
                    Assert.Equal("on", await ScalarAsync(db, "SHOW fsync"));
                }
                else
                {
                    Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode"));
                    Assert.Equal("2", await ScalarAsync(db, "PRAGMA synchronous")); // 2 = FULL
                    Assert.Equal("30000", await ScalarAsync(db, "PRAGMA busy_timeout"));
                    Assert.Equal("1", await ScalarAsync(db, "PRAGMA foreign_keys"));
                }
            }
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }

    [StorageFact]
    public async Task Model_has_no_changes_missing_from_the_migrations()
    {
        await using var db = NewContext();

        // Fails when the model is changed without adding a migration: run
        // dotnet ef migrations add <Name> -o Migrations in src/FieldReports.Storage.EF.Migrations.Sqlite and .Npgsql.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {Database.Provider} model has changes without a migration.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [StorageFact]
    public async Task Migrating_again_is_a_no_op()
    {
        await Services.MigrateFieldReportsDatabaseAsync();
        await using var db = NewContext();
        Assert.Equal(db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(), (await db.Database.GetAppliedMigrationsAsync()).Order());
    }

    protected static async Task<string?> ScalarAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)?.ToLowerInvariant();
    }
}
