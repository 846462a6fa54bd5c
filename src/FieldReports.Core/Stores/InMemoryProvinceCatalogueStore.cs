using FieldReports.Provinces;

namespace FieldReports.Stores;

/// <summary>
/// The default <see cref="IProvinceCatalogueStore"/> when no database is configured: versions live in memory, so edits are
/// seen by this instance only and are lost on restart. Thread-safe.
/// </summary>
internal sealed class InMemoryProvinceCatalogueStore : IProvinceCatalogueStore
{
    private readonly Dictionary<string, List<ProvinceCatalogueRevision>> _versions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public Task<ProvinceCatalogueRevision?> FindLatestAsync(string provinceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        lock (_gate)
        {
            return Task.FromResult(_versions.TryGetValue(provinceId, out var list) ? list[^1] : null);
        }
    }

    public Task<IReadOnlyList<ProvinceCatalogueRevision>> ListAsync(string provinceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ProvinceCatalogueRevision>>(_versions.TryGetValue(provinceId, out var list) ? [.. list] : []);
        }
    }

    public Task<DomainResult> AddAsync(ProvinceCatalogueRevision revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (revision.Version < 1 || revision.SavedAt is null || string.IsNullOrWhiteSpace(revision.SavedBy))
        {
            throw new ArgumentException("A stored version is numbered from 1 and says who saved it and when.", nameof(revision));
        }

        lock (_gate)
        {
            if (!_versions.TryGetValue(revision.ProvinceId, out var list))
            {
                list = [];
                _versions[revision.ProvinceId] = list;
            }

            if (revision.Version != list.Count + 1)
            {
                return Task.FromResult<DomainResult>(StoreErrors.CatalogueConflict(revision.ProvinceId, revision.Version));
            }

            list.Add(revision);
            return Task.FromResult(DomainResult.Success);
        }
    }
}
