using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ReferenceHost.Data;

/// <summary>
/// The host's one database context: ASP.NET Core Identity's tables, the FieldReports tables
/// (<c>modelBuilder.UseFieldReports()</c>) and the in-app inbox, migrated together. On SQLite the host uses this type and its
/// migrations in <c>Data/Migrations</c>; on PostgreSQL it uses <see cref="NpgsqlHostDbContext"/>, the same model with its
/// own migrations in <c>Data/NpgsqlMigrations</c>.
/// </summary>
public class HostDbContext : IdentityDbContext<HostUser>
{
    public HostDbContext(DbContextOptions<HostDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's context type, which keeps its own migrations.</summary>
    protected HostDbContext(DbContextOptions options)
        : base(options)
    {
    }

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

/// <summary>
/// The host's context on PostgreSQL: the model of <see cref="HostDbContext"/>, with the PostgreSQL migrations
/// (<c>Data/NpgsqlMigrations</c>, instants as <c>timestamptz</c>). EF Core keeps migrations per context type, so the two
/// providers' migrations live side by side in this assembly.
/// </summary>
public sealed class NpgsqlHostDbContext(DbContextOptions<NpgsqlHostDbContext> options) : HostDbContext(options);

/// <summary>Hands out the provider's context type wherever the host asks for a <see cref="HostDbContext"/>.</summary>
internal sealed class HostDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<HostDbContext>
    where TContext : HostDbContext
{
    public HostDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<HostDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => await inner.CreateDbContextAsync(cancellationToken);
}
