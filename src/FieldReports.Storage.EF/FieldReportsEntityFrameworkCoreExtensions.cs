using FieldReports.Storage.EF;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the EF Core stores to FieldReports and applies their migrations.</summary>
public static class FieldReportsEntityFrameworkCoreExtensions
{
    /// <summary>
    /// Stores reports, their audit trails, the reporters' personal data and the outbox with EF Core. Registers
    /// <see cref="FieldReports.Stores.IReportStore"/>, <see cref="FieldReports.Stores.IReporterDataStore"/>,
    /// <see cref="FieldReports.Stores.IReportQueries"/>, <see cref="FieldReports.Stores.IAttachmentStore"/>, the policy stores,
    /// <see cref="FieldReports.Stores.IIdempotencyStore"/>, <see cref="FieldReports.Stores.IApiKeyStore"/>,
    /// <see cref="FieldReports.Stores.ILeaseStore"/> and <see cref="FieldReports.Stores.IOutboxStore"/> (replacing the in-memory
    /// defaults), <see cref="OutboxDispatcher"/> (which needs an <see cref="FieldReports.Stores.IOutboxMessageHandler"/> from the
    /// host), and the SLA monitor's background service (<see cref="FieldReportsBuilder.AddSlaMonitor"/>; off with
    /// <c>FieldReports:SlaMonitor:Enabled = false</c>).
    /// </summary>
    /// <param name="builder">The FieldReports builder.</param>
    /// <param name="configure">Chooses the DbContext: <c>ef =&gt; ef.UseDbContext(o =&gt; o.UseSqlite(connectionString))</c>, or the host's own with <c>UseDbContext&lt;TContext&gt;()</c>.</param>
    /// <returns>The FieldReports builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="configure"/> chose no DbContext.</exception>
    public static FieldReportsBuilder UseEntityFrameworkCore(this FieldReportsBuilder builder, Action<FieldReportsEntityFrameworkCoreBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var ef = new FieldReportsEntityFrameworkCoreBuilder(builder.Services);
        configure(ef);
        if (!builder.Services.Any(d => d.ServiceType == typeof(StorageContext)))
        {
            throw new InvalidOperationException(
                "UseEntityFrameworkCore needs a DbContext: call ef.UseDbContext(o => o.UseSqlite(connectionString)) (or UseNpgsql), or ef.UseDbContext<TContext>() for the host's own context.");
        }

        ef.AddCommonServices();
        return builder.AddSlaMonitor();
    }

    /// <summary>
    /// Applies the pending migrations of the ready-made <see cref="FieldReportsDbContext"/>, creating the database if needed.
    /// The host calls it explicitly, typically at start-up; nothing migrates on its own. The migrations come from the assembly
    /// configured on the provider (<c>o.UseSqlite(cs, x =&gt; x.UseFieldReportsMigrations())</c>, see <c>docs/storage.md</c>).
    /// A host with its own DbContext migrates that context instead.
    /// </summary>
    /// <param name="services">The application's service provider.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the database is up to date.</returns>
    /// <exception cref="InvalidOperationException">The ready-made context is not registered.</exception>
    public static async Task MigrateFieldReportsDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetService<IDbContextFactory<FieldReportsDbContext>>()
            ?? throw new InvalidOperationException("MigrateFieldReportsDatabaseAsync migrates the ready-made FieldReportsDbContext; register it with UseEntityFrameworkCore(ef => ef.UseDbContext(...)), or migrate your own context.");
        var db = await factory.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
