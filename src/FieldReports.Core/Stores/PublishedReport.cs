using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Stores;

/// <summary>A report in the public list: its content and published result. Never confidential; holds no personal data.</summary>
public sealed record PublishedReport
{
    /// <summary>The report's id.</summary>
    public required ReportId Id { get; init; }

    /// <summary>The current state (published, rated, in follow-up or closed).</summary>
    public required ReportState State { get; init; }

    /// <summary>The title, if any.</summary>
    public string? Title { get; init; }

    /// <summary>The description of the situation.</summary>
    public required string Description { get; init; }

    /// <summary>The field.</summary>
    public string? FieldCode { get; init; }

    /// <summary>The administrative area of the place, when known.</summary>
    public string? AreaCode { get; init; }

    /// <summary>The address, when given.</summary>
    public string? Address { get; init; }

    /// <summary>The coordinates, when given.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The agency that handled it.</summary>
    public string? AssignedAgencyId { get; init; }

    /// <summary>The published result.</summary>
    public string? Result { get; init; }

    /// <summary>When the report was submitted.</summary>
    public required Instant SubmittedAt { get; init; }

    /// <summary>When its result was first published.</summary>
    public required Instant PublishedAt { get; init; }
}
