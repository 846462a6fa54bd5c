using System.Text.Json;
using FieldReports.Reports;
using FieldReports.Services;
using FieldReports.Sla;
using FieldReports.Stores;

namespace FieldReports.Notifications;

/// <summary>
/// Turns the outbox's <c>report.*</c> and <c>sla.*</c> messages into notifications: the handling agency when a report is
/// assigned, redistributed, resumed or sent back; the reporter when the result is published or replied privately; the
/// leaders on escalation; whoever owns the step (the agency, or the centre) before its deadline
/// (<see cref="SlaMessageTypes.Reminder"/>); the centre, the agency and the leaders when it passes
/// (<see cref="SlaMessageTypes.Breached"/>); the centre when it passed long ago (<see cref="SlaMessageTypes.LongOverdue"/>).
/// Other messages are delivered with nothing to send. Register it as the host's
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
        if (message.Type.StartsWith(SlaMessageTypes.Prefix, StringComparison.Ordinal))
        {
            await HandleSlaAsync(message, cancellationToken);
            return;
        }

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

    private async Task HandleSlaAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        SlaNoticeKind? kind = message.Type switch
        {
            SlaMessageTypes.Reminder => SlaNoticeKind.Reminder,
            SlaMessageTypes.Breached => SlaNoticeKind.Breached,
            SlaMessageTypes.LongOverdue => SlaNoticeKind.LongOverdue,
            _ => null,
        };
        using var payload = JsonDocument.Parse(message.PayloadJson);
        var root = payload.RootElement;
        if (kind is not { } notice
            || !root.TryGetProperty("reportId", out var id) || !ReportId.TryParse(id.GetString(), out var reportId)
            || !root.TryGetProperty("deadline", out var d) || NodaTime.Text.InstantPattern.ExtendedIso.Parse(d.GetString() ?? "") is not { Success: true } deadline)
        {
            return;
        }

        var agency = root.TryGetProperty("agencyId", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        (NotificationAudience Audience, string? Recipient)[] targets = notice switch
        {
            SlaNoticeKind.Reminder => [agency is null ? (NotificationAudience.Centre, null) : (NotificationAudience.Agency, agency)],
            // Leaders monitor breaches; the agency that owns the step is told as well as the centre.
            SlaNoticeKind.Breached when agency is not null => [(NotificationAudience.Centre, null), (NotificationAudience.Agency, agency), (NotificationAudience.Leaders, null)],
            SlaNoticeKind.Breached => [(NotificationAudience.Centre, null), (NotificationAudience.Leaders, null)],
            _ => [(NotificationAudience.Centre, null)],
        };
        foreach (var (audience, recipient) in targets)
        {
            await _sender.SendAsync(
                new Notification
                {
                    Id = targets.Length == 1 ? message.Id : DerivedId(message.Id, audience),
                    ProvinceId = message.ProvinceId,
                    Audience = audience,
                    RecipientId = recipient,
                    ReportId = reportId,
                    SlaNotice = notice,
                    Deadline = deadline.Value,
                },
                cancellationToken);
        }
    }

    // Stable across redeliveries and distinct per audience: a hash of the message id and the audience.
    private static Guid DerivedId(Guid messageId, NotificationAudience audience)
    {
        Span<byte> bytes = stackalloc byte[16];
        messageId.TryWriteBytes(bytes);
        var hash = System.Security.Cryptography.SHA256.HashData([.. bytes, (byte)audience]);
        return new Guid(hash.AsSpan(0, 16));
    }
}
