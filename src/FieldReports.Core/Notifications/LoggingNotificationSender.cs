using Microsoft.Extensions.Logging;

namespace FieldReports.Notifications;

/// <summary>The default <see cref="INotificationSender"/>: logs each notification (ids only) and sends nothing.</summary>
internal sealed partial class LoggingNotificationSender(ILogger<LoggingNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Log(logger, notification.Audience, notification.RecipientId, notification.Trigger, notification.SlaNotice, notification.ReportId, notification.ProvinceId);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1200, EventName = "NotificationNotSent", Level = LogLevel.Information,
        Message = "Notification for {Audience} {Recipient} on {Trigger}{SlaNotice} of report {ReportId} in {ProvinceId}; no sender is registered")]
    private static partial void Log(ILogger logger, NotificationAudience audience, string? recipient, Reports.ReportTrigger? trigger, Sla.SlaNoticeKind? slaNotice, Reports.ReportId reportId, string provinceId);
}
