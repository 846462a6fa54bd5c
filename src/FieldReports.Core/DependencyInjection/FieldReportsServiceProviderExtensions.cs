using FieldReports.Provinces;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Start-up steps of FieldReports that a host runs explicitly, like applying migrations.</summary>
public static class FieldReportsServiceProviderExtensions
{
    /// <summary>
    /// Puts in force the provinces' catalogues (fields and agency tree) that administrators stored, in place of the
    /// configured ones. Call it at start-up after migrating the database and before taking requests; until it runs (or the
    /// first periodic refresh does), the configured catalogues are in force.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the catalogues are in force.</returns>
    /// <exception cref="InvalidOperationException">
    /// A stored catalogue no longer fits the configuration (for example a routing rule names an agency the stored tree
    /// removed); the message lists every problem and says how to fix it.
    /// </exception>
    public static async Task LoadProvinceCataloguesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var problems = await services.GetRequiredService<ProvinceCatalogueService>().RefreshAsync(cancellationToken);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }
    }
}
