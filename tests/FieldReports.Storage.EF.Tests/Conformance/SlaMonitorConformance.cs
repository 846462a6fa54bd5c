using System.Text.Json;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Sla;
using FieldReports.Storage.EF.Model;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>The SLA monitor on a shared database: the deadline watch in SQL, and every message exactly once across instances.</summary>
public abstract class SlaMonitorConformance : StorageTestBase
{
    private Instant Now => Clock.GetCurrentInstant();

    [StorageFact]
    public async Task Deadline_watch_pages_walk_every_open_report_in_deadline_order()
    {
        var expected = new List<ReportId>();
        for (var i = 0; i < 23; i++)
        {
            var report = TestReports.Submitted(Now).Receive(Now).Assign(Now);
            // Some deadlines tie, so that paging relies on the id as well.
            await AddAsync(report, Now + Duration.FromMinutes(i / 3));
            expected.Add(report.Id);
        }

        await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now), Now + Duration.FromHours(2));   // after the bound
        await AddAsync(TestReports.Submitted(Now, province: "camau").Receive(Now).Assign(Now), Now);         // another province
        var read = new List<ReportSummary>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Queries.GetDeadlineWatchPageAsync(TestReports.Province, Now + Duration.FromHours(1), cursor, 5, default);
            read.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(5, pages);
        Assert.Equal(expected.Select(id => id.Value).Order(), read.Select(r => r.Id.Value).Order());
        Assert.Equal(read.OrderBy(r => r.CurrentDeadline).Select(r => r.CurrentDeadline), read.Select(r => r.CurrentDeadline));
        await Assert.ThrowsAsync<ArgumentException>(() => Queries.GetDeadlineWatchPageAsync(TestReports.Province, Now, "not-a-cursor", 5, default));
    }

    [StorageFact]
    public async Task Two_instances_running_passes_concurrently_emit_every_message_exactly_once()
    {
        var reminderAgency = await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now, "agency-7"), Now + Duration.FromMinutes(30));
        var reminderCentre = await AddAsync(TestReports.Submitted(Now), Now + Duration.FromMinutes(10));
        var longOverdue = await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now), Now - Duration.FromDays(2));
        await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now), Now + Duration.FromHours(2));          // not yet
        await AddAsync(TestReports.Published(Now), Now - Duration.FromHours(3));                                    // in no step
        var breached = new List<Report>();
        for (var i = 0; i < 30; i++)
        {
            breached.Add(await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now, $"agency-{i % 3}"), Now - Duration.FromMinutes(i + 1)));
        }

        var monitors = Enumerable.Range(0, 2)
            .Select(_ => NewServices(configure: s => s.Configure<FieldReportsOptions>(o => o.SlaMonitor.PageSize = 7)).GetRequiredService<SlaMonitor>())
            .ToList();
        var written = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => monitors[i % 2].RunPassAsync(Now, default))));

        await using var db = NewContext();
        var rows = await db.Set<OutboxMessageRow>().AsNoTracking().ToListAsync();
        Assert.Equal(rows.Count, written.Sum());
        Assert.Equal(rows.Count, rows.Select(r => r.DedupeKey).Distinct().Count());
        Assert.Equal(2, rows.Count(r => r.Type == SlaMessageTypes.Reminder));
        Assert.Equal(31, rows.Count(r => r.Type == SlaMessageTypes.Breached));
        Assert.Equal(longOverdue.Id.ToString(), Payload(Assert.Single(rows, r => r.Type == SlaMessageTypes.LongOverdue)).GetProperty("reportId").GetString());
        Assert.Equal("agency-7", Payload(rows.Single(r => r.Type == SlaMessageTypes.Reminder && Payload(r).GetProperty("reportId").GetString() == reminderAgency.Id.ToString())).GetProperty("agencyId").GetString());
        Assert.Equal(JsonValueKind.Null, Payload(rows.Single(r => r.Type == SlaMessageTypes.Reminder && Payload(r).GetProperty("reportId").GetString() == reminderCentre.Id.ToString())).GetProperty("agencyId").ValueKind);
        Assert.Equal(breached.Select(r => r.Id.ToString()).Append(longOverdue.Id.ToString()).Order(), rows.Where(r => r.Type == SlaMessageTypes.Breached).Select(r => Payload(r).GetProperty("reportId").GetString()).Order());

        // Later passes write nothing new for the same steps, and the dispatcher delivers each message once.
        Assert.Equal(0, await monitors[0].RunPassAsync(Now + Duration.FromMinutes(1), default));
        while (await Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default) > 0)
        {
        }

        Assert.Equal(rows.Count, Handler.Delivered.Count);
        Assert.All(Handler.Delivered, m => Assert.False(string.IsNullOrEmpty(m.DedupeKey)));
    }

    [StorageFact]
    public async Task Outbox_store_adds_a_key_once_and_reports_what_it_added()
    {
        var outbox = Services.GetRequiredService<IOutboxStore>();
        var a = OutboxMessage.Create(TestReports.Province, "sla.reminder", "{}", Now) with { DedupeKey = "a" };
        var b = OutboxMessage.Create(TestReports.Province, "sla.reminder", "{}", Now) with { DedupeKey = "b" };

        Assert.Equal([a], await outbox.AddIfAbsentAsync([a], default));
        Assert.Equal([b], await outbox.AddIfAbsentAsync([a with { Id = Guid.NewGuid() }, b, b with { Id = Guid.NewGuid() }], default));
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.AddIfAbsentAsync([OutboxMessage.Create(TestReports.Province, "x", "{}", Now)], default));
        await using var db = NewContext();
        Assert.Equal(2, await db.Set<OutboxMessageRow>().CountAsync());
    }

    private async Task<Report> AddAsync(Report report, Instant deadline)
    {
        Assert.True((await Store.AddAsync(report.ProvinceId, report, null, deadline, [], default)).IsSuccess);
        return report;
    }

    private static JsonElement Payload(OutboxMessageRow row) => JsonDocument.Parse(row.PayloadJson).RootElement;
}
