using System.Text.Json;
using FieldReports.Reports;
using FieldReports.Services;
using FieldReports.Stores;

namespace FieldReports.Notifications;

/// <summary>
/// Turns the outbox's <c>report.*</c> messages into notifications: the handling agency when a report is assigned,
/// redistributed, resumed or sent back; the reporter when the result is published or replied privately; the leaders on
/// escalation. Other messages are delivered with nothing to send. Register it as the host's
/// <see cref="IOutboxMessageHandler"/>, or call it from the host's own handler.
/// </summary>
public sealed class ReportNotificationHandler : IOutboxMessageHandler
{
    private readonly INotificationSender _sender;

    /// <summary>Creates the handler.</summary>
    /// <param name="sender">Sends the notifications.</param>
    public ReportNotificationHandler(INotificationSender sender) => _sender = sender ?? throw new ArgumentNullException(nameof(sender));

    /// <inheritdoc/>
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.Type.StartsWith(ReportMessageTypes.Prefix, StringComparison.Ordinal))
        {
            return;
        }

        using var payload = JsonDocument.Parse(message.PayloadJson);
        var root = payload.RootElement;
        if (!Enum.TryParse<ReportTrigger>(root.GetProperty("trigger").GetString(), out var trigger)
            || !ReportId.TryParse(root.GetProperty("reportId").GetString(), out var reportId))
        {
            return;
        }

        var agency = root.TryGetProperty("assignedAgencyId", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        (NotificationAudience Audience, string? Recipient)? target = trigger switch
        {
            ReportTrigger.Assign or ReportTrigger.Redistribute or ReportTrigger.Resume or ReportTrigger.SendBack when agency is not null => (NotificationAudience.Agency, agency),
            ReportTrigger.Approve or ReportTrigger.ReplyPrivately or ReportTrigger.AnswerDirectly => (NotificationAudience.Reporter, null),
            ReportTrigger.Escalate => (NotificationAudience.Leaders, null),
            _ => null,
        };
        if (target is not { } t)
        {
            return;
        }

        await _sender.SendAsync(
            new Notification { Id = message.Id, ProvinceId = message.ProvinceId, Audience = t.Audience, RecipientId = t.Recipient, ReportId = reportId, Trigger = trigger },
            cancellationToken);
    }
}
