using System.Text.Json;
using FieldReports.Intake;
using FieldReports.Notifications;
using FieldReports.Sla;
using FieldReports.Stores;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using ReferenceHost.Data;

namespace ReferenceHost.Services;

/// <summary>A way to tell people about a report: the host ships an in-app inbox and a log sender.</summary>
public interface INotificationSender
{
    Task SendAsync(string provinceId, TransitionPayload transition, CancellationToken cancellationToken);
}

/// <summary>Writes notifications into the in-app inbox of whoever has to act next.</summary>
public sealed class InboxNotificationSender(IDbContextFactory<HostDbContext> contexts, IClock clock) : INotificationSender
{
    public async Task SendAsync(string provinceId, TransitionPayload transition, CancellationToken cancellationToken)
    {
        var t = transition;
        var (role, agency, account, vi, en) = t.State switch
        {
            "Submitted" => ("reception_staff", (string?)null, (string?)null, "Phản ánh mới chờ tiếp nhận", "New report waiting for intake"),
            "Assigned" => ("handling_staff", t.AgencyId, null, "Phản ánh mới được giao cho đơn vị", "A report was assigned to your agency"),
            "ReturnedToCentre" => ("reception_staff", null, null, "Đơn vị chuyển trả phản ánh", "An agency returned a report"),
            "ResultSubmitted" => ("approver", null, null, "Kết quả xử lý chờ phê duyệt", "A result is waiting for approval"),
            "Published" or "RepliedPrivately" or "AnsweredDirectly" => (null, null, t.ReporterAccountId, "Phản ánh của bạn đã có kết quả", "Your report has a result"),
            "FollowUpRequired" => ("handling_staff", t.AgencyId, null, "Người phản ánh chưa hài lòng — cần làm rõ", "The reporter is not satisfied — follow-up needed"),
            "Escalated" => ("leader", null, null, "Phản ánh được báo cáo lên cấp trên", "A report was escalated"),
            _ => ((string?)null, (string?)null, (string?)null, "", ""),
        };
        if (role is null && account is null)
        {
            return;
        }

        await InboxWriter.WriteAsync(contexts, new InboxMessage
        {
            ProvinceId = provinceId,
            AccountId = account,
            Role = role,
            AgencyId = agency,
            ReportId = t.ReportId,
            TextVi = vi,
            TextEn = en,
            CreatedAtTicks = clock.GetCurrentInstant().ToUnixTimeTicks(),
            DedupeKey = $"transition:{t.ReportId}:{t.Version}",
        }, cancellationToken);
    }
}

/// <summary>Logs each notification with ids and states only: no names, phones or e-mail addresses.</summary>
public sealed partial class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(string provinceId, TransitionPayload transition, CancellationToken cancellationToken)
    {
        Log(logger, provinceId, transition.ReportId, transition.Trigger, transition.State);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 8001, EventName = "ReportNotification", Level = LogLevel.Information, Message = "Notification: report {ReportId} in {ProvinceId} after {Trigger} is {State}")]
    private static partial void Log(ILogger logger, string provinceId, Guid reportId, string trigger, string state);
}

/// <summary>
/// The outbox's handler: hands each transition to every notification sender, and each of the library's SLA messages
/// (<c>sla.reminder</c>, <c>sla.breached</c>, <c>sla.long_overdue</c>) to the core's <see cref="ReportNotificationHandler"/>,
/// which decides who is told, and then to the inbox. A dispatcher pass's messages are handled together: their inbox rows
/// are written in one commit (<see cref="InboxWriter.BatchAsync"/>).
/// </summary>
public sealed class NotificationOutboxHandler(IEnumerable<INotificationSender> senders, InboxSlaSender sla, IDbContextFactory<HostDbContext> contexts) : IOutboxBatchHandler
{
    private readonly ReportNotificationHandler _sla = new(sla);

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Type.StartsWith(SlaMessageTypes.Prefix, StringComparison.Ordinal))
        {
            await _sla.HandleAsync(message, cancellationToken);
            return;
        }

        if (ReportActions.TransitionOf(message) is not { } transition)
        {
            return;
        }

        foreach (var sender in senders)
        {
            await sender.SendAsync(message.ProvinceId, transition, cancellationToken);
        }
    }

    public Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        InboxWriter.BatchAsync(contexts, async () =>
        {
            foreach (var message in messages)
            {
                await HandleAsync(message, cancellationToken);
            }
        }, cancellationToken);
}

/// <summary>
/// Writes the SLA monitor's notices into the in-app inbox: reminders to whoever owns the step, breaches to reception, the
/// agency and the leaders, long-overdue reports to reception for follow-up (Cà Mau Decision 17/2022 art. 13.3).
/// </summary>
public sealed class InboxSlaSender(IDbContextFactory<HostDbContext> contexts, IClock clock) : FieldReports.Notifications.INotificationSender
{
    public Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var n = notification;
        var role = n.Audience switch
        {
            NotificationAudience.Agency => "handling_staff",
            NotificationAudience.Leaders => "leader",
            NotificationAudience.Centre => "reception_staff",
            _ => null,
        };
        var (vi, en) = (n.SlaNotice, n.Audience) switch
        {
            (SlaNoticeKind.Reminder, _) => ("Sắp đến hạn xử lý", "Deadline within the hour"),
            (SlaNoticeKind.Breached, NotificationAudience.Agency) => ("Quá hạn xử lý — đề nghị khẩn trương", "Deadline passed — please act now"),
            (SlaNoticeKind.Breached, NotificationAudience.Leaders) => ("Phản ánh quá hạn xử lý", "A report is past its deadline"),
            (SlaNoticeKind.Breached, _) => ("Quá hạn xử lý", "Deadline passed"),
            (SlaNoticeKind.LongOverdue, _) => ("Quá hạn trên 1 ngày — cần đôn đốc", "Overdue by more than a day — chase it"),
            _ => ("", ""),
        };
        if (role is null || vi.Length == 0)
        {
            return Task.CompletedTask;
        }

