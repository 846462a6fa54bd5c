using FieldReports.Provinces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FieldReports in a service collection.</summary>
public static class FieldReportsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the FieldReports core services: the clock, the province catalog and the per-province services (keyed by
    /// province id). Idempotent: calling it again returns a builder over the same registrations. Provinces are added
    /// with <see cref="FieldReportsBuilder.AddProvince"/> or the other overloads; their options are validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder, to add provinces, storage and integrations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static FieldReportsBuilder AddFieldReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<FieldReportsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FieldReportsOptions>, FieldReportsOptionsValidator>());
#pragma warning disable RS0030 // The one place the system clock is read: everything else gets IClock injected.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        FieldReportsBuilder.AddProvinceServices(services);
        return new FieldReportsBuilder(services);
    }

    /// <summary>
    /// Registers FieldReports and binds its options from configuration: pass the <c>FieldReports</c> section, whose
    /// <c>Provinces:&lt;id&gt;</c> children are the provinces' profiles.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>FieldReports</c> configuration section.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static FieldReportsBuilder AddFieldReports(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddFieldReports();
        services.AddOptions<FieldReportsOptions>().Bind(configuration);
        return builder;
    }

    /// <summary>Registers FieldReports and configures its options in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, for example adds provinces to <see cref="FieldReportsOptions.Provinces"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static FieldReportsBuilder AddFieldReports(this IServiceCollection services, Action<FieldReportsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddFieldReports();
        services.Configure(configure);
        return builder;
    }
}
