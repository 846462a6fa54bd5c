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
