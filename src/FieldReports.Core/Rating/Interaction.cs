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

    /// <summary>Recreates a stored interaction.</summary>
    /// <param name="snapshot">What the store kept.</param>
    /// <returns>The interaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentException">The snapshot lacks its province, account or text.</exception>
    public static Interaction Restore(InteractionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.ProvinceId, nameof(snapshot));
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.AccountId, nameof(snapshot));
        ArgumentException.ThrowIfNullOrEmpty(snapshot.Text, nameof(snapshot));
        return new Interaction(snapshot.Id, snapshot.ProvinceId, snapshot.ReportId, snapshot.AccountId, snapshot.AgencyId, snapshot.Kind, snapshot.Text, snapshot.SentAt, snapshot.DueAt)
        {
            Answer = snapshot.Answer,
            AnsweredAt = snapshot.AnsweredAt,
            AnsweredBy = snapshot.AnsweredBy,
        };
    }

    /// <summary>What a store persists about the interaction.</summary>
    /// <returns>The snapshot.</returns>
    public InteractionSnapshot ToSnapshot() => new()
    {
        Id = Id,
        ProvinceId = ProvinceId,
        ReportId = ReportId,
        AccountId = AccountId,
        AgencyId = AgencyId,
        Kind = Kind,
        Text = Text,
        SentAt = SentAt,
        DueAt = DueAt,
        Answer = Answer,
        AnsweredAt = AnsweredAt,
        AnsweredBy = AnsweredBy,
    };

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
