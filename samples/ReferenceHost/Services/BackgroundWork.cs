using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Storage.EF;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using ReferenceHost.Data;

namespace ReferenceHost.Services;

/// <summary>Runs the storage package's outbox dispatcher for the lifetime of the host.</summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}

/// <summary>
/// The SLA monitor: every minute, per province, reminds the handling agency of a deadline within the next hour, marks a
/// passed deadline as breached in the centre's inbox, and raises a report overdue by more than a day to the centre for
/// follow-up (Cà Mau, Decision 17/2022 art. 13.3: the centre follows up and reminds those who are late).
/// </summary>
public sealed partial class SlaMonitor(ProvinceCatalog provinces, IReportQueries queries, IDbContextFactory<HostDbContext> contexts, IClock clock, ILogger<SlaMonitor> logger) : BackgroundService
{
    public static readonly Duration ReminderLead = Duration.FromHours(1);

    public static readonly Duration LongOverdue = Duration.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task PassAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        foreach (var province in provinces.Ids)
        {
            var watch = await queries.GetDeadlineWatchAsync(province, now + ReminderLead, null, 500, cancellationToken);
            foreach (var r in watch)
            {
                var deadline = r.CurrentDeadline!.Value;
                var agency = r.State is ReportState.Assigned or ReportState.InHandling or ReportState.FollowUpRequired ? r.AssignedAgencyId : null;
                if (deadline > now)
                {
                    await WriteAsync(province, r.Id.Value, agency is null ? "reception_staff" : "handling_staff", agency, "Sắp đến hạn xử lý", "Deadline within the hour", $"sla-warn:{r.Id}:{r.Version}", now, cancellationToken);
                    continue;
                }

                await WriteAsync(province, r.Id.Value, "reception_staff", null, "Quá hạn xử lý", "Deadline passed", $"sla-breach:{r.Id}:{r.Version}", now, cancellationToken);
                if (agency is not null)
                {
                    await WriteAsync(province, r.Id.Value, "handling_staff", agency, "Quá hạn xử lý — đề nghị khẩn trương", "Deadline passed — please act now", $"sla-breach-agency:{r.Id}:{r.Version}", now, cancellationToken);
                }

                if (now - deadline > LongOverdue)
                {
                    await WriteAsync(province, r.Id.Value, "reception_staff", null, "Quá hạn trên 1 ngày — cần đôn đốc", "Overdue by more than a day — chase it", $"sla-long:{r.Id}:{r.Version}", now, cancellationToken);
                }
            }
        }
    }

    private Task WriteAsync(string province, Guid id, string role, string? agency, string vi, string en, string key, Instant now, CancellationToken cancellationToken) =>
        InboxWriter.WriteAsync(contexts, new InboxMessage { ProvinceId = province, Role = role, AgencyId = agency, ReportId = id, TextVi = vi, TextEn = en, DedupeKey = key, CreatedAtTicks = now.ToUnixTimeTicks() }, cancellationToken);

    [LoggerMessage(EventId = 8101, EventName = "SlaMonitorPassFailed", Level = LogLevel.Warning, Message = "The SLA monitor's pass failed; it tries again in a minute")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
