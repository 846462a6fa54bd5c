using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>A report's current state: one row per report, rewritten by each change under optimistic concurrency.</summary>
internal sealed class ReportRow
{
    public Guid Id { get; set; }

    public string ProvinceId { get; set; } = "";

    public string ReporterAccountId { get; set; } = "";

    public string Channel { get; set; } = "";

    public ReportState State { get; set; }

    public bool IsUrgent { get; set; }

    public bool IsConfidential { get; set; }

    public string? FieldCode { get; set; }

    public string? AssignedAgencyId { get; set; }

    public string? ReturnedByAgencyId { get; set; }

    public string? ProposedAgencyId { get; set; }

    public IntakeRejectionReason? RejectionReason { get; set; }

    public Guid? DuplicateOf { get; set; }

    public ReportState? EscalatedFrom { get; set; }

    public string? Result { get; set; }

    public string EvidenceJson { get; set; } = "[]";

    public string? RatingCode { get; set; }

    public bool? RatingOpensFollowUp { get; set; }

    public string? Title { get; set; }

    public string Description { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Address { get; set; }

    public string? AreaCode { get; set; }

    public Instant? ObservedAt { get; set; }

    public string Language { get; set; } = "vi";

    public string AttachmentIdsJson { get; set; } = "[]";

    public Instant SubmittedAt { get; set; }

    public Instant? PublishedAt { get; set; }

    public Instant? CurrentDeadline { get; set; }

    public Instant UpdatedAt { get; set; }

    public int Version { get; set; }
}
