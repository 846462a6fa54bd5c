using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using FieldReports.Core.Tests.Provinces;
using FieldReports.Notifications;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Services;
using FieldReports.Sla;
using FieldReports.Stores;
using FieldReports.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace FieldReports.Core.Tests.Sla;

public class SlaMonitorTests
{
    // Monday 2 March 2026, 09:00 in Cà Mau: the report's first step (2 working hours) ends at 11:00.
    private static readonly Instant MondayMorning = SeedProvinces.Local(2026, 3, 2, 9, 0);

    [Fact]
    public async Task Reminder_comes_within_the_lead_before_the_deadline_once_per_step()
    {
        var t = Create();
        var id = await t.SubmitAsync();
        var deadline = t.Data.Deadline(id)!.Value;
        Assert.Equal(SeedProvinces.Local(2026, 3, 2, 11, 0), deadline);

        Assert.Equal(0, await t.PassAtAsync(deadline - Duration.FromMinutes(61)));
        Assert.Equal(1, await t.PassAtAsync(deadline - Duration.FromMinutes(59)));
        Assert.Equal(0, await t.PassAtAsync(deadline - Duration.FromMinutes(30)));

        var reminder = Assert.Single(t.Data.Messages);
        Assert.Equal(SlaMessageTypes.Reminder, reminder.Type);
        var payload = JsonDocument.Parse(reminder.PayloadJson).RootElement;
        Assert.Equal(id.ToString(), payload.GetProperty("reportId").GetString());
        Assert.Equal("ReceiveAndDistribute", payload.GetProperty("step").GetString());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("agencyId").ValueKind);
        Assert.Equal("2026-03-02T04:00:00Z", payload.GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task New_step_gets_a_new_reminder_and_acknowledging_does_not()
    {
        var t = Create();
        var id = await t.SubmitAsync();
        await t.PassAtAsync(t.Data.Deadline(id)!.Value - Duration.FromMinutes(30));
        await t.ActAsync(id, new ReceiveCommand("environment"), Actor.Reception("r-1"));
        await t.ActAsync(id, new AssignCommand("agency-env"), Actor.Reception("r-1"));
        var handleDeadline = t.Data.Deadline(id)!.Value;

        Assert.Equal(1, await t.PassAtAsync(handleDeadline - Duration.FromMinutes(45)));
        await t.ActAsync(id, new AcknowledgeCommand(), Actor.Handler("h-1", "agency-env"));
        Assert.Equal(handleDeadline, t.Data.Deadline(id));
        Assert.Equal(0, await t.PassAtAsync(handleDeadline - Duration.FromMinutes(10)));

        var reminders = t.Data.Messages.Where(m => m.Type == SlaMessageTypes.Reminder).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.Equal("agency-env", JsonDocument.Parse(reminders[1].PayloadJson).RootElement.GetProperty("agencyId").GetString());
        Assert.NotEqual(reminders[0].DedupeKey, reminders[1].DedupeKey);
    }

    [Fact]
    public async Task Passed_deadline_is_a_breach_and_a_day_later_it_is_raised_to_the_centre_once()
    {
        var t = Create();
        var id = await t.SubmitAsync();
        var deadline = t.Data.Deadline(id)!.Value;

        Assert.Equal(0, await t.PassAtAsync(deadline - Duration.FromHours(2)));
        Assert.Equal(1, await t.PassAtAsync(deadline + Duration.FromMinutes(1)));
        Assert.Equal(SlaMessageTypes.Breached, Assert.Single(t.Data.Messages).Type);
        Assert.Equal(0, await t.PassAtAsync(deadline + Duration.FromHours(23)));
        Assert.Equal(1, await t.PassAtAsync(deadline + Duration.FromDays(1) + Duration.FromMinutes(1)));
        Assert.Equal(0, await t.PassAtAsync(deadline + Duration.FromDays(3)));

        Assert.Equal([SlaMessageTypes.Breached, SlaMessageTypes.LongOverdue], t.Data.Messages.Select(m => m.Type));
    }

    [Fact]
    public async Task Long_overdue_period_and_reminder_lead_come_from_the_options()
    {
        var t = Create(o => { o.ReminderLead = TimeSpan.FromHours(3); o.LongOverdueAfter = TimeSpan.FromHours(2); });
        var id = await t.SubmitAsync();
        var deadline = t.Data.Deadline(id)!.Value;

        Assert.Equal(1, await t.PassAtAsync(deadline - Duration.FromHours(2)));
        Assert.Equal(2, await t.PassAtAsync(deadline + Duration.FromHours(2) + Duration.FromMinutes(1)));
    }

    [Fact]
    public async Task Warnings_and_breaches_are_counted_when_written_not_when_a_pass_repeats()
    {
        var t = Create();
        using var warnings = t.Collect("fieldreports.sla.warnings");
        using var breaches = t.Collect("fieldreports.sla.breaches");
        var id = await t.SubmitAsync();
        var deadline = t.Data.Deadline(id)!.Value;

        await t.PassAtAsync(deadline - Duration.FromMinutes(30));
        var warning = Assert.Single(warnings.GetMeasurementSnapshot());
        Assert.Equal(1, warning.Value);
        Assert.Equal(new Dictionary<string, object?> { [TelemetryTags.Province] = "ca-mau" }, warning.Tags);

        await t.PassAtAsync(deadline - Duration.FromMinutes(10));
        Assert.Single(warnings.GetMeasurementSnapshot());
        Assert.Empty(breaches.GetMeasurementSnapshot());

        // A day and more after the deadline: the breach and the long-overdue message are written, and only the breach counts.
        Assert.Equal(2, await t.PassAtAsync(deadline + Duration.FromDays(2)));
        Assert.Equal(1, breaches.GetMeasurementSnapshot().EvaluateAsCounter());
        await t.PassAtAsync(deadline + Duration.FromDays(3));
        Assert.Equal(1, breaches.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, warnings.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Counters_carry_the_agency_that_owns_the_step_and_no_personal_data()
    {
        var t = Create();
        using var warnings = t.Collect("fieldreports.sla.warnings");
        using var breaches = t.Collect("fieldreports.sla.breaches");
        var id = await t.SubmitAsync();
        await t.ActAsync(id, new ReceiveCommand("environment"), Actor.Reception("r-1"));
        await t.ActAsync(id, new AssignCommand("agency-env"), Actor.Reception("r-1"));
        var deadline = t.Data.Deadline(id)!.Value;

        await t.PassAtAsync(deadline - Duration.FromMinutes(5));
        await t.PassAtAsync(deadline + Duration.FromMinutes(5));
        await t.PassAtAsync(deadline + Duration.FromMinutes(6));

        var expected = new Dictionary<string, object?> { [TelemetryTags.Province] = "ca-mau", [TelemetryTags.Agency] = "agency-env" };
        Assert.Equal(expected, Assert.Single(warnings.GetMeasurementSnapshot()).Tags);
        Assert.Equal(expected, Assert.Single(breaches.GetMeasurementSnapshot()).Tags);
    }

    [Fact]
    public async Task Reports_that_ended_or_wait_in_a_paused_state_get_nothing()
    {
        var t = Create();
        var rejected = await t.SubmitAsync();
        await t.ActAsync(rejected, new RejectCommand(IntakeRejectionReason.OutOfScope, "Không thuộc phạm vi"), Actor.Reception("r-1"));
        Assert.Null(t.Data.Deadline(rejected));

        // An escalated report keeps the deadline of its paused step, and a published one may still carry an old deadline:
        // neither is in a running step.
        var escalated = await t.SubmitAsync();
        await t.ActAsync(escalated, new ReceiveCommand("environment"), Actor.Reception("r-1"));
        await t.ActAsync(escalated, new EscalateCommand("Nhiều cơ quan liên quan"), Actor.Reception("r-1"));
        Assert.NotNull(t.Data.Deadline(escalated));
        t.Data.Put(TestReportPublished(), MondayMorning);

        Assert.Equal(0, await t.PassAtAsync(MondayMorning + Duration.FromDays(5)));
        Assert.Empty(t.Data.Messages);
    }

    [Fact]
    public async Task Pass_walks_every_page_of_the_deadline_watch()
    {
        var t = Create(o => o.PageSize = 3);
        for (var i = 0; i < 10; i++)
        {
            await t.SubmitAsync();
        }

        Assert.Equal(10, await t.PassAtAsync(MondayMorning + Duration.FromHours(1) + Duration.FromMinutes(30)));
        Assert.Equal(10, t.Data.Messages.Select(m => m.DedupeKey).Distinct().Count());
    }

    [Fact]
    public async Task Breach_notifies_the_centre_the_agency_and_the_leaders_with_stable_distinct_ids()
    {
        var t = Create();
        var id = await t.SubmitAsync();
        await t.ActAsync(id, new ReceiveCommand("environment"), Actor.Reception("r-1"));
        await t.ActAsync(id, new AssignCommand("agency-env"), Actor.Reception("r-1"));
        var deadline = t.Data.Deadline(id)!.Value;
        await t.PassAtAsync(deadline - Duration.FromMinutes(10));
        await t.PassAtAsync(deadline + Duration.FromDays(2));
        var sender = new RecordingSender();
        var handler = new ReportNotificationHandler(sender);

        foreach (var message in t.Data.Messages)
        {
            await handler.HandleAsync(message, CancellationToken.None);
        }

        var breach = t.Data.Messages.Single(m => m.Type == SlaMessageTypes.Breached);
        await handler.HandleAsync(breach, CancellationToken.None);   // a redelivery

        var sent = sender.Sent;
        Assert.Equal(
            [(SlaNoticeKind.Reminder, NotificationAudience.Agency, "agency-env"),
             (SlaNoticeKind.Breached, NotificationAudience.Centre, null),
             (SlaNoticeKind.Breached, NotificationAudience.Agency, "agency-env"),
             (SlaNoticeKind.Breached, NotificationAudience.Leaders, null),
             (SlaNoticeKind.LongOverdue, NotificationAudience.Centre, null)],
            sent.Take(5).Select(n => (n.SlaNotice!.Value, n.Audience, n.RecipientId)));
        Assert.All(sent, n => Assert.Equal(id, n.ReportId));
        Assert.All(sent, n => Assert.Equal(deadline, n.Deadline));
        Assert.All(sent, n => Assert.Null(n.Trigger));
        Assert.Equal(5, sent.Take(5).Select(n => n.Id).Distinct().Count());
        Assert.Equal(sent.Skip(1).Take(3).Select(n => n.Id), sent.Skip(5).Select(n => n.Id));
    }

    [Fact]
    public void Options_are_checked_at_start_up()
    {
        var options = new FieldReportsOptions();
        Assert.True(new FieldReportsOptionsValidator().Validate(null, options).Succeeded);

        options.SlaMonitor.Interval = TimeSpan.FromMinutes(10);
        options.SlaMonitor.ReminderLead = TimeSpan.Zero;
        options.SlaMonitor.PageSize = 501;
        var result = new FieldReportsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("FieldReports:SlaMonitor:LeaseDuration", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("FieldReports:SlaMonitor:ReminderLead", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("FieldReports:SlaMonitor:PageSize", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Of_two_instances_sharing_a_lease_one_runs_the_passes_until_it_stops()
    {
        var t = Create();
        var id = await t.SubmitAsync();
        var leases = new InMemoryLeaseStore();
        var options = t.Provider.GetRequiredService<IOptions<FieldReportsOptions>>();
        var first = new SlaMonitorService(t.Monitor, leases, t.Clock, options, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var second = new SlaMonitorService(t.Monitor, leases, t.Clock, options, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        t.Clock.Reset(t.Data.Deadline(id)!.Value - Duration.FromMinutes(30));

        await first.RunOnceAsync(options.Value.SlaMonitor, CancellationToken.None);
        await second.RunOnceAsync(options.Value.SlaMonitor, CancellationToken.None);
        Assert.Single(t.Data.Messages);
        Assert.Equal(1, t.Data.PageReads);

        // The first instance dies without releasing; the second takes over when the lease runs out.
        t.Clock.Advance(Duration.FromMinutes(4));
        await second.RunOnceAsync(options.Value.SlaMonitor, CancellationToken.None);
        Assert.Equal(1, t.Data.PageReads);
        t.Clock.Advance(Duration.FromMinutes(1));
        await second.RunOnceAsync(options.Value.SlaMonitor, CancellationToken.None);
        Assert.Equal(2, t.Data.PageReads);
    }

    private static Report TestReportPublished() => SeedProvinces.Published("ca-mau", MondayMorning, "agency-env");

    private static TestHost Create(Action<SlaMonitorOptions>? configure = null)
    {
        var clock = new FakeClock(MondayMorning);
        var data = new InMemoryReportData();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddMetrics();
        services.AddSingleton<IReportStore>(data);
        services.AddSingleton<IReportQueries>(data);
        services.AddSingleton<IOutboxStore>(data);
        services.AddFieldReports(o => configure?.Invoke(o.SlaMonitor)).AddProvince("ca-mau", p =>
        {
            p.DisplayName = "Cà Mau";
            p.Fields.Add(new FieldOptions { Code = "environment", NameVi = "Môi trường" });
            p.Agencies.Add(new AgencyOptions { Id = "agency-env", Name = "Sở Tài nguyên và Môi trường" });
        }).AddSlaMonitor();
        var provider = services.BuildServiceProvider();
        return new TestHost(provider, clock, data);
    }

    private sealed record TestHost(ServiceProvider Provider, FakeClock Clock, InMemoryReportData Data)
    {
        public SlaMonitor Monitor => Provider.GetRequiredService<SlaMonitor>();

        /// <summary>Records one of the core's instruments, as created in this host's meter factory only.</summary>
        public MetricCollector<long> Collect(string instrument) =>
            new(Provider.GetRequiredService<IMeterFactory>(), FieldReportsMetrics.MeterName, instrument);

        public async Task<ReportId> SubmitAsync()
        {
            var outcome = await Provider.GetRequiredService<ReportService>().SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), null, CancellationToken.None);
            Assert.True(outcome.IsSuccess, outcome.Error?.ToString());
            return outcome.Report!.Id;
        }

        public async Task ActAsync(ReportId id, ReportCommand command, Actor actor)
        {
            var outcome = await Provider.GetRequiredService<ReportService>().ApplyAsync("ca-mau", id, command, actor, CancellationToken.None);
            Assert.True(outcome.IsSuccess, outcome.Error?.ToString());
        }

        public Task<int> PassAtAsync(Instant now)
        {
            Clock.Reset(now);
            return Monitor.RunPassAsync(now, CancellationToken.None);
        }
    }

    private sealed class RecordingSender : INotificationSender
    {
        public List<Notification> Sent { get; } = [];

        public Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            Sent.Add(notification);
            return Task.CompletedTask;
        }
    }

    /// <summary>Reports, their deadlines and the outbox, in memory: the store, the deadline watch and the deduplicating outbox.</summary>
    private sealed class InMemoryReportData : IReportStore, IReportQueries, IOutboxStore
    {
        private readonly Dictionary<ReportId, (Report Report, Instant? Deadline)> _reports = [];

        public int PageReads { get; private set; }

        public List<OutboxMessage> Messages { get; } = [];

        public Instant? Deadline(ReportId id) => _reports[id].Deadline;

        public void Put(Report report, Instant? deadline) => _reports[report.Id] = (report, deadline);

        public Task<DomainResult> AddAsync(string provinceId, Report report, ReporterContact? contact, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            Put(Report.Restore(report.ToSnapshot()), currentDeadline);
            return Task.FromResult(DomainResult.Success);
        }

        public Task<Report?> FindAsync(string provinceId, ReportId id, CancellationToken cancellationToken) =>
            Task.FromResult(_reports.TryGetValue(id, out var r) ? Report.Restore(r.Report.ToSnapshot()) : null);

        public Task<DomainResult> SaveAsync(string provinceId, Report report, int expectedVersion, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            Put(Report.Restore(report.ToSnapshot()), currentDeadline);
            return Task.FromResult(DomainResult.Success);
        }

        public Task<ReportPage<ReportSummary>> GetDeadlineWatchPageAsync(string provinceId, Instant deadlineBefore, string? cursor, int pageSize, CancellationToken cancellationToken)
        {
            PageReads++;
            var all = _reports.Values
                .Where(r => r.Report.ProvinceId == provinceId && r.Deadline < deadlineBefore && !ReportWorkflow.TerminalStates.Contains(r.Report.State))
                .OrderBy(r => r.Deadline).ThenBy(r => r.Report.Id.Value)
                .Select(r => new ReportSummary
                {
                    Id = r.Report.Id,
                    State = r.Report.State,
                    AssignedAgencyId = r.Report.AssignedAgencyId,
                    IsUrgent = r.Report.IsUrgent,
                    SubmittedAt = r.Report.Events[0].OccurredAt,
                    CurrentDeadline = r.Deadline,
                    Version = r.Report.Version,
                })
                .ToList();
            var skip = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
            var items = all.Skip(skip).Take(pageSize).ToList();
            var next = skip + pageSize < all.Count ? (skip + pageSize).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new ReportPage<ReportSummary>(items, next));
        }

        public Task<IReadOnlyList<OutboxMessage>> AddIfAbsentAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            var added = messages.Where(m => Messages.All(x => x.DedupeKey != m.DedupeKey)).DistinctBy(m => m.DedupeKey).ToList();
            Messages.AddRange(added);
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(added);
        }

        public Task<IReadOnlyList<ReportSummary>> GetAgencyQueueAsync(string provinceId, string agencyId, int offset, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ReportSummary>> GetCentreQueueAsync(string provinceId, int offset, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ReportSummary>> GetDeadlineWatchAsync(string provinceId, Instant deadlineBefore, string? agencyId, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReportPage<PublishedReport>> GetPublishedAsync(string provinceId, PublishedReportFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ReportStatisticsRow>> GetStatisticsAsync(string provinceId, ReportStatisticsQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReportPage<ReportSummary>> GetReporterReportsAsync(string provinceId, string reporterAccountId, string? cursor, int pageSize, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
