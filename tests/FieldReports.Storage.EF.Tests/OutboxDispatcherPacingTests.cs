using FieldReports.Storage.EF.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests;

/// <summary>
/// The dispatcher's loop: idle after an empty pass, at once after a full one, and while messages keep coming a pass at most
/// every <see cref="OutboxDispatcherOptions.MinimumPassInterval"/>, so that a busy outbox is delivered in batches.
/// </summary>
public sealed class OutboxDispatcherPacingTests : StorageTestBase
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    private OutboxDispatcher Dispatcher(Action<OutboxDispatcherOptions> configure) =>
        NewServices(outbox: configure).GetRequiredService<OutboxDispatcher>();

    [Fact]
    public void An_empty_pass_waits_the_polling_interval_and_a_full_one_is_followed_at_once()
    {
        var dispatcher = Dispatcher(o => (o.BatchSize, o.PollingInterval) = (50, Duration.FromSeconds(5)));

        Assert.Equal(TimeSpan.FromSeconds(5), dispatcher.PauseAfter(0, TimeSpan.FromMilliseconds(3)));
        Assert.Equal(TimeSpan.Zero, dispatcher.PauseAfter(50, TimeSpan.FromMilliseconds(3)));
    }

    [Fact]
    public void A_pass_that_claimed_some_messages_is_followed_at_the_minimum_interval_from_its_start()
    {
        var dispatcher = Dispatcher(o => (o.BatchSize, o.MinimumPassInterval) = (50, Duration.FromMilliseconds(100)));

        Assert.Equal(TimeSpan.FromMilliseconds(70), dispatcher.PauseAfter(3, TimeSpan.FromMilliseconds(30)));
        Assert.True(dispatcher.PauseAfter(3, TimeSpan.FromMilliseconds(150)) <= TimeSpan.Zero);
        Assert.True(Dispatcher(o => o.MinimumPassInterval = Duration.Zero).PauseAfter(3, TimeSpan.FromMilliseconds(1)) <= TimeSpan.Zero);
    }

    [Fact]
    public async Task Messages_that_keep_coming_are_delivered_by_the_running_loop_in_batches()
    {
        var handler = new RecordingBatchHandler();
        var services = NewServices(handler, o => (o.MinimumPassInterval, o.PollingInterval) = (Duration.FromMilliseconds(300), Duration.FromMilliseconds(50)));
        var store = services.GetRequiredService<FieldReports.Stores.IReportStore>();
        using var stop = new CancellationTokenSource();
        var loop = services.GetRequiredService<OutboxDispatcher>().RunAsync(stop.Token);

        // One message at a time, faster than the minimum interval: they are not delivered one per pass.
        var at = Clock.GetCurrentInstant();
        for (var i = 0; i < 12; i++)
        {
            var message = FieldReports.Stores.OutboxMessage.Create(TestReports.Province, "report.submitted", "{}", at);
            await store.AddAsync(TestReports.Province, TestReports.Submitted(at), null, null, [message], default);
            await Task.Delay(40);
        }

        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (handler.Batches.Sum(b => b.Count) + handler.OneByOne.Delivered.Count < 12 && waiting.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await loop;
        Assert.Equal(12, handler.Batches.Sum(b => b.Count) + handler.OneByOne.Delivered.Count);
        Assert.Contains(handler.Batches, b => b.Count >= 3);
    }
}
