using NodaTime;

namespace FieldReports.Stores;

/// <summary>Filters of the public list of published reports. Every filter is optional; they combine with AND.</summary>
public sealed record PublishedReportFilter
{
    /// <summary>Only reports of this field.</summary>
    public string? FieldCode { get; init; }

    /// <summary>Only reports of this administrative area (exact code).</summary>
    public string? AreaCode { get; init; }

    /// <summary>Only reports published at or after this instant.</summary>
    public Instant? PublishedFrom { get; init; }

    /// <summary>Only reports published before this instant.</summary>
    public Instant? PublishedTo { get; init; }
}
