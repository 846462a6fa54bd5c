using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>Accounts' moderation records: violations and decisions kept append-only, under optimistic concurrency.</summary>
public abstract class ModerationConformance : StorageTestBase
{
    private static readonly ProvinceProfile Hue = TestProvinces.Load();

    private static readonly Actor Staff = Actor.Reception("reception-1");

    private IAccountModerationStore Moderation => Services.GetRequiredService<IAccountModerationStore>();

    [StorageFact]
    public async Task A_guarded_submission_stores_every_row_for_an_account_without_a_record_and_none_for_one_with_a_record()
    {
        var at = Clock.GetCurrentInstant();
        var attachments = Services.GetRequiredService<IAttachmentStore>();
        var contact = new ReporterContact { Name = "Trần Thị Bình", Phone = "+84912345678", Email = "binh@example.vn" };
        async Task<(Report Report, OutboxMessage Message, AttachmentMetadata Photo, DomainResult? Result)> SubmitAsync(string photoId)
        {
            var report = TestReports.Submitted(at, reporter: "citizen-2");
            var message = OutboxMessage.Create(TestReports.Province, "report.submitted", "{\"report\":1}", at);
            var photo = new AttachmentMetadata
            {
                Id = photoId,
                ProvinceId = TestReports.Province,
                ReportId = report.Id,
                FileName = photoId + ".jpg",
                ContentType = "image/jpeg",
                Length = 123_456,
                Sha256 = new string('b', 64),
                StorageKey = "blobs/" + photoId,
                CreatedAt = at,
            };
            var result = await Store.AddUnlessAccountModeratedAsync(TestReports.Province, report, contact, at + Duration.FromHours(8), [message], [photo], default);
            return (report, message, photo, result);
        }

        async Task<bool> MessageStoredAsync(Guid id)
        {
            await using var db = NewContext();
            return await db.Set<FieldReports.Storage.EF.Model.OutboxMessageRow>().AnyAsync(m => m.Id == id);
        }

        // No record: the report, its first event, the contact, the message and the photo, all in.
        var first = await SubmitAsync("photo-1");
        Assert.True(first.Result?.IsSuccess);
        var stored = await Store.FindAsync(TestReports.Province, first.Report.Id, default);
        Assert.NotNull(stored);
        Same.Report(first.Report, stored);
        Assert.Equal(contact, await ReporterData.FindContactAsync(TestReports.Province, first.Report.Id, default));
        Assert.True(await MessageStoredAsync(first.Message.Id));
        Assert.Equal(first.Photo.Id, (await attachments.FindAsync(TestReports.Province, "photo-1", default))?.Id);

        // A violation gives the account a record: the next submission stores nothing at all.
        var account = await Moderation.LoadAsync(TestReports.Province, "citizen-2", default);
        var version = account.Version;
        account.RecordViolation(Hue, ViolationKind.AbusiveReport, Staff, at, first.Report.Id, null, "Lời lẽ xúc phạm");
        Assert.True((await Moderation.SaveAsync(TestReports.Province, account, version, default)).IsSuccess);

        var second = await SubmitAsync("photo-2");
        Assert.Null(second.Result);
        Assert.Null(await Store.FindAsync(TestReports.Province, second.Report.Id, default));
        Assert.Null(await ReporterData.FindContactAsync(TestReports.Province, second.Report.Id, default));
        Assert.False(await MessageStoredAsync(second.Message.Id));
        Assert.Null(await attachments.FindAsync(TestReports.Province, "photo-2", default));
    }

    [StorageFact]
    public async Task Unknown_account_loads_as_an_empty_record()
    {
        var account = await Moderation.LoadAsync(TestReports.Province, "citizen-1", default);

        Assert.Equal(0, account.Version);
        Assert.Empty(account.Violations);
        Assert.Empty(account.Decisions);
        Assert.False(account.IsLocked(Clock.GetCurrentInstant()));
    }

    [StorageFact]
    public async Task Violations_lock_and_lift_survive_a_restart_with_every_field()
    {
        var at = Clock.GetCurrentInstant();
        var reportId = ReportId.New();
        var interactionId = Guid.CreateVersion7();
        ModerationDecision? imposed = null;
        for (var i = 0; i < 10 && imposed is null; i++)
        {
            var account = await Moderation.LoadAsync(TestReports.Province, "citizen-1", default);
            var version = account.Version;
            (_, imposed) = account.RecordViolation(Hue, ViolationKind.AbusiveReport, Staff, at + Duration.FromMinutes(i), reportId, i == 0 ? interactionId : null, "Lời lẽ xúc phạm");
            Assert.True((await Moderation.SaveAsync(TestReports.Province, account, version, default)).IsSuccess);
        }

        Assert.NotNull(imposed);
        var locked = await Moderation.LoadAsync(TestReports.Province, "citizen-1", default);
        Assert.True(locked.IsLocked(at + Duration.FromHours(1)));
        var lockedVersion = locked.Version;
        Assert.True(locked.Lift(SanctionKind.AccountLock, Actor.Administrator("admin-1"), "Khiếu nại được chấp nhận", at + Duration.FromHours(2)).IsSuccess);
        Assert.True((await Moderation.SaveAsync(TestReports.Province, locked, lockedVersion, default)).IsSuccess);

        // Another host instance, as after a restart.
        var restarted = NewServices().GetRequiredService<IAccountModerationStore>();
        var reloaded = await restarted.LoadAsync(TestReports.Province, "citizen-1", default);

        Assert.Equal(locked.Violations, reloaded.Violations);
        Assert.Equal(locked.Decisions, reloaded.Decisions);
        Assert.Equal(reportId, reloaded.Violations[0].ReportId);
        Assert.Equal(interactionId, reloaded.Violations[0].InteractionId);
        Assert.Equal("Lời lẽ xúc phạm", reloaded.Violations[0].Note);
        Assert.Equal([ModerationDecisionKind.Imposed, ModerationDecisionKind.Lifted], reloaded.Decisions.Select(d => d.Kind));
        Assert.Equal("admin-1", reloaded.Decisions[1].DecidedBy);
        Assert.Equal("Khiếu nại được chấp nhận", reloaded.Decisions[1].Reason);
        Assert.False(reloaded.IsLocked(at + Duration.FromHours(3)));
        Assert.True(reloaded.IsLocked(at + Duration.FromHours(1)));
    }

