using System.Collections.Immutable;
using FieldReports.Reports;

namespace FieldReports.Confidentiality;

/// <summary>
/// A report as one viewer may see it: every member the viewer may not see is <see langword="null"/> (or empty), and
/// <see cref="Hidden"/> names them. Produced only by <see cref="ConfidentialityPolicy.View"/>. Immutable.
/// </summary>
public sealed record ReportView
{
    /// <summary>The report's id.</summary>
    public required ReportId Id { get; init; }

    /// <summary>The report's state.</summary>
    public required ReportState State { get; init; }

    /// <summary>The field, when classified.</summary>
    public string? FieldCode { get; init; }

    /// <summary>Whether the report is urgent.</summary>
    public bool IsUrgent { get; init; }

    /// <summary>Whether the reporter asked for secrecy of content and result.</summary>
    public bool IsConfidential { get; init; }

    /// <summary>Whether the report is marked as containing state secrets.</summary>
    public bool IsStateSecret { get; init; }

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The address.</summary>
    public string? Address { get; init; }

    /// <summary>The coordinates.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The attachments.</summary>
    public ImmutableArray<string> AttachmentIds { get; init; } = [];

    /// <summary>The agency assigned.</summary>
    public string? AssignedAgencyId { get; init; }

    /// <summary>The result.</summary>
    public string? Result { get; init; }

    /// <summary>The evidence of the result.</summary>
    public ImmutableArray<string> Evidence { get; init; } = [];

    /// <summary>The rating.</summary>
    public RatingLevel? Rating { get; init; }

    /// <summary>The reporter's account id (personal data).</summary>
    public string? ReporterAccountId { get; init; }

    /// <summary>The reporter's contact details (personal data).</summary>
    public ReporterContact? Contact { get; init; }

    /// <summary>The names of the members hidden from this viewer, for example <c>Contact</c>, <c>Description</c>.</summary>
    public ImmutableArray<string> Hidden { get; init; } = [];
}
