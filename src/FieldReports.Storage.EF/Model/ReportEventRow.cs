using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>One event of a report's audit trail. Rows are inserted and never updated or deleted.</summary>
internal sealed class ReportEventRow
{
    public Guid ReportId { get; set; }

    public int Sequence { get; set; }

    public string ProvinceId { get; set; } = "";

    public Instant OccurredAt { get; set; }

    public ActorRole ActorRole { get; set; }

    public string ActorAccountId { get; set; } = "";

    public string? ActorAgencyId { get; set; }

    public ReportTrigger Trigger { get; set; }

    public ReportState? FromState { get; set; }

    public ReportState ToState { get; set; }

    public bool IsUrgent { get; set; }

    public string? AssignedAgencyId { get; set; }

    public string? Note { get; set; }

    public string DataJson { get; set; } = "{}";
}