    [StorageFact]
    public async Task Records_are_kept_apart_per_province()
    {
        var at = Clock.GetCurrentInstant();
        var account = await Moderation.LoadAsync(TestReports.Province, "citizen-1", default);
        account.RecordViolation(Hue, ViolationKind.InteractionRule, Staff, at);
        Assert.True((await Moderation.SaveAsync(TestReports.Province, account, 0, default)).IsSuccess);

        Assert.Equal(0, (await Moderation.LoadAsync("camau", "citizen-1", default)).Version);
        await Assert.ThrowsAsync<ArgumentException>(() => Moderation.SaveAsync("camau", account, 0, default));
    }

    [StorageFact]
    public async Task Stale_save_is_a_conflict_and_writes_nothing()
    {
        var at = Clock.GetCurrentInstant();
        var first = await Moderation.LoadAsync(TestReports.Province, "citizen-1", default);
        var second = await Moderation.LoadAsync(TestReports.Province, "citizen-1", default);
        first.RecordViolation(Hue, ViolationKind.AbusiveReport, Staff, at, note: "first");
        second.RecordViolation(Hue, ViolationKind.AbusiveReport, Actor.Approver("approver-1"), at, note: "second");

        Assert.True((await Moderation.SaveAsync(TestReports.Province, first, 0, default)).IsSuccess);
        var conflict = await Moderation.SaveAsync(TestReports.Province, second, 0, default);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, conflict.Error?.Code);
        Assert.Equal(ErrorKind.Conflict, conflict.Error?.Kind);
        var stored = await Moderation.LoadAsync(TestReports.Province, "citizen-1", default);
        Assert.Equal(["first"], stored.Violations.Select(v => v.Note));
    }

    [StorageFact]
    public async Task Staff_recording_at_once_lose_no_violation_and_the_lock_comes_at_the_threshold()
    {
        var at = Clock.GetCurrentInstant();
        const int staff = 8;
        var saved = 0;
        var conflicts = 0;

        // Each staff member records one violation, retrying on conflict as the API's caller would. All load before anyone
        // saves the first time, so that every first attempt but one is a conflict.
        var loaded = 0;
        var allLoaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Task.WhenAll(Enumerable.Range(0, staff).Select(n => Task.Run(async () =>
        {
            for (var attempt = 0; ; attempt++)
            {
                var account = await Moderation.LoadAsync(TestReports.Province, "citizen-1", default);
                var version = account.Version;
                if (attempt == 0)
                {
                    if (Interlocked.Increment(ref loaded) == staff)
                    {
                        allLoaded.SetResult();
                    }

                    await allLoaded.Task;
                }

                account.RecordViolation(Hue, ViolationKind.AbusiveReport, Actor.Reception($"reception-{n}"), at, note: $"n{n}");
                var result = await Moderation.SaveAsync(TestReports.Province, account, version, default);
                if (result.IsSuccess)
                {
                    Interlocked.Increment(ref saved);
                    return;
                }

                Assert.Equal(ErrorCodes.ConcurrencyConflict, result.Error?.Code);
                Interlocked.Increment(ref conflicts);
            }
        })));

        var stored = await Moderation.LoadAsync(TestReports.Province, "citizen-1", default);
        Assert.Equal(staff, saved);
        Assert.True(conflicts >= staff - 1, $"{conflicts} conflicts");
        Assert.Equal(Enumerable.Range(0, staff).Select(n => $"n{n}").Order(), stored.Violations.Select(v => v.Note).Order());

        // Only one lock: violations recorded while it is in force impose nothing more.
        var decision = Assert.Single(stored.Decisions);
        Assert.Equal(SanctionKind.AccountLock, decision.Sanction);
        Assert.Equal(Hue.AccountLockAt(at).TriggeringCount, decision.ViolationCount);
    }

    [StorageFact]
    public async Task Decisions_of_a_period_are_listed_for_audit()
    {
        var at = Clock.GetCurrentInstant();
        foreach (var (accountId, offset) in new[] { ("citizen-1", 0), ("citizen-2", 10) })
        {
            var account = await Moderation.LoadAsync(TestReports.Province, accountId, default);
            for (var i = 0; i < 3; i++)
            {
                account.RecordViolation(Hue, ViolationKind.AbusiveReport, Staff, at + Duration.FromMinutes(offset + i));
            }

            Assert.True((await Moderation.SaveAsync(TestReports.Province, account, 0, default)).IsSuccess);
        }

        var all = await Moderation.ListDecisionsAsync(TestReports.Province, at, at + Duration.FromDays(1), default);
        var later = await Moderation.ListDecisionsAsync(TestReports.Province, at + Duration.FromMinutes(5), at + Duration.FromDays(1), default);

        Assert.Equal(["citizen-1", "citizen-2"], all.Select(d => d.Key));
        Assert.All(all, d => Assert.Equal("reception-1", d.Value.DecidedBy));
        Assert.Equal(["citizen-2"], later.Select(d => d.Key));
        Assert.Empty(await Moderation.ListDecisionsAsync("camau", at, at + Duration.FromDays(1), default));
    }
}
