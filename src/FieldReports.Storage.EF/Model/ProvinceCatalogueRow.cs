using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>One stored version of a province's catalogue: the fields and agency tree as a JSON document, with who saved it when.</summary>
internal sealed class ProvinceCatalogueRow
{
    public string ProvinceId { get; set; } = "";

    public int Version { get; set; }

    public string Document { get; set; } = "";

    public Instant SavedAt { get; set; }

    public string SavedBy { get; set; } = "";
}
