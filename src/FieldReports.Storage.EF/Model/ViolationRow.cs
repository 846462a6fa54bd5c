using FieldReports.Moderation;
using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>A violation recorded against an account; inserted only, never updated.</summary>
internal sealed class ViolationRow
{
    public string ProvinceId { get; set; } = "";

    public string AccountId { get; set; } = "";

    public int Sequence { get; set; }

    public ViolationKind Kind { get; set; }

    public Instant RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public Guid? ReportId { get; set; }

    public Guid? InteractionId { get; set; }

    public string? Note { get; set; }
}
