using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.Storage.EF;

/// <summary>
/// Hands the messages this process's stores commit to this process's running <see cref="OutboxDispatcher"/>, so that they
/// are delivered without being claimed from the database first.
/// </summary>
/// <remarks>
/// <para>
/// While a dispatcher runs (<see cref="OutboxDispatcher.RunAsync"/>), a store that writes messages first reserves room here
/// and writes them already claimed: leased to this process's lock until the end of a lease, as a claim would have left them.
/// Once its transaction has committed it publishes them, and the dispatcher delivers them at its next pass and marks them
/// delivered under that lock. No other dispatcher takes them before the lease runs out; if this process dies first, they are
/// due again then, for any dispatcher (at least once, as with a claim). A claim costs the database an update of each message
/// and the host a read of it back; on the busiest write, a report's submission, that was a quarter of the work.
/// </para>
/// <para>
/// With no dispatcher running in the process (a host that runs it elsewhere), or with <see cref="Capacity"/> messages
/// already waiting, nothing is reserved and messages are written due at once, for whichever dispatcher claims them first.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
internal sealed class OutboxHandoff
{
    private readonly IClock _clock;
    private readonly OutboxDispatcherOptions _options;
    private readonly object _sync = new();
    private readonly Queue<OutboxMessage> _waiting = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reserved;
    private int _runners;

    public OutboxHandoff(IClock clock, IOptions<OutboxDispatcherOptions> options)
    {
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>The lock this process's handed-off messages are written under; one per process, like a claim's.</summary>
    public Guid LockId { get; } = Guid.NewGuid();

    /// <summary>How many messages may wait here (reserved or published, not yet taken): eight batches, at least 256.</summary>
    public int Capacity => Math.Max(_options.BatchSize * 8, 256);

    /// <summary>
    /// Reserves room for <paramref name="messages"/> if a dispatcher runs in this process and has room: the caller writes
    /// <see cref="Reservation.Messages"/> as <see cref="Reservation.Row"/> makes them, then calls <see cref="Settle"/>.
    /// </summary>
    /// <returns>The reservation, or <see langword="null"/> to write the messages due at once, unclaimed.</returns>
    public Reservation? TryReserve(IReadOnlyList<OutboxMessage> messages)
    {
        if (messages.Count == 0)
        {
            return null;
        }

        lock (_sync)
        {
            if (_runners == 0 || !_options.HandOff || _waiting.Count + _reserved + messages.Count > Capacity)
            {
                return null;
            }

            _reserved += messages.Count;
        }

        var leaseEnd = _clock.GetCurrentInstant() + _options.Lease;
        return new Reservation(this, [.. messages.Select(m => m with { Attempts = m.Attempts + 1, NextAttemptAt = leaseEnd })]);
    }

    /// <summary>
    /// Ends a reservation: hands its messages to the dispatcher if they were <paramref name="committed"/>, else releases it.
    /// Does nothing for a <see langword="null"/> reservation.
    /// </summary>
    public void Settle(Reservation? reservation, bool committed)
    {
        if (reservation is null)
        {
            return;
        }

        if (committed)
        {
            Publish(reservation);
        }
        else
        {
            Cancel(reservation);
        }
    }

    /// <summary>Hands the reservation's committed messages to the dispatcher.</summary>
    private void Publish(Reservation reservation)
    {
        TaskCompletionSource arrived;
        lock (_sync)
        {
            _reserved -= reservation.Messages.Count;
            if (_runners == 0)
            {
                return; // the dispatcher stopped meanwhile: the messages are due when their lease runs out
            }

            foreach (var message in reservation.Messages)
            {
                _waiting.Enqueue(message);
            }

            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    /// <summary>Releases a reservation whose messages were not committed.</summary>
    private void Cancel(Reservation reservation)
    {
        lock (_sync)
        {
            _reserved -= reservation.Messages.Count;
        }
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> waiting messages, oldest first. Messages whose lease has less than half of it left
    /// are dropped: they become due for a claim when it runs out, so that no other dispatcher can take one while it is
    /// being delivered here.
    /// </summary>
    public List<OutboxMessage> Take(int max)
    {
        var keepUntil = _clock.GetCurrentInstant() + (_options.Lease / 2);
        var taken = new List<OutboxMessage>();
        lock (_sync)
        {
            while (taken.Count < max && _waiting.TryDequeue(out var message))
            {
                if (message.NextAttemptAt >= keepUntil)
                {
                    taken.Add(message);
                }
            }
        }

        return taken;
    }

    /// <summary>Completes when a message is published, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task arrived;
        lock (_sync)
        {
            if (_waiting.Count > 0)
            {
                return;
            }

            arrived = _arrived.Task;
        }

        await Task.WhenAny(arrived, Task.Delay(timeout, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Marks a dispatcher as running in this process until the result is closed (or disposed).</summary>
    public Runner Open()
    {
        lock (_sync)
        {
            _runners++;
        }

        return new Runner(this);
    }

    private List<OutboxMessage> Close()
    {
        lock (_sync)
        {
            if (--_runners > 0)
            {
                return [];
            }

            // The last dispatcher stops: what waits is not delivered here. The caller releases it; otherwise each message is
            // due again when its lease runs out.
            var left = _waiting.ToList();
            _waiting.Clear();
            return left;
        }
    }

    /// <summary>Room reserved for messages, and the messages as they are to be written: claimed, under <see cref="LockId"/>.</summary>
    internal sealed class Reservation(OutboxHandoff handoff, IReadOnlyList<OutboxMessage> messages)
    {
        /// <summary>The messages with one attempt more and due at the end of the lease.</summary>
        public IReadOnlyList<OutboxMessage> Messages { get; } = messages;

        /// <summary>The row of a reserved message: leased to the handoff's lock.</summary>
        public OutboxMessageRow Row(OutboxMessage message)
        {
            var row = ReportMapping.ToRow(message);
            row.LockId = handoff.LockId;
            return row;
        }
    }

    /// <summary>A running dispatcher's hold on the hand-off.</summary>
    internal sealed class Runner(OutboxHandoff handoff) : IDisposable
    {
        private int _closed;

        /// <summary>Ends the hold; if it was the last, returns the messages that were handed off but not taken.</summary>
        public List<OutboxMessage> Close() => Interlocked.Exchange(ref _closed, 1) == 0 ? handoff.Close() : [];

        public void Dispose() => Close();
    }
}
