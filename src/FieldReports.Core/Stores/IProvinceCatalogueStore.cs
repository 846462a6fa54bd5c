using FieldReports.Provinces;

namespace FieldReports.Stores;

/// <summary>
/// Keeps the versions of each province's catalogue (fields and agency tree) that administrators saved. Versions are
/// inserted, never changed, so the history is the audit of the edits. Every method is scoped to one province.
/// Implementations are thread-safe; the default keeps them in memory (one instance, lost on restart), the EF Core store in
/// the database.
/// </summary>
public interface IProvinceCatalogueStore
{
    /// <summary>The latest stored version of a province's catalogue.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The latest version, or <see langword="null"/> when none was stored (the configured catalogue is in force).</returns>
    Task<ProvinceCatalogueRevision?> FindLatestAsync(string provinceId, CancellationToken cancellationToken);

    /// <summary>Every stored version of a province's catalogue, the oldest first.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The versions; empty when none was stored.</returns>
    Task<IReadOnlyList<ProvinceCatalogueRevision>> ListAsync(string provinceId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new version. Its <see cref="ProvinceCatalogueRevision.Version"/> must be the latest stored version plus one
    /// (1 for the first): when another version was stored since the caller read, nothing is written and the result is
    /// <see cref="ErrorCodes.ConcurrencyConflict"/>.
    /// </summary>
    /// <param name="revision">The version, with <see cref="ProvinceCatalogueRevision.SavedAt"/> and <see cref="ProvinceCatalogueRevision.SavedBy"/> set.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or the conflict.</returns>
    /// <exception cref="ArgumentException">The revision's version is below 1, or it lacks who saved it or when.</exception>
    Task<DomainResult> AddAsync(ProvinceCatalogueRevision revision, CancellationToken cancellationToken);
}
