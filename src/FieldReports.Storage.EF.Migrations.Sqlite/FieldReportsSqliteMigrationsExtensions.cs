using FieldReports.Storage.EF;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Points the SQLite provider at FieldReports' SQLite migrations.</summary>
public static class FieldReportsSqliteMigrationsExtensions
{
    /// <summary>
    /// Makes <see cref="FieldReportsDbContext"/> take its migrations from this assembly, so that
    /// <c>MigrateFieldReportsDatabaseAsync()</c> creates and upgrades the SQLite schema:
    /// <c>ef.UseDbContext(o =&gt; o.UseSqlite(cs, x =&gt; x.UseFieldReportsMigrations()))</c>.
    /// </summary>
    /// <param name="sqlite">The SQLite options builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sqlite"/> is null.</exception>
    public static SqliteDbContextOptionsBuilder UseFieldReportsMigrations(this SqliteDbContextOptionsBuilder sqlite)
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        return sqlite.MigrationsAssembly(typeof(FieldReportsSqliteMigrationsExtensions).Assembly.GetName().Name);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context for SQLite without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<FieldReportsDbContext>
{
    public FieldReportsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FieldReportsDbContext>().UseSqlite("Data Source=design-time.db", x => x.UseFieldReportsMigrations());
        options.UseFieldReports();
        return new FieldReportsDbContext(options.Options);
    }
}
