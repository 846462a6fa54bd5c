using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Rating;

/// <summary>A citizen's interaction on a published result, and the agency's answer. Created by <see cref="InteractionPolicy.Open"/>.</summary>
public sealed class Interaction
{
    internal Interaction(Guid id, string provinceId, ReportId reportId, string accountId, string? agencyId, InteractionKind kind, string text, Instant sentAt, Instant? dueAt)
    {
        Id = id;
        ProvinceId = provinceId;
        ReportId = reportId;
        AccountId = accountId;
        AgencyId = agencyId;
        Kind = kind;
        Text = text;
        SentAt = sentAt;
        DueAt = dueAt;
    }

    /// <summary>The interaction's id.</summary>
    public Guid Id { get; }

    /// <summary>The province.</summary>
    public string ProvinceId { get; }

    /// <summary>The report interacted with.</summary>
    public ReportId ReportId { get; }

    /// <summary>The citizen's account.</summary>
    public string AccountId { get; }

    /// <summary>The agency that must answer: the report's assigned agency, or <see langword="null"/> when the centre answered the report itself.</summary>
    public string? AgencyId { get; }

    /// <summary>The kind.</summary>
    public InteractionKind Kind { get; }

    /// <summary>The citizen's text, NFC.</summary>
    public string Text { get; }

    /// <summary>When it was sent.</summary>
    public Instant SentAt { get; }

    /// <summary>When the answer is due, for a clarification request; computed by <see cref="IClarificationDeadline"/>.</summary>
    public Instant? DueAt { get; }

    /// <summary>The answer, once given.</summary>
    public string? Answer { get; internal set; }

    /// <summary>When it was answered.</summary>
    public Instant? AnsweredAt { get; internal set; }

    /// <summary>The account that answered.</summary>
    public string? AnsweredBy { get; internal set; }

    /// <summary>
    /// Whether the clarification request counts as unanswered at an instant: its due instant has passed and it was not
    /// answered by then (an answer exactly at the due instant is in time). Always false for comments.
    /// </summary>
    /// <param name="at">The instant.</param>
    public bool IsUnansweredAt(Instant at) =>
        DueAt is { } due && due < at && (AnsweredAt is null || AnsweredAt > due);
}
