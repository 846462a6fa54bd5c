namespace FieldReports.Provinces;

/// <summary>The outcome of <see cref="ProvinceCatalogueService.SaveAsync"/>: the stored version, or why nothing was stored.</summary>
public sealed class ProvinceCatalogueOutcome
{
    /// <summary>The stored version, now in force; <see langword="null"/> when refused.</summary>
    public ProvinceCatalogueRevision? Revision { get; init; }

    /// <summary>Why the edit was refused; <see langword="null"/> when it was stored.</summary>
    public DomainError? Error { get; init; }

    /// <summary>
    /// With <see cref="ErrorCodes.CatalogueInvalid"/>: every problem found, each starting with the key it is about
    /// (<c>Agencies:2:Parent '…' is not an agency of the province.</c>). Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