        return InboxWriter.WriteAsync(contexts, new InboxMessage
        {
            ProvinceId = n.ProvinceId,
            Role = role,
            AgencyId = n.Audience == NotificationAudience.Agency ? n.RecipientId : null,
            ReportId = n.ReportId.Value,
            TextVi = vi,
            TextEn = en,
            CreatedAtTicks = clock.GetCurrentInstant().ToUnixTimeTicks(),
            // The notification's id is stable across redeliveries of its outbox message.
            DedupeKey = $"sla:{n.Id:N}",
        }, cancellationToken);
    }
}

/// <summary>
/// Writes inbox rows, once per <see cref="InboxMessage.DedupeKey"/>. Within <see cref="BatchAsync"/> the rows are collected
/// and written together at its end, in one commit.
/// </summary>
public static class InboxWriter
{
    // The rows of the batch the current asynchronous flow is in, if any: the senders are singletons shared by every flow.
    private static readonly AsyncLocal<List<InboxMessage>?> Pending = new();

    public static async Task WriteAsync(IDbContextFactory<HostDbContext> contexts, InboxMessage message, CancellationToken cancellationToken)
    {
        if (Pending.Value is { } pending)
        {
            pending.Add(message);
            return;
        }

        await InsertAbsentAsync(contexts, [message], cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> with the inbox rows it writes collected, then writes those not yet stored in one commit.
    /// Nothing is written if the work fails.
    /// </summary>
    public static async Task BatchAsync(IDbContextFactory<HostDbContext> contexts, Func<Task> work, CancellationToken cancellationToken)
    {
        var pending = new List<InboxMessage>();
        Pending.Value = pending;
        try
        {
            await work();
        }
        finally
        {
            Pending.Value = null;
        }

        // One row per key: a batch may hold a message and its redelivery.
        var rows = pending.DistinctBy(m => m.DedupeKey, StringComparer.Ordinal).ToList();
        if (rows.Count > 0)
        {
            await InsertAbsentAsync(contexts, rows, cancellationToken);
        }
    }

    /// <summary>
    /// Inserts the rows in one statement, each unless a row with its dedupe key is stored (a redelivered message, or one
    /// delivered by another instance): <c>INSERT … ON CONFLICT (dedupe key) DO NOTHING</c>, which SQLite and PostgreSQL
    /// both have. The unique index decides, so there is no read before and no race between instances.
    /// </summary>
    private static async Task InsertAbsentAsync(IDbContextFactory<HostDbContext> contexts, List<InboxMessage> rows, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = db.Model.FindEntityType(typeof(InboxMessage))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(Column)).Append(") VALUES ");
        var values = new List<object?>(rows.Count * columns.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append('{').Append(values.Count).Append('}');
                values.Add(columns[c].PropertyInfo!.GetValue(rows[r]));
            }

            text.Append(')');
        }

        text.Append(" ON CONFLICT (").Append(Column(entity.FindProperty(nameof(InboxMessage.DedupeKey))!)).Append(") DO NOTHING");

        // In a transaction so that, on SQLite, the write queues at FieldReports' writer gate instead of the busy handler.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        await db.Database.ExecuteSqlRawAsync(text.ToString(), values.Select((v, i) =>
        {
            var parameter = factory.CreateParameter();
            parameter.ParameterName = $"p{i}";
            parameter.Value = v ?? DBNull.Value;
            return parameter;
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>
/// Answers the reporter through the channel the report came in by, when the host has a reply channel for it (for Huế,
/// the Zalo channel wired in code). Reports from the web and the app are answered through the inbox instead.
/// </summary>
public sealed class ChannelReplySender(ReplyDispatcher replies, IEnumerable<IReplyChannel> channels, IReportStore store, IReporterDataStore reporterData) : INotificationSender
{
    public async Task SendAsync(string provinceId, TransitionPayload transition, CancellationToken cancellationToken)
    {
        if (transition.State is not ("Published" or "RepliedPrivately" or "AnsweredDirectly")
            || await store.FindAsync(provinceId, new FieldReports.Reports.ReportId(transition.ReportId), cancellationToken) is not { } report
            || !channels.Any(c => string.Equals(c.Code, report.Channel, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        await replies.SendAsync(new ChannelReply
        {
            ProvinceId = provinceId,
            ReportId = report.Id,
            Channel = report.Channel,
            ReporterAccountId = report.ReporterAccountId,
            Recipient = await reporterData.FindContactAsync(provinceId, report.Id, cancellationToken),
            Subject = report.Content.Title,
            Text = report.Result ?? "",
        }, cancellationToken);
    }
}
