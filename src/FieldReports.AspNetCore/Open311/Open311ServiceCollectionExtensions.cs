using FieldReports.AspNetCore.Open311;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Open311 GeoReport v2 endpoint's services to FieldReports.</summary>
public static class Open311ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the in-memory api-key store (unless an <see cref="IApiKeyStore"/> is already registered) and the discovery
    /// options. Idempotent. Without it, <c>MapOpen311</c> keeps its keys in memory for the endpoint's lifetime.
    /// </summary>
    /// <param name="builder">The FieldReports builder.</param>
    /// <param name="configure">Configures the discovery document and paging, optionally.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static FieldReportsBuilder AddOpen311(this FieldReportsBuilder builder, Action<Open311Options>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IApiKeyStore, InMemoryApiKeyStore>();
        var options = builder.Services.AddOptions<Open311Options>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }
}
