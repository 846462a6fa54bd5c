using FieldReports.Moderation;
using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>A sanction imposed or lifted; inserted only, never updated.</summary>
internal sealed class ModerationDecisionRow
{
    public string ProvinceId { get; set; } = "";

    public string AccountId { get; set; } = "";

    public int Sequence { get; set; }

    public ModerationDecisionKind Kind { get; set; }

    public SanctionKind Sanction { get; set; }

    public Instant At { get; set; }

    public Instant? Until { get; set; }

    public string DecidedBy { get; set; } = "";

    public string Reason { get; set; } = "";

    public int ViolationCount { get; set; }
}
