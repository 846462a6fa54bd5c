using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ReferenceHost.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the host.</summary>
internal sealed class HostDesignTimeFactory : IDesignTimeDbContextFactory<HostDbContext>
{
    public HostDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HostDbContext>().UseSqlite("Data Source=design-time.db");
        options.UseFieldReports();
        return new HostDbContext(options.Options);
    }
}
