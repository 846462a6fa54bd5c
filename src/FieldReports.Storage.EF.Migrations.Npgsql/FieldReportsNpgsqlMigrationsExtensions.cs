using FieldReports.Storage.EF;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Points the PostgreSQL provider at FieldReports' PostgreSQL migrations.</summary>
public static class FieldReportsNpgsqlMigrationsExtensions
{
    /// <summary>
    /// Enables Npgsql's NodaTime plugin and makes <see cref="FieldReportsDbContext"/> take its migrations from this assembly, so
    /// that <c>MigrateFieldReportsDatabaseAsync()</c> creates and upgrades the PostgreSQL schema:
    /// <c>ef.UseDbContext(o =&gt; o.UseNpgsql(cs, x =&gt; x.UseFieldReportsMigrations()))</c>.
    /// </summary>
    /// <param name="npgsql">The Npgsql options builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="npgsql"/> is null.</exception>
    public static NpgsqlDbContextOptionsBuilder UseFieldReportsMigrations(this NpgsqlDbContextOptionsBuilder npgsql)
    {
        ArgumentNullException.ThrowIfNull(npgsql);
        npgsql.UseNodaTime();
        return npgsql.MigrationsAssembly(typeof(FieldReportsNpgsqlMigrationsExtensions).Assembly.GetName().Name);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context for PostgreSQL without a host or a server.</summary>
internal sealed class NpgsqlDesignTimeFactory : IDesignTimeDbContextFactory<FieldReportsDbContext>
{
    public FieldReportsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FieldReportsDbContext>().UseNpgsql("Host=localhost;Database=fieldreports", x => x.UseFieldReportsMigrations());
        options.UseFieldReports();
        return new FieldReportsDbContext(options.Options);
    }
}
