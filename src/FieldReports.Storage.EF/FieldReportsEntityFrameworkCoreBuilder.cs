using FieldReports.Storage.EF;
using FieldReports.Storage.EF.Stores;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures the EF Core stores of FieldReports: which DbContext they use and how the outbox is dispatched. Obtained from
/// <see cref="FieldReportsEntityFrameworkCoreExtensions.UseEntityFrameworkCore"/>.
/// </summary>
/// <remarks>
/// This package references only EF Core Relational: the host chooses the provider by referencing
/// <c>Microsoft.EntityFrameworkCore.Sqlite</c> or <c>Npgsql.EntityFrameworkCore.PostgreSQL.NodaTime</c> and configuring the
/// context, for example <c>ef.UseDbContext(o =&gt; o.UseSqlite(connectionString))</c> or
/// <c>ef.UseDbContext(o =&gt; o.UseNpgsql(connectionString, npgsql =&gt; npgsql.UseNodaTime()))</c>.
/// </remarks>
public sealed class FieldReportsEntityFrameworkCoreBuilder
{
    internal FieldReportsEntityFrameworkCoreBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Uses the ready-made <see cref="FieldReportsDbContext"/>, registered as a pooled context factory with the given
    /// provider configuration; the durability settings (<c>UseFieldReports()</c>) are added to it.
    /// </summary>
    /// <param name="configure">Chooses the provider and connection, for example <c>o =&gt; o.UseSqlite(connectionString)</c>.</param>
    /// <param name="configureModel">Changes the naming of the tables; the shipped migrations assume the defaults.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public FieldReportsEntityFrameworkCoreBuilder UseDbContext(Action<DbContextOptionsBuilder> configure, Action<FieldReportsModelOptions>? configureModel = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        // Pooled: the stores create a context per operation, and a pooled one skips building EF's services for each.
        Services.AddPooledDbContextFactory<FieldReportsDbContext>(options =>
        {
            configure(options);
            options.UseFieldReports(configureModel);
        });
        return UseDbContext<FieldReportsDbContext>();
    }

    /// <summary>
    /// Uses the host's own DbContext, which applies the model with <c>modelBuilder.UseFieldReports()</c> and whose options call
    /// <c>UseFieldReports()</c>. The host registers its factory itself (<c>services.AddDbContextFactory&lt;TContext&gt;(…)</c>)
    /// and manages its migrations.
    /// </summary>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <returns>This builder.</returns>
    public FieldReportsEntityFrameworkCoreBuilder UseDbContext<TContext>()
        where TContext : DbContext
    {
        Services.RemoveAll<IReportStore>();
        Services.RemoveAll<IReporterDataStore>();
        Services.RemoveAll<IReportQueries>();
        Services.RemoveAll<IAttachmentStore>();
        Services.RemoveAll<IAccountModerationStore>();
        Services.RemoveAll<IReportConfidentialityStore>();
        Services.RemoveAll<IInteractionStore>();
        Services.RemoveAll<IProvinceCatalogueStore>();
        Services.RemoveAll<IIdempotencyStore>();
        Services.RemoveAll<IApiKeyStore>();
        Services.RemoveAll<ILeaseStore>();
        Services.RemoveAll<IOutboxStore>();
        Services.RemoveAll<StorageContext>();
        Services.AddSingleton<IReportStore, EfReportStore<TContext>>();
        Services.AddSingleton<IReporterDataStore, EfReporterDataStore<TContext>>();
        Services.AddSingleton<IReportQueries, EfReportQueries<TContext>>();
        Services.AddSingleton<IAttachmentStore, EfAttachmentStore<TContext>>();
        Services.AddSingleton<IAccountModerationStore, EfAccountModerationStore<TContext>>();
        Services.AddSingleton<IReportConfidentialityStore, EfReportConfidentialityStore<TContext>>();
        Services.AddSingleton<IInteractionStore, EfInteractionStore<TContext>>();
        Services.AddSingleton<IProvinceCatalogueStore, EfProvinceCatalogueStore<TContext>>();
        // Shared by every instance on the database, replacing the in-memory defaults whichever registration came first.
        Services.AddSingleton<IIdempotencyStore, EfIdempotencyStore<TContext>>();
        Services.AddSingleton<IApiKeyStore, EfApiKeyStore<TContext>>();
        Services.AddSingleton<ILeaseStore, EfLeaseStore<TContext>>();
        Services.AddSingleton<IOutboxStore, EfOutboxStore<TContext>>();
        Services.AddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IDbContextFactory<TContext>>();
            return new StorageContext(async ct => await factory.CreateDbContextAsync(ct));
        });
        return this;
    }

    /// <summary>Configures the outbox dispatcher; see <see cref="OutboxDispatcherOptions"/> for the defaults.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public FieldReportsEntityFrameworkCoreBuilder ConfigureOutbox(Action<OutboxDispatcherOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    internal void AddCommonServices()
    {
        Services.AddOptions<OutboxDispatcherOptions>();
        Services.TryAddSingleton<OutboxHandoff>();
        Services.TryAddSingleton(sp => new OutboxDispatcher(
            sp.GetRequiredService<StorageContext>().Create,
            sp.GetRequiredService<IOutboxMessageHandler>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<OutboxDispatcherOptions>>(),
            sp.GetService<ILogger<OutboxDispatcher>>() ?? NullLogger<OutboxDispatcher>.Instance,
            sp.GetService<FieldReports.Telemetry.FieldReportsMetrics>(),
            sp.GetRequiredService<OutboxHandoff>()));
    }
}
