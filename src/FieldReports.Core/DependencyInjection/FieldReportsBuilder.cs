using FieldReports.Provinces;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures FieldReports after <c>AddFieldReports(...)</c>. The other packages add to it through extension methods
/// (<c>UseEntityFrameworkCore</c>, <c>AddAspNetCore</c>, …), so a host reads as one chain.
/// </summary>
public sealed class FieldReportsBuilder
{
    internal FieldReportsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection FieldReports registers into.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a province, or configures one already added (from configuration or an earlier call): the delegate runs
    /// after configuration binding, in registration order. The province's services are then available as keyed
    /// services whose key is <paramref name="id"/> (for example <c>[FromKeyedServices("hue")] IntakeService</c>).
    /// </summary>
    /// <param name="id">The province id, for example <c>hue</c>; compared ignoring case.</param>
    /// <param name="configure">Configures the province's profile.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public FieldReportsBuilder AddProvince(string id, Action<ProvinceOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<FieldReportsOptions>(o =>
        {
            if (!o.Provinces.TryGetValue(id, out var province))
            {
                province = new ProvinceOptions();
                o.Provinces[id] = province;
            }

            configure(province);
        });
        return this;
    }

    /// <summary>
    /// Registers a reply channel (a singleton), through which replies go back to reports that came in by its code.
    /// Idempotent per implementation type.
    /// </summary>
    /// <typeparam name="TChannel">The implementation.</typeparam>
    /// <returns>This builder.</returns>
    public FieldReportsBuilder AddReplyChannel<TChannel>()
        where TChannel : class, FieldReports.Intake.IReplyChannel
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<FieldReports.Intake.IReplyChannel, TChannel>());
        return this;
    }

    /// <summary>
    /// Runs the SLA monitor (<see cref="FieldReports.Sla.SlaMonitor"/>) in the background: a pass every
    /// <see cref="FieldReports.Sla.SlaMonitorOptions.Interval"/> while this instance holds the monitor's lease. Needs an
    /// <see cref="FieldReports.Stores.IReportQueries"/> and an <see cref="FieldReports.Stores.IOutboxStore"/>; uses the
    /// registered <see cref="FieldReports.Stores.ILeaseStore"/> (in memory unless a store package registers one).
    /// <c>UseEntityFrameworkCore</c> calls it; turn the monitor off with <c>FieldReports:SlaMonitor:Enabled = false</c>.
    /// Idempotent.
    /// </summary>
    /// <returns>This builder.</returns>
    public FieldReportsBuilder AddSlaMonitor()
    {
        Services.TryAddSingleton<FieldReports.Stores.ILeaseStore, FieldReports.Stores.InMemoryLeaseStore>();
        // Factories, so that a container without logging still builds.
        Services.TryAddSingleton(sp => new FieldReports.Sla.SlaMonitor(
            sp.GetRequiredService<ProvinceCatalog>(),
            sp.GetRequiredService<FieldReports.Stores.IReportQueries>(),
            sp.GetRequiredService<FieldReports.Stores.IOutboxStore>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<FieldReportsOptions>>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<FieldReports.Sla.SlaMonitor>>(),
            sp.GetService<FieldReports.Telemetry.FieldReportsMetrics>()));
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, FieldReports.Sla.SlaMonitorService>(sp => new FieldReports.Sla.SlaMonitorService(
            sp.GetRequiredService<FieldReports.Sla.SlaMonitor>(),
            sp.GetRequiredService<FieldReports.Stores.ILeaseStore>(),
            sp.GetRequiredService<NodaTime.IClock>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<FieldReportsOptions>>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<FieldReports.Sla.SlaMonitorService>>()
            ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<FieldReports.Sla.SlaMonitorService>.Instance)));
        return this;
    }

    internal static void AddProvinceServices(IServiceCollection services)
    {
        services.TryAddSingleton<FieldReports.Intake.ReplyDispatcher>();
        // A factory, so that a container without logging (a host that only uses the policies) still builds.
        services.TryAddSingleton<FieldReports.Notifications.INotificationSender>(sp => new FieldReports.Notifications.LoggingNotificationSender(
            sp.GetService<Microsoft.Extensions.Logging.ILogger<FieldReports.Notifications.LoggingNotificationSender>>()
            ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<FieldReports.Notifications.LoggingNotificationSender>.Instance));
        services.TryAddSingleton<FieldReports.Stores.IOutboxMessageHandler, FieldReports.Notifications.ReportNotificationHandler>();
        services.TryAddSingleton<ProvinceCatalog>();
        services.TryAddSingleton(sp => new FieldReports.Telemetry.FieldReportsMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        // A factory, so that a container validated at build time without a store (a host that only uses the policies) still builds.
        services.TryAddSingleton(sp => new FieldReports.Services.ReportService(
            sp.GetRequiredService<ProvinceCatalog>(), sp.GetRequiredService<FieldReports.Stores.IReportStore>(), sp.GetRequiredService<NodaTime.IClock>(), sp));
        services.TryAddSingleton<FieldReports.Stores.IProvinceCatalogueStore, FieldReports.Stores.InMemoryProvinceCatalogueStore>();
        services.TryAddSingleton(sp => new ProvinceCatalogueService(
            sp.GetRequiredService<ProvinceCatalog>(), sp.GetRequiredService<FieldReports.Stores.IProvinceCatalogueStore>(), sp.GetRequiredService<NodaTime.IClock>(), sp));

        // Transient over the profile in force: an administrator's edit of the catalogue puts a new profile in place, and the
        // next resolution gets it. Each policy is built once per profile (ProvinceProfile.Service), so resolving is cheap.
        services.TryAddKeyedTransient<ProvinceProfile>(KeyedService.AnyKey, (sp, key) => sp.GetRequiredService<ProvinceCatalog>().Get(KeyOf(key)));
        services.TryAddKeyedTransient<FieldReports.Intake.IntakeService>(KeyedService.AnyKey, (sp, key) => Profile(sp, key).Service(p => new FieldReports.Intake.IntakeService(
            p, sp.GetRequiredService<NodaTime.IClock>(), sp.GetKeyedService<FieldReports.Moderation.IContentScreen>(key))));
        services.TryAddKeyedTransient<FieldReports.Routing.RoutingPolicy>(KeyedService.AnyKey, (sp, key) => Profile(sp, key).Service(p => new FieldReports.Routing.RoutingPolicy(p)));
        services.TryAddKeyedTransient<FieldReports.Confidentiality.ConfidentialityPolicy>(KeyedService.AnyKey, (sp, key) => Profile(sp, key).Service(p => new FieldReports.Confidentiality.ConfidentialityPolicy(p)));
        services.TryAddKeyedTransient<FieldReports.Rating.RatingPolicy>(KeyedService.AnyKey, (sp, key) => Profile(sp, key).Service(p => new FieldReports.Rating.RatingPolicy(p)));

        // "Answer within 1 day" counts working time on the province's calendar (the SLA rule AnswerInteraction).
        services.TryAddSingleton<FieldReports.Rating.IClarificationDeadline, FieldReports.Sla.SlaClarificationDeadline>();
        services.TryAddKeyedTransient<FieldReports.Rating.InteractionPolicy>(KeyedService.AnyKey, (sp, key) => Profile(sp, key).Service(p => new FieldReports.Rating.InteractionPolicy(
            p, sp.GetRequiredService<FieldReports.Rating.IClarificationDeadline>())));
    }

    private static ProvinceProfile Profile(IServiceProvider services, object? key) => services.GetRequiredService<ProvinceCatalog>().Get(KeyOf(key));

    internal static string KeyOf(object? key) =>
        key as string ?? throw new InvalidOperationException("FieldReports' per-province services are keyed by the province id, a string.");
}
