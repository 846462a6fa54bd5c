using FieldReports.Reports;

namespace FieldReports.Notifications;

/// <summary>A notification about a report. Holds ids only, never personal data.</summary>
public sealed record Notification
{
    /// <summary>The notification's id: the id of the outbox message it came from, so that a redelivery can be recognised.</summary>
    public required Guid Id { get; init; }

    /// <summary>The province.</summary>
    public required string ProvinceId { get; init; }

    /// <summary>Who it is for.</summary>
    public required NotificationAudience Audience { get; init; }

    /// <summary>The agency, for <see cref="NotificationAudience.Agency"/>; otherwise <see langword="null"/>.</summary>
    public string? RecipientId { get; init; }

    /// <summary>The report.</summary>
    public required ReportId ReportId { get; init; }

    /// <summary>What happened: the workflow trigger (for example <see cref="ReportTrigger.Assign"/>).</summary>
    public required ReportTrigger Trigger { get; init; }
}
