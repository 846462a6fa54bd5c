using System.Collections.Immutable;
using NodaTime;

namespace FieldReports.Reports;

/// <summary>
/// What a report says: the situation, where and when, and its media (Cà Mau Decision 17/2022 art. 6). It holds no personal
/// data of the reporter; see <see cref="ReporterContact"/>. Fixed at submission.
/// </summary>
public sealed record ReportContent
{
    /// <summary>A short title, if the channel gives one.</summary>
    public string? Title { get; init; }

    /// <summary>The description of the situation, in Unicode NFC.</summary>
    public required string Description { get; init; }

    /// <summary>The place, as coordinates, when the reporter gave or picked them.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The place, as an address, when the reporter typed one.</summary>
    public string? Address { get; init; }

    /// <summary>The administrative area (commune or district code) of the place, when known; used for routing.</summary>
    public string? AreaCode { get; init; }

    /// <summary>When the reporter saw the situation, if they said.</summary>
    public Instant? ObservedAt { get; init; }

    /// <summary>The language of the text, as a BCP 47 tag; <c>vi</c> by default.</summary>
    public string Language { get; init; } = "vi";

    /// <summary>The ids of the images and videos attached at submission.</summary>
    public ImmutableArray<string> AttachmentIds { get; init; } = [];
}
