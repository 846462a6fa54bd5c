using NodaTime;

namespace FieldReports.Storage.EF;

/// <summary>Settings of the <see cref="OutboxDispatcher"/>.</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>How many due messages one pass claims at most. Default 50.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long <see cref="OutboxDispatcher.RunAsync"/> waits after a pass that found nothing due. Default 5 seconds.</summary>
    public Duration PollingInterval { get; set; } = Duration.FromSeconds(5);

    /// <summary>
    /// The shortest time from the start of one pass to the start of the next while messages keep coming (the pass claimed
    /// some, fewer than <see cref="BatchSize"/>), so that what arrives meanwhile is delivered together: a pass costs a claim
    /// and a commit of its own, and an <see cref="FieldReports.Stores.IOutboxBatchHandler"/> delivers a pass's messages at
    /// once. A pass that claimed a full batch is followed at once. Default 100 milliseconds; zero starts the next pass at once.
    /// </summary>
    public Duration MinimumPassInterval { get; set; } = Duration.FromMilliseconds(100);

    /// <summary>
    /// How long a claimed message is reserved for the dispatcher that claimed it. The handler's token is cancelled when it
    /// runs out; after that, another dispatcher may claim the message again. Default 5 minutes.
    /// </summary>
    public Duration Lease { get; set; } = Duration.FromMinutes(5);

    /// <summary>
    /// Whether, while <see cref="OutboxDispatcher.RunAsync"/> runs in a process, the messages that process's stores commit
    /// with a report's change are written already claimed by it and handed to it in memory, so that it delivers them
    /// without claiming them from the database: no other dispatcher takes them before <see cref="Lease"/> runs out, and
    /// if the process stops first they are due again then. Default <see langword="true"/>. Set it to
    /// <see langword="false"/> to have every message claimed from the database by whichever dispatcher is first (for
    /// example when web processes should leave all delivery to dedicated workers, which then also need no dispatcher
    /// running in the web processes).
    /// </summary>
    public bool HandOff { get; set; } = true;

    /// <summary>The delay before the first retry; each further failure doubles it. Default 10 seconds.</summary>
    public Duration RetryBaseDelay { get; set; } = Duration.FromSeconds(10);

    /// <summary>The longest delay between retries. Default 1 hour. Messages are retried until delivered.</summary>
    public Duration RetryMaxDelay { get; set; } = Duration.FromHours(1);
}
