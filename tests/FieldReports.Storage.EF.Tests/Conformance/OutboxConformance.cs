using FieldReports.Storage.EF.Model;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>The transactional outbox: at-least-once delivery with retries and back-off.</summary>
public abstract class OutboxConformance : StorageTestBase
{
    private OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    [StorageFact]
    public async Task Message_committed_with_a_change_is_delivered_once_and_marked()
    {
        var message = await CommitChangeWithMessageAsync();

        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(default));

        var delivered = Assert.Single(Handler.Delivered);
        Assert.Equal(message.Id, delivered.Id);
        Assert.Equal("{\"report\":1}", delivered.PayloadJson);
        Assert.Equal(1, delivered.Attempts);
        var row = await RowAsync(message.Id);
        Assert.Equal(Clock.GetCurrentInstant(), row.DeliveredAt);
        Assert.Null(row.LockId);
    }

    [StorageFact]
    public async Task Crash_between_commit_and_delivery_still_delivers_after_restart()
    {
        // The host commits the change and dies before any dispatcher runs.
        var message = await CommitChangeWithMessageAsync();

        // A new host instance (new service provider, new connections) starts its dispatcher.
        var restarted = new RecordingHandler();
        var dispatcher = NewServices(restarted).GetRequiredService<OutboxDispatcher>();
        Assert.Equal(1, await dispatcher.DispatchDueAsync(default));

        Assert.Equal(message.Id, Assert.Single(restarted.Delivered).Id);
    }

    [StorageFact]
    public async Task Crash_during_delivery_redelivers_once_the_lease_has_run_out()
    {
        var message = await CommitChangeWithMessageAsync();
        // The first dispatcher claims the message and dies while its handler runs.
        var dying = new RecordingHandler { OnHandle = (_, _) => throw new OperationCanceledException("process killed") };
        using var killed = new CancellationTokenSource();
        dying.OnHandle = async (_, _) =>
        {
            await killed.CancelAsync();
            killed.Token.ThrowIfCancellationRequested();
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewServices(dying).GetRequiredService<OutboxDispatcher>().DispatchDueAsync(killed.Token));

        var survivor = NewServices(new RecordingHandler()).GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, await survivor.DispatchDueAsync(default)); // still leased
        Clock.Advance(Duration.FromMinutes(5));
        Assert.Equal(1, await survivor.DispatchDueAsync(default));

        var row = await RowAsync(message.Id);
        Assert.NotNull(row.DeliveredAt);
        Assert.Equal(2, row.Attempts);
    }

    [StorageFact]
    public async Task Failed_delivery_is_retried_with_exponential_back_off()
    {
        var message = await CommitChangeWithMessageAsync();
        var failures = 3;
        Handler.OnHandle = (_, _) => failures-- > 0 ? throw new InvalidOperationException("SMTP server unavailable") : Task.CompletedTask;
        var start = Clock.GetCurrentInstant();

        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));
        var row = await RowAsync(message.Id);
        Assert.Equal(start + Duration.FromSeconds(10), row.NextAttemptAt);
        Assert.Contains("SMTP server unavailable", row.LastError, StringComparison.Ordinal);

        Clock.Advance(Duration.FromSeconds(9));
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(default));
        Clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));
        Assert.Equal(Clock.GetCurrentInstant() + Duration.FromSeconds(20), (await RowAsync(message.Id)).NextAttemptAt);
        Clock.Advance(Duration.FromSeconds(20));
        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));
        Assert.Equal(Clock.GetCurrentInstant() + Duration.FromSeconds(40), (await RowAsync(message.Id)).NextAttemptAt);
        Clock.Advance(Duration.FromSeconds(40));
        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));

        row = await RowAsync(message.Id);
        Assert.NotNull(row.DeliveredAt);
        Assert.Equal(4, row.Attempts);
        Assert.Null(row.LastError);
        Assert.Single(Handler.Delivered);
    }

    [StorageFact]
    public async Task Two_dispatchers_never_deliver_one_message_twice()
    {
        const int count = 60;
        var at = Clock.GetCurrentInstant();
        for (var i = 0; i < count; i++)
        {
            var report = TestReports.Submitted(at);
            await Store.AddAsync(TestReports.Province, report, null, null, [OutboxMessage.Create(TestReports.Province, "report.submitted", $"{{\"i\":{i}}}", at)], default);
        }

        // One handler shared by both instances, so that it sees any overlap between them.
        Handler.OnHandle = (_, ct) => Task.Delay(2, ct);
        var dispatchers = Enumerable.Range(0, 2).Select(_ => NewServices(Handler, o => o.BatchSize = 5).GetRequiredService<OutboxDispatcher>()).ToList();

        await Task.WhenAll(dispatchers.Select(d => Task.Run(async () =>
        {
            while (await d.DispatchDueAsync(default) > 0)
            {
            }
        })));
        // A dispatcher may stop early when the other holds the remaining messages; finish what is left.
        while (await Dispatcher.DispatchDueAsync(default) > 0)
        {
        }

        Assert.Empty(Handler.Overlaps);
        Assert.Equal(count, Handler.Delivered.Count);
        Assert.Equal(count, Handler.Delivered.Select(m => m.Id).Distinct().Count());
        await using var db = NewContext();
        Assert.Equal(count, await db.Set<OutboxMessageRow>().CountAsync(m => m.DeliveredAt != null && m.Attempts == 1));
    }

    [StorageFact]
    public async Task A_batch_handler_gets_a_pass_s_messages_in_one_call_and_every_one_is_marked_delivered()
    {
        var messages = await CommitMessagesAsync(7);
        var handler = new RecordingBatchHandler();
        var dispatcher = NewServices(handler, o => o.BatchSize = 5).GetRequiredService<OutboxDispatcher>();

        Assert.Equal(5, await dispatcher.DispatchDueAsync(default));
        Assert.Equal(2, await dispatcher.DispatchDueAsync(default));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(default));

        // Oldest first, in two calls, none of them one by one.
        Assert.Equal([messages.Take(5).Select(m => m.Id).ToList(), messages.Skip(5).Select(m => m.Id).ToList()], handler.Batches.Select(b => b.ToList()));
        Assert.Empty(handler.OneByOne.Delivered);
        foreach (var message in messages)
        {
            var row = await RowAsync(message.Id);
            Assert.Equal(Clock.GetCurrentInstant(), row.DeliveredAt);
            Assert.Null(row.LockId);
            Assert.Equal(1, row.Attempts);
        }
    }

    [StorageFact]
    public async Task A_failing_batch_is_delivered_one_by_one_so_that_only_the_failing_message_waits_for_its_retry()
    {
        var messages = await CommitMessagesAsync(4);
        var poisoned = messages[1].Id;
        var handler = new RecordingBatchHandler { OnBatch = (_, _) => throw new InvalidOperationException("inbox unavailable") };
        handler.OneByOne.OnHandle = (m, _) => m.Id == poisoned ? throw new InvalidOperationException("bad payload") : Task.CompletedTask;
        var dispatcher = NewServices(handler).GetRequiredService<OutboxDispatcher>();

        Assert.Equal(4, await dispatcher.DispatchDueAsync(default));

        Assert.Empty(handler.Batches);
        Assert.Equal(messages.Where(m => m.Id != poisoned).Select(m => m.Id), handler.OneByOne.Delivered.Select(m => m.Id));
        foreach (var message in messages.Where(m => m.Id != poisoned))
        {
            Assert.NotNull((await RowAsync(message.Id)).DeliveredAt);
        }

        var failed = await RowAsync(poisoned);
        Assert.Null(failed.DeliveredAt);
        Assert.Null(failed.LockId);
        Assert.Equal(Clock.GetCurrentInstant() + Duration.FromSeconds(10), failed.NextAttemptAt);
        Assert.Contains("bad payload", failed.LastError, StringComparison.Ordinal);

        // Its retry, alone in its pass, goes through the single-message path.
        handler.OneByOne.OnHandle = null;
        Clock.Advance(Duration.FromSeconds(10));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(default));
        Assert.NotNull((await RowAsync(poisoned)).DeliveredAt);
        Assert.Empty(handler.Batches);
    }

    [StorageFact]
    public async Task A_batch_that_outlasts_its_lease_is_left_for_the_next_claim_not_delivered_again_at_once()
    {
        var messages = await CommitMessagesAsync(3);
        var handler = new RecordingBatchHandler();
        handler.OnBatch = async (_, ct) =>
        {
            // The lease runs out while the batch is under way (a slow inbox); the handler stops when told.
            await Task.Delay(Timeout.Infinite, ct);
        };
        var dispatcher = NewServices(handler, o => o.Lease = Duration.FromMilliseconds(200)).GetRequiredService<OutboxDispatcher>();

        Assert.Equal(3, await dispatcher.DispatchDueAsync(default));

        Assert.Empty(handler.OneByOne.Delivered);
        foreach (var message in messages)
        {
            var row = await RowAsync(message.Id);
            Assert.Null(row.DeliveredAt);
            Assert.NotNull(row.LockId);
        }

        // Due again once the lease has run out, for whichever dispatcher claims them.
        handler.OnBatch = null;
        Clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(3, await dispatcher.DispatchDueAsync(default));
        Assert.All(messages, m => Assert.Contains(handler.Batches, b => b.Contains(m.Id)));
        Assert.Equal(2, (await RowAsync(messages[0].Id)).Attempts);
    }

    [StorageFact]
    public async Task While_a_dispatcher_runs_the_messages_its_process_commits_are_written_claimed_and_delivered_without_a_poll()
    {
        // Polling once an hour: only the hand-off can deliver within the test.
        var handler = HeldHandler(out var entered, out var release);
        var services = NewServices(handler, o => o.PollingInterval = Duration.FromHours(1));
        using var stop = new CancellationTokenSource();
        var running = services.GetRequiredService<OutboxDispatcher>().RunAsync(stop.Token);
        try
        {
            // A submission and a transition, each with its message, through the same process's store.
            var store = services.GetRequiredService<IReportStore>();
            var at = Clock.GetCurrentInstant();
            var report = TestReports.Submitted(at);
            var submitted = OutboxMessage.Create(TestReports.Province, "report.submitted", "{\"report\":1}", at);
            Assert.True((await store.AddAsync(TestReports.Province, report, null, null, [submitted], default)).IsSuccess);
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // Written claimed by this process, as a claim would have left it: another dispatcher cannot take it meanwhile.
            var row = await RowAsync(submitted.Id);
            Assert.NotNull(row.LockId);
            Assert.Equal(at + Duration.FromMinutes(5), row.NextAttemptAt);
            Assert.Equal(1, row.Attempts);
            var other = new RecordingHandler();
            Assert.Equal(0, await NewServices(other).GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default));
            Assert.Empty(other.Delivered);

            release.SetResult();
            report.Receive(at);
            var received = OutboxMessage.Create(TestReports.Province, "report.received", "{\"report\":2}", at);
            Assert.True((await store.SaveAsync(TestReports.Province, report, 1, null, [received], default)).IsSuccess);

            foreach (var message in new[] { submitted, received })
            {
                var marked = await EventuallyAsync(() => RowAsync(message.Id), r => r.DeliveredAt is not null);
                Assert.Null(marked.LockId);
                Assert.Equal(1, marked.Attempts);
            }

            Assert.Equal([submitted.Id, received.Id], handler.Delivered.Select(m => m.Id));
            Assert.Equal("{\"report\":2}", handler.Delivered.Last().PayloadJson);
            Assert.Empty(handler.Overlaps);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    [StorageFact]
    public async Task A_message_handed_to_a_dispatcher_that_stops_before_delivering_it_is_due_for_any_dispatcher_when_its_lease_runs_out()
    {
        var dying = HeldHandler(out var entered, out _);
        var services = NewServices(dying, o => o.PollingInterval = Duration.FromHours(1));
        using var stop = new CancellationTokenSource();
        var running = services.GetRequiredService<OutboxDispatcher>().RunAsync(stop.Token);
        var at = Clock.GetCurrentInstant();
        var message = OutboxMessage.Create(TestReports.Province, "report.submitted", "{\"report\":1}", at);
        Assert.True((await services.GetRequiredService<IReportStore>().AddAsync(TestReports.Province, TestReports.Submitted(at), null, null, [message], default)).IsSuccess);

        // The host stops (or dies) while the message is being delivered.
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;
        Assert.Empty(dying.Delivered);

        var survivor = NewServices(new RecordingHandler()).GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, await survivor.DispatchDueAsync(default)); // still leased
        Clock.Advance(Duration.FromMinutes(5));
        Assert.Equal(1, await survivor.DispatchDueAsync(default));

        var row = await RowAsync(message.Id);
        Assert.NotNull(row.DeliveredAt);
        Assert.Equal(2, row.Attempts);
    }

    [StorageFact]
    public async Task With_hand_off_turned_off_a_running_dispatcher_s_process_writes_its_messages_unclaimed_for_any_dispatcher()
    {
        var services = NewServices(new RecordingHandler(), o =>
        {
            o.PollingInterval = Duration.FromHours(1);
            o.HandOff = false;
        });
        using var stop = new CancellationTokenSource();
        var running = services.GetRequiredService<OutboxDispatcher>().RunAsync(stop.Token);
        try
        {
            // Due a minute from now, so that the running dispatcher's first pass cannot claim it either.
            var due = Clock.GetCurrentInstant() + Duration.FromMinutes(1);
            var message = OutboxMessage.Create(TestReports.Province, "report.submitted", "{\"report\":1}", due);
            Assert.True((await services.GetRequiredService<IReportStore>().AddAsync(TestReports.Province, TestReports.Submitted(Clock.GetCurrentInstant()), null, null, [message], default)).IsSuccess);

            var row = await RowAsync(message.Id);
            Assert.Null(row.LockId);
            Assert.Equal(due, row.NextAttemptAt);
            Assert.Equal(0, row.Attempts);

            Clock.Advance(Duration.FromMinutes(1));
            var other = new RecordingHandler();
            Assert.Equal(1, await NewServices(other).GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default));
            Assert.Equal(message.Id, Assert.Single(other.Delivered).Id);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    [StorageFact]
    public async Task A_dispatcher_that_stops_gives_back_the_handed_off_messages_it_had_not_taken_so_any_dispatcher_delivers_them_at_once()
    {
        var stopping = HeldHandler(out var entered, out _);

        // One message per pass: the first is under way (its handler never ends) while the next two wait in the hand-off.
        var services = NewServices(stopping, o =>
        {
            o.PollingInterval = Duration.FromHours(1);
            o.BatchSize = 1;
        });
        using var stop = new CancellationTokenSource();
        var running = services.GetRequiredService<OutboxDispatcher>().RunAsync(stop.Token);
        var store = services.GetRequiredService<IReportStore>();
        var at = Clock.GetCurrentInstant();
        var messages = new List<OutboxMessage>();
        for (var i = 0; i < 3; i++)
        {
            messages.Add(OutboxMessage.Create(TestReports.Province, "report.submitted", $"{{\"i\":{i}}}", at));
            Assert.True((await store.AddAsync(TestReports.Province, TestReports.Submitted(at), null, null, [messages[i]], default)).IsSuccess);
            if (i == 0)
            {
                await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }

        await stop.CancelAsync();
        await running;
        Assert.Empty(stopping.Delivered);

        // The two it had not taken are due now, unclaimed, their attempt not counted; the one under way stays leased.
        foreach (var message in messages.Skip(1))
        {
            var row = await RowAsync(message.Id);
            Assert.Null(row.LockId);
            Assert.Equal(at, row.NextAttemptAt);
            Assert.Equal(0, row.Attempts);
        }

        Assert.NotNull((await RowAsync(messages[0].Id)).LockId);
        var other = new RecordingHandler();
        var survivor = NewServices(other).GetRequiredService<OutboxDispatcher>();
        Assert.Equal(2, await survivor.DispatchDueAsync(default));
        Assert.Equal(messages.Skip(1).Select(m => m.Id).Order(), other.Delivered.Select(m => m.Id).Order());
    }

    [StorageFact]
    public async Task While_messages_are_handed_off_a_claim_that_fills_a_batch_is_repeated_at_the_next_pass_so_a_backlog_is_not_left_for_the_polling_interval()
    {
        // Six messages wait unclaimed (written while no dispatcher ran); the dispatcher polls once an hour and takes two at a time.
        var backlog = await CommitMessagesAsync(6);
        var handler = HeldHandler(out var entered, out var release);
        var services = NewServices(handler, o =>
        {
            o.PollingInterval = Duration.FromHours(1);
            o.BatchSize = 2;
        });
        using var stop = new CancellationTokenSource();
        var running = services.GetRequiredService<OutboxDispatcher>().RunAsync(stop.Token);
        try
        {
            // The first pass claims a full batch of the backlog and is held in its delivery while ten new messages are handed off.
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var store = services.GetRequiredService<IReportStore>();
            var handed = new List<OutboxMessage>();
            for (var i = 0; i < 10; i++)
            {
                var at = Clock.GetCurrentInstant();
                var message = OutboxMessage.Create(TestReports.Province, "report.submitted", $"{{\"handed\":{i}}}", at);
                Assert.True((await store.AddAsync(TestReports.Province, TestReports.Submitted(at), null, null, [message], default)).IsSuccess);
                handed.Add(message);
            }

            release.SetResult();
            await EventuallyAsync(() => Task.FromResult(handler.Delivered.Count), c => c >= 16);

            // Every pass that delivers handed-off messages also claims again while the last claim was full, so the backlog
            // is through before the hand-off is; without that it would wait for the hour's poll or for the hand-off to run dry.
            var order = handler.Delivered.Select(m => m.Id).ToList();
            Assert.Equal(16, order.Count);
            Assert.Equal(backlog.Concat(handed).Select(m => m.Id).Order(), order.Order());
            Assert.True(
                backlog.Max(m => order.IndexOf(m.Id)) < handed.Max(m => order.IndexOf(m.Id)),
                $"The backlog was delivered after the handed-off messages: {string.Join(", ", order.Select(id => backlog.Any(b => b.Id == id) ? "backlog" : "handed"))}");
            Assert.Empty(handler.Overlaps);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    [StorageFact]
    public async Task With_no_dispatcher_running_in_the_process_a_message_is_written_due_at_once_for_any_dispatcher()
    {
        var at = Clock.GetCurrentInstant();
        var message = OutboxMessage.Create(TestReports.Province, "report.submitted", "{\"report\":1}", at);
        Assert.True((await Store.AddAsync(TestReports.Province, TestReports.Submitted(at), null, null, [message], default)).IsSuccess);

        var row = await RowAsync(message.Id);
        Assert.Null(row.LockId);
        Assert.Equal(at, row.NextAttemptAt);
        Assert.Equal(0, row.Attempts);

        var other = new RecordingHandler();
        Assert.Equal(1, await NewServices(other).GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default));
        Assert.Equal(message.Id, Assert.Single(other.Delivered).Id);
    }

    /// <summary>
    /// A handler that signals <paramref name="entered"/> at its first delivery and holds every delivery until
    /// <paramref name="release"/> is set, or until the dispatcher stops (a handler that never ends, when nothing sets it).
    /// </summary>
    private static RecordingHandler HeldHandler(out TaskCompletionSource entered, out TaskCompletionSource release)
    {
        var (first, go) = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        (entered, release) = (first, go);
        return new RecordingHandler
        {
            OnHandle = async (_, ct) =>
            {
                first.TrySetResult();
                await go.Task.WaitAsync(ct);
            },
        };
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        // Wall-clock patience for a background dispatcher, not the domain's time (which the fake clock holds).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return value;
            }

            await Task.Delay(20);
        }
    }

    private async Task<List<OutboxMessage>> CommitMessagesAsync(int count)
    {
        var messages = new List<OutboxMessage>();
        for (var i = 0; i < count; i++)
        {
            // A second apart, so that the order of delivery is the order of creation.
            var at = Clock.GetCurrentInstant() - Duration.FromSeconds(count - i);
            var message = OutboxMessage.Create(TestReports.Province, "report.submitted", $"{{\"i\":{i}}}", at);
            Assert.True((await Store.AddAsync(TestReports.Province, TestReports.Submitted(at), null, null, [message], default)).IsSuccess);
            messages.Add(message);
        }

        return messages;
    }

    private async Task<OutboxMessage> CommitChangeWithMessageAsync()
    {
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at);
        await Store.AddAsync(TestReports.Province, report, null, null, [], default);
        report.Receive(at);
        var message = OutboxMessage.Create(TestReports.Province, "report.received", "{\"report\":1}", at);
        Assert.True((await Store.SaveAsync(TestReports.Province, report, 1, null, [message], default)).IsSuccess);
        return message;
    }

    private async Task<OutboxMessageRow> RowAsync(Guid id)
    {
        await using var db = NewContext();
        return await db.Set<OutboxMessageRow>().AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
