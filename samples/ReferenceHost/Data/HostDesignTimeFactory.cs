using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ReferenceHost.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context HostDbContext -o Data/Migrations</c> build the SQLite model without starting the host.
/// </summary>
internal sealed class HostDesignTimeFactory : IDesignTimeDbContextFactory<HostDbContext>
{
    public HostDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HostDbContext>().UseSqlite("Data Source=design-time.db");
        options.UseFieldReports();
        return new HostDbContext(options.Options);
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add … --context NpgsqlHostDbContext -o Data/NpgsqlMigrations</c> build the PostgreSQL model
/// without a host or a server.
/// </summary>
internal sealed class NpgsqlHostDesignTimeFactory : IDesignTimeDbContextFactory<NpgsqlHostDbContext>
{
    public NpgsqlHostDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NpgsqlHostDbContext>().UseNpgsql("Host=localhost;Database=fieldreports", o => o.UseNodaTime());
        options.UseFieldReports();
        return new NpgsqlHostDbContext(options.Options);
    }
}
