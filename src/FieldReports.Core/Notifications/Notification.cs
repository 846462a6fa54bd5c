using FieldReports.Reports;
using FieldReports.Sla;
using NodaTime;

namespace FieldReports.Notifications;

/// <summary>A notification about a report. Holds ids only, never personal data.</summary>
public sealed record Notification
{
    /// <summary>
    /// The notification's id, the same on every redelivery: the id of the outbox message it came from, or, when one message
    /// notifies several audiences (a breach), an id derived from the message's id and the audience.
    /// </summary>
    public required Guid Id { get; init; }

    /// <summary>The province.</summary>
    public required string ProvinceId { get; init; }

    /// <summary>Who it is for.</summary>
    public required NotificationAudience Audience { get; init; }

    /// <summary>The agency, for <see cref="NotificationAudience.Agency"/>; otherwise <see langword="null"/>.</summary>
    public string? RecipientId { get; init; }

    /// <summary>The report.</summary>
    public required ReportId ReportId { get; init; }

    /// <summary>What happened: the workflow trigger (for example <see cref="ReportTrigger.Assign"/>); <see langword="null"/> for an SLA notice.</summary>
    public ReportTrigger? Trigger { get; init; }

    /// <summary>For a notice of the SLA monitor, what it says (a deadline near, passed, passed long ago); otherwise <see langword="null"/>.</summary>
    public SlaNoticeKind? SlaNotice { get; init; }

    /// <summary>For an SLA notice, the deadline of the report's step; otherwise <see langword="null"/>.</summary>
    public Instant? Deadline { get; init; }
}
