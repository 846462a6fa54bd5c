using System.Collections.Immutable;

namespace FieldReports.Reports;

/// <summary>Everything a store persists about a <see cref="Report"/>; see <see cref="Report.ToSnapshot"/> and <see cref="Report.Restore"/>.</summary>
public sealed record ReportSnapshot
{
    /// <summary>See <see cref="Report.Id"/>.</summary>
    public required ReportId Id { get; init; }

    /// <summary>See <see cref="Report.ProvinceId"/>.</summary>
    public required string ProvinceId { get; init; }

    /// <summary>See <see cref="Report.ReporterAccountId"/>.</summary>
    public required string ReporterAccountId { get; init; }

    /// <summary>See <see cref="Report.Channel"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>See <see cref="Report.Content"/>.</summary>
    public required ReportContent Content { get; init; }

    /// <summary>See <see cref="Report.State"/>.</summary>
    public required ReportState State { get; init; }

    /// <summary>See <see cref="Report.IsUrgent"/>.</summary>
    public bool IsUrgent { get; init; }

    /// <summary>See <see cref="Report.IsConfidential"/>.</summary>
    public bool IsConfidential { get; init; }

    /// <summary>See <see cref="Report.FieldCode"/>.</summary>
    public string? FieldCode { get; init; }

    /// <summary>See <see cref="Report.AssignedAgencyId"/>.</summary>
    public string? AssignedAgencyId { get; init; }

    /// <summary>See <see cref="Report.ReturnedByAgencyId"/>.</summary>
    public string? ReturnedByAgencyId { get; init; }

    /// <summary>See <see cref="Report.ProposedAgencyId"/>.</summary>
    public string? ProposedAgencyId { get; init; }

    /// <summary>See <see cref="Report.RejectionReason"/>.</summary>
    public IntakeRejectionReason? RejectionReason { get; init; }

    /// <summary>See <see cref="Report.DuplicateOf"/>.</summary>
    public ReportId? DuplicateOf { get; init; }

    /// <summary>See <see cref="Report.EscalatedFrom"/>.</summary>
    public ReportState? EscalatedFrom { get; init; }

    /// <summary>See <see cref="Report.Result"/>.</summary>
    public string? Result { get; init; }

    /// <summary>See <see cref="Report.Evidence"/>.</summary>
    public ImmutableArray<string> Evidence { get; init; } = [];

    /// <summary>See <see cref="Report.Rating"/>.</summary>
    public RatingLevel? Rating { get; init; }

    /// <summary>See <see cref="Report.Events"/>.</summary>
    public required IReadOnlyList<ReportEvent> Events { get; init; }
}
