using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace FieldReports.Storage.EF.Tests.Infrastructure;

/// <summary>
/// The base of every conformance suite: a fresh, migrated database of the subclass's provider per test, and the FieldReports
/// services wired to it through the public registration, with a fake clock and a recording outbox handler.
/// </summary>
public abstract class StorageTestBase : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];

    protected FakeClock Clock { get; } = new(Instant.FromUtc(2026, 3, 2, 1, 0));

    protected RecordingHandler Handler { get; } = new();

    protected TestDatabase Database { get; private set; } = null!;

    protected IServiceProvider Services { get; private set; } = null!;

    protected IReportStore Store => Services.GetRequiredService<IReportStore>();

    protected IReportQueries Queries => Services.GetRequiredService<IReportQueries>();

    protected IReporterDataStore ReporterData => Services.GetRequiredService<IReporterDataStore>();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Services = NewServices();
        await Services.MigrateFieldReportsDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    /// <summary>A separate service provider on the same database, as another host instance (or the same host after a restart) would have.</summary>
    protected IServiceProvider NewServices(IOutboxMessageHandler? handler = null, Action<OutboxDispatcherOptions>? outbox = null, Action<DbContextOptionsBuilder>? context = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton(handler ?? Handler);
        configure?.Invoke(services);
        services.AddFieldReports()
            .AddProvince(TestReports.Province, p => p.DisplayName = "Thừa Thiên Huế")
            .UseEntityFrameworkCore(ef =>
        {
            ef.UseDbContext(o =>
            {
                Database.Configure(o);
                context?.Invoke(o);
            });
            ef.ConfigureOutbox(o =>
            {
                o.RetryBaseDelay = Duration.FromSeconds(10);
                o.Lease = Duration.FromMinutes(5);
                outbox?.Invoke(o);
            });
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return provider;
    }

    protected FieldReportsDbContext NewContext() =>
        Services.GetRequiredService<IDbContextFactory<FieldReportsDbContext>>().CreateDbContext();
}
