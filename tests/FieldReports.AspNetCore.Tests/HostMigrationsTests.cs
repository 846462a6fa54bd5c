using Microsoft.EntityFrameworkCore;
using ReferenceHost.Data;

namespace FieldReports.AspNetCore.Tests;

/// <summary>The reference host owns its migrations (Identity, FieldReports and the inbox in one context).</summary>
public class HostMigrationsTests
{
    [Fact]
    public void Host_model_has_no_changes_missing_from_its_migrations()
    {
        var options = new DbContextOptionsBuilder<HostDbContext>().UseSqlite("Data Source=:memory:");
        options.UseFieldReports();
        using var db = new HostDbContext(options.Options);

        // Fails when the FieldReports model or the host's changes without a migration: run
        // dotnet ef migrations add <Name> -o Data/Migrations in samples/ReferenceHost.
        Assert.False(db.Database.HasPendingModelChanges(), "The reference host's model has changes without a migration.");
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_IdempotencyApiKeysLeases", StringComparison.Ordinal));
    }
}
