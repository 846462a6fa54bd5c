using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ReferenceHost.Data;

/// <summary>
/// The host's one database context: ASP.NET Core Identity's tables, the FieldReports tables
/// (<c>modelBuilder.UseFieldReports()</c>) and the in-app inbox, migrated together.
/// </summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : IdentityDbContext<HostUser>(options)
{
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseFieldReports();
        builder.Entity<InboxMessage>(b =>
        {
            b.ToTable("host_inbox");
            b.HasIndex(m => m.DedupeKey).IsUnique();
            b.HasIndex(m => new { m.ProvinceId, m.AccountId });
            b.HasIndex(m => new { m.ProvinceId, m.Role, m.AgencyId });
        });
    }
}
