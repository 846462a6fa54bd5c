using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Stores;

/// <summary>A report as it appears in a working list (an agency's queue, the deadline watch). Holds no personal data.</summary>
public sealed record ReportSummary
{
    /// <summary>The report's id.</summary>
    public required ReportId Id { get; init; }

    /// <summary>The current state.</summary>
    public required ReportState State { get; init; }

    /// <summary>The title, if the channel gave one.</summary>
    public string? Title { get; init; }

    /// <summary>The field, once classified.</summary>
    public string? FieldCode { get; init; }

    /// <summary>The administrative area of the place, when known.</summary>
    public string? AreaCode { get; init; }

    /// <summary>The agency currently responsible, once assigned.</summary>
    public string? AssignedAgencyId { get; init; }

    /// <summary>Whether the report is urgent.</summary>
    public bool IsUrgent { get; init; }

    /// <summary>Whether the reporter asked for confidentiality.</summary>
    public bool IsConfidential { get; init; }

    /// <summary>When the report was submitted.</summary>
    public required Instant SubmittedAt { get; init; }

    /// <summary>The deadline of the step the report is in, as last saved; <see langword="null"/> when no time limit runs.</summary>
    public Instant? CurrentDeadline { get; init; }

    /// <summary>The version (number of events), to act on the report with optimistic concurrency.</summary>
    public required int Version { get; init; }
}
