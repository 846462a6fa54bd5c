using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FieldReports in a service collection.</summary>
public static class FieldReportsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the FieldReports core services. Idempotent: calling it again returns a builder over the same registrations.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder, to add provinces, storage and integrations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static FieldReportsBuilder AddFieldReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
#pragma warning disable RS0030 // The one place the system clock is read: everything else gets IClock injected.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        return new FieldReportsBuilder(services);
    }
}
