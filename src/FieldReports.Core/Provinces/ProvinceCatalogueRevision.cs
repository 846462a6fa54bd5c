using NodaTime;

namespace FieldReports.Provinces;

/// <summary>One version of a province's catalogue: what it holds, and who saved it when (the audit of the edits). Immutable.</summary>
public sealed class ProvinceCatalogueRevision
{
    /// <summary>Creates a version.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="version">The version: 0 for the configured catalogue, 1, 2, … for the versions stored.</param>
    /// <param name="catalogue">The fields and agency tree.</param>
    /// <param name="savedAt">When it was stored; <see langword="null"/> for version 0.</param>
    /// <param name="savedBy">The administrator's account id; <see langword="null"/> for version 0.</param>
    /// <exception cref="ArgumentException"><paramref name="provinceId"/> is empty or <paramref name="version"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="catalogue"/> is null.</exception>
    public ProvinceCatalogueRevision(string provinceId, int version, ProvinceCatalogue catalogue, Instant? savedAt, string? savedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentNullException.ThrowIfNull(catalogue);
        ProvinceId = provinceId;
        Version = version;
        Catalogue = catalogue;
        SavedAt = savedAt;
        SavedBy = savedBy;
    }

    /// <summary>The province.</summary>
    public string ProvinceId { get; }

    /// <summary>
    /// The version: 0 for the configured catalogue (nothing stored yet), then 1, 2, … for each edit stored. An edit names the
    /// version it changes, so that of two administrators editing at once only the first is stored.
    /// </summary>
    public int Version { get; }

    /// <summary>The fields and agency tree.</summary>
    public ProvinceCatalogue Catalogue { get; }

    /// <summary>When it was stored; <see langword="null"/> for version 0.</summary>
    public Instant? SavedAt { get; }

    /// <summary>The administrator's account id; <see langword="null"/> for version 0.</summary>
    public string? SavedBy { get; }
}
