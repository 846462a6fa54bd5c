using FieldReports.Rating;
using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>A citizen's interaction on a published result and its answer.</summary>
internal sealed class InteractionRow
{
    public Guid Id { get; set; }

    public string ProvinceId { get; set; } = "";

    public Guid ReportId { get; set; }

    public string AccountId { get; set; } = "";

    public string? AgencyId { get; set; }

    public InteractionKind Kind { get; set; }

    public string Text { get; set; } = "";

    public Instant SentAt { get; set; }

    public Instant? DueAt { get; set; }

    public string? Answer { get; set; }

    public Instant? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }
}
