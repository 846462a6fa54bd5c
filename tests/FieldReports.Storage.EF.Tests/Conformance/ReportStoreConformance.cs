using FieldReports.Reports;
using FieldReports.Storage.EF.Model;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>What every <see cref="IReportStore"/> must do, whatever the database.</summary>
public abstract class ReportStoreConformance : StorageTestBase
{
    private static readonly OutboxMessage[] NoMessages = [];

    [StorageFact]
    public async Task Added_report_is_found_with_its_content_state_and_trail()
    {
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at, urgent: true).Receive(at + Duration.FromMinutes(5)).Assign(at + Duration.FromMinutes(10));
        var deadline = at + Duration.FromHours(4);
        Assert.True((await Store.AddAsync(TestReports.Province, report, new ReporterContact { Name = "Nguyễn Văn A", Phone = "+84912345678" }, deadline, NoMessages, default)).IsSuccess);

        var found = await Store.FindAsync(TestReports.Province, report.Id, default);

        Assert.NotNull(found);
        Same.Report(report, found!);
        Assert.Equal(3, found!.Version);
        var summary = Assert.Single(await Queries.GetAgencyQueueAsync(TestReports.Province, "agency-1", 0, 10, default));
        Assert.Equal(deadline, summary.CurrentDeadline);
    }

    [StorageFact]
    public async Task Report_and_its_attachment_rows_are_written_together_or_not_at_all()
    {
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at);
        AttachmentMetadata File(string id, ReportId of) => new()
        {
            Id = id, ProvinceId = TestReports.Province, ReportId = of, FileName = "anh.jpg", ContentType = "image/jpeg", Length = 10, StorageKey = "k-" + id, CreatedAt = at,
        };
        var attachments = Services.GetRequiredService<IAttachmentStore>();

        Assert.True((await Store.AddAsync(TestReports.Province, report, null, null, NoMessages, [File("a-1", report.Id), File("a-2", report.Id)], default)).IsSuccess);
        var second = TestReports.Submitted(at);
        var refused = await Store.AddAsync(TestReports.Province, second, null, null, NoMessages, [File("a-3", second.Id), File("a-1", second.Id)], default);

        Assert.Equal(["a-1", "a-2"], (await attachments.ListForReportAsync(TestReports.Province, report.Id, default)).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(ErrorCodes.ConcurrencyConflict, refused.Error?.Code);
        Assert.Null(await Store.FindAsync(TestReports.Province, second.Id, default));
        Assert.Null(await attachments.FindAsync(TestReports.Province, "a-3", default));
    }

    [StorageFact]
    public async Task Report_of_another_province_is_neither_found_nor_written()
    {
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at);
        await Store.AddAsync(TestReports.Province, report, null, null, NoMessages, default);

        Assert.Null(await Store.FindAsync("camau", report.Id, default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync("camau", report, 1, null, NoMessages, default));
        var foreign = OutboxMessage.Create("camau", "report.received", "{}", at);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(TestReports.Province, report, 1, null, [foreign], default));
    }

    [StorageFact]
    public async Task Save_appends_new_events_and_never_rewrites_old_ones()
    {
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at);
        await Store.AddAsync(TestReports.Province, report, null, null, NoMessages, default);
        var before = await ReadEventRowsAsync(report.Id);

        var loaded = (await Store.FindAsync(TestReports.Province, report.Id, default))!;
        loaded.Receive(at + Duration.FromMinutes(1)).Assign(at + Duration.FromMinutes(2));
        Assert.True((await Store.SaveAsync(TestReports.Province, loaded, 1, at + Duration.FromHours(4), NoMessages, default)).IsSuccess);

        var after = await ReadEventRowsAsync(report.Id);
        Assert.Equal(3, after.Count);
        Assert.Equivalent(before[0], after[0], strict: true);
        var reloaded = (await Store.FindAsync(TestReports.Province, report.Id, default))!;
        Assert.Equal(ReportState.Assigned, reloaded.State);
        Assert.Equal("agency-1", reloaded.AssignedAgencyId);
        Same.Events(loaded.Events, reloaded.Events);
    }

    [StorageFact]
    public async Task Stale_version_is_a_concurrency_conflict_and_writes_nothing()
    {
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at);
        await Store.AddAsync(TestReports.Province, report, null, null, NoMessages, default);
        var first = (await Store.FindAsync(TestReports.Province, report.Id, default))!;
        var second = (await Store.FindAsync(TestReports.Province, report.Id, default))!;
        first.Receive(at + Duration.FromMinutes(1), "roads");
        second.Receive(at + Duration.FromMinutes(1), "environment");
        Assert.True((await Store.SaveAsync(TestReports.Province, first, 1, null, NoMessages, default)).IsSuccess);

        var message = OutboxMessage.Create(TestReports.Province, "report.received", "{}", at);
        var result = await Store.SaveAsync(TestReports.Province, second, 1, null, [message], default);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, result.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
        var stored = (await Store.FindAsync(TestReports.Province, report.Id, default))!;
        Assert.Equal("roads", stored.FieldCode);
        Assert.Equal(2, stored.Version);
        await using var db = NewContext();
        Assert.False(await db.Set<OutboxMessageRow>().AnyAsync());
    }

    [StorageFact]
    public async Task A_report_of_an_account_nobody_moderated_is_stored_with_every_row_by_the_add_that_checks_the_account()
    {
        var at = Clock.GetCurrentInstant();
        // A record of the same account id in another province does not count.
        await RecordViolationAsync("camau", "citizen-1", at);
        var report = TestReports.Submitted(at);
        var message = OutboxMessage.Create(TestReports.Province, "report.submit", "{}", at);

        var stored = await Store.AddUnlessAccountModeratedAsync(TestReports.Province, report, new ReporterContact { Name = "Nguyễn Văn A" }, at + Duration.FromHours(2), [message], [File("a-1", report.Id, at)], default);

        Assert.True(stored?.IsSuccess, stored?.Error?.ToString() ?? "nothing stored");
        Same.Report(report, (await Store.FindAsync(TestReports.Province, report.Id, default))!);
        Assert.Equal("Nguyễn Văn A", (await ReporterData.FindContactAsync(TestReports.Province, report.Id, default))?.Name);
        Assert.NotNull(await Services.GetRequiredService<IAttachmentStore>().FindAsync(TestReports.Province, "a-1", default));
        await using var db = NewContext();
        Assert.Equal(message.Id, (await db.Set<OutboxMessageRow>().SingleAsync()).Id);
    }

    [StorageFact]
    public async Task A_report_of_a_moderated_account_is_not_stored_at_all_by_the_add_that_checks_the_account()
    {
        var at = Clock.GetCurrentInstant();
        await RecordViolationAsync(TestReports.Province, "citizen-2", at);
        var report = TestReports.Submitted(at, reporter: "citizen-2");
        var message = OutboxMessage.Create(TestReports.Province, "report.submit", "{}", at);

        var stored = await Store.AddUnlessAccountModeratedAsync(TestReports.Province, report, new ReporterContact { Name = "Trần Thị B" }, at, [message], [File("a-2", report.Id, at)], default);

        Assert.Null(stored);
        Assert.Null(await Store.FindAsync(TestReports.Province, report.Id, default));
        Assert.Null(await ReporterData.FindContactAsync(TestReports.Province, report.Id, default));
        Assert.Null(await Services.GetRequiredService<IAttachmentStore>().FindAsync(TestReports.Province, "a-2", default));
        await using (var db = NewContext())
        {
            Assert.Equal(0, await db.Set<ReportEventRow>().CountAsync(e => e.ReportId == report.Id.Value));
            Assert.False(await db.Set<OutboxMessageRow>().AnyAsync());
        }

        // Once the caller has checked the record, the plain add stores the very same report.
        Assert.True((await Store.AddAsync(TestReports.Province, report, null, null, [message], [File("a-2", report.Id, at)], default)).IsSuccess);
        Assert.NotNull(await Store.FindAsync(TestReports.Province, report.Id, default));
    }

    [StorageFact]
    public async Task The_add_that_checks_the_account_reports_an_existing_id_as_a_concurrency_conflict()
    {
        var report = TestReports.Submitted(Clock.GetCurrentInstant());
        await Store.AddAsync(TestReports.Province, report, null, null, NoMessages, default);

        var result = await Store.AddUnlessAccountModeratedAsync(TestReports.Province, report, null, null, NoMessages, [], default);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, result?.Error?.Code);
    }

    private static AttachmentMetadata File(string id, ReportId of, Instant at) => new()
    {
        Id = id, ProvinceId = TestReports.Province, ReportId = of, FileName = "anh.jpg", ContentType = "image/jpeg", Length = 10, StorageKey = "k-" + id, CreatedAt = at,
    };

    private async Task RecordViolationAsync(string provinceId, string accountId, Instant at)
    {
        var moderation = Services.GetRequiredService<IAccountModerationStore>();
        var account = await moderation.LoadAsync(provinceId, accountId, default);
        var profile = TestProvinces.Load(provinceId);
        Assert.True(account.RecordViolation(profile, Moderation.ViolationKind.AbusiveReport, Actor.Reception("reception-1"), at).Result.IsSuccess);
        Assert.True((await moderation.SaveAsync(provinceId, account, 0, default)).IsSuccess);
    }

    [StorageFact]
    public async Task Adding_an_existing_id_is_a_concurrency_conflict()
    {
        var report = TestReports.Submitted(Clock.GetCurrentInstant());
        await Store.AddAsync(TestReports.Province, report, null, null, NoMessages, default);

        var result = await Store.AddAsync(TestReports.Province, report, null, null, NoMessages, default);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, result.Error?.Code);
    }

    [StorageFact]
    public async Task A_new_report_whose_last_row_fails_is_not_stored_at_all_and_the_failure_reaches_the_caller()
    {
        var at = Clock.GetCurrentInstant();
        var message = OutboxMessage.Create(TestReports.Province, "report.submit", "{}", at);
        Assert.True((await Store.AddAsync(TestReports.Province, TestReports.Submitted(at), null, null, [message], default)).IsSuccess);

        // The report, its event and its contact are written before the outbox message, whose id is taken: not a report
        // that exists, so neither a conflict nor a partial write.
        var second = TestReports.Submitted(at, reporter: "citizen-2");
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            Store.AddAsync(TestReports.Province, second, new ReporterContact { Name = "Trần Thị B", Phone = "+84987654321" }, at, [message], default));

        Assert.Null(await Store.FindAsync(TestReports.Province, second.Id, default));
        Assert.Null(await ReporterData.FindContactAsync(TestReports.Province, second.Id, default));
        await using var db = NewContext();
        Assert.Equal(0, await db.Set<ReportEventRow>().CountAsync(e => e.ReportId == second.Id.Value));

        // The store is usable at once (no lock or transaction left behind).
        Assert.True((await Store.AddAsync(TestReports.Province, second, null, null, NoMessages, default)).IsSuccess);
    }

    [StorageFact]
    public async Task Many_parallel_conflicting_transitions_exactly_one_wins_and_nothing_is_half_written()
    {
        const int writers = 12;
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at);
        await Store.AddAsync(TestReports.Province, report, null, null, NoMessages, default);
        // Every writer reads the report, then all save at once, each through its own service provider and DbContext.
        var contenders = new List<(IReportStore Store, Report Report)>();
        for (var i = 0; i < writers; i++)
        {
            var store = NewServices().GetRequiredService<IReportStore>();
            var copy = (await store.FindAsync(TestReports.Province, report.Id, default))!;
            copy.Receive(at + Duration.FromMinutes(1), "field-" + i);
            contenders.Add((store, copy));
        }

        using var start = new ManualResetEventSlim();
        var tasks = contenders.Select((c, i) => Task.Run(async () =>
        {
            start.Wait();
            var message = OutboxMessage.Create(TestReports.Province, "report.received", $"{{\"writer\":{i}}}", at);
            return await c.Store.SaveAsync(TestReports.Province, c.Report, 1, at + Duration.FromHours(2), [message], default);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(1, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorCodes.ConcurrencyConflict, r.Error!.Code));
        var winner = results.ToList().FindIndex(r => r.IsSuccess);
        var stored = (await Store.FindAsync(TestReports.Province, report.Id, default))!;
        Assert.Equal("field-" + winner, stored.FieldCode);
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, (await ReadEventRowsAsync(report.Id)).Count);
        await using var db = NewContext();
        var message = Assert.Single(await db.Set<OutboxMessageRow>().ToListAsync());
        Assert.Equal($"{{\"writer\":{winner}}}", message.PayloadJson);
    }

    [StorageFact]
    public async Task Outbox_messages_are_stored_with_the_change()
    {
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at);
        var submitted = OutboxMessage.Create(TestReports.Province, "report.submitted", "{\"n\":1}", at);
        await Store.AddAsync(TestReports.Province, report, null, null, [submitted], default);
        report.Receive(at);
        var received = OutboxMessage.Create(TestReports.Province, "report.received", "{\"n\":2}", at);
        await Store.SaveAsync(TestReports.Province, report, 1, null, [received], default);

        await using var db = NewContext();
        var types = await db.Set<OutboxMessageRow>().OrderBy(m => m.Type).Select(m => m.Type).ToListAsync();
        Assert.Equal(["report.received", "report.submitted"], types);
    }

    private async Task<List<ReportEventRow>> ReadEventRowsAsync(ReportId id)
    {
        await using var db = NewContext();
        return await db.Set<ReportEventRow>().AsNoTracking().Where(e => e.ReportId == id.Value).OrderBy(e => e.Sequence).ToListAsync();
    }
}
