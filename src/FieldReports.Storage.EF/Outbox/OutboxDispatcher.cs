using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.Storage.EF;

/// <summary>
/// Delivers the messages of the transactional outbox at least once, through <see cref="IOutboxMessageHandler"/>, with
/// retries and exponential back-off. The host runs it (for example from a <c>BackgroundService</c> calling
/// <see cref="RunAsync"/>); several host instances may run it against one PostgreSQL database.
/// </summary>
/// <remarks>
/// <para>
/// A pass claims due messages in a short transaction — on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so that concurrent
/// dispatchers take different messages without waiting; on SQLite within the single writer's transaction — and reserves
/// them for <see cref="OutboxDispatcherOptions.Lease"/>. It then delivers them outside any transaction, schedules the retry of
/// each that failed, and marks those delivered in one commit at the end of the pass. A dispatcher that dies while delivering leaves its messages due again when the lease
/// runs out, so a message committed with a change is delivered even if the process crashes right after the commit.
/// </para>
/// <para>
/// When the handler is an <see cref="IOutboxBatchHandler"/> and a pass claimed more than one message, the pass's messages
/// are delivered together, and one by one only if that fails. While messages keep coming, <see cref="RunAsync"/> starts a
/// pass at most every <see cref="OutboxDispatcherOptions.MinimumPassInterval"/>, so that a busy outbox is delivered in
/// batches rather than one message per pass.
/// </para>
/// <para>Thread-safe; passes of one instance may overlap.</para>
/// </remarks>
public sealed partial class OutboxDispatcher
{
    private readonly Func<CancellationToken, Task<DbContext>> _contexts;
    private readonly IOutboxMessageHandler _handler;
    private readonly IClock _clock;
    private readonly OutboxDispatcherOptions _options;
    private readonly ILogger _logger;
    private readonly Telemetry.FieldReportsMetrics? _metrics;
    private readonly OutboxHandoff? _handoff;
    private long _lastClaim;
    private int _claimedFullBatch;

    internal OutboxDispatcher(Func<CancellationToken, Task<DbContext>> contexts, IOutboxMessageHandler handler, IClock clock, IOptions<OutboxDispatcherOptions> options, ILogger<OutboxDispatcher> logger, Telemetry.FieldReportsMetrics? metrics = null, OutboxHandoff? handoff = null)
    {
        _metrics = metrics;
        _handoff = handoff;
        _contexts = contexts;
        _handler = handler;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Runs passes until <paramref name="cancellationToken"/> is cancelled, pausing for the polling interval when nothing was due.</summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that completes when the loop stops.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // While it runs, this process's stores hand it the messages they commit, already claimed (OutboxHandoff).
        using var running = _handoff?.Open();
        try
        {
            await LoopAsync(cancellationToken);
        }
        finally
        {
            // Stopping: what was handed off and not taken yet becomes due at once for any dispatcher, not after its lease.
            if (running?.Close() is { Count: > 0 } left)
            {
                await ReleaseAsync(left);
            }
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            int handled;
            try
            {
                handled = await DispatchDueAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop outlives a failing pass (a lost connection): it logs and tries again later.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPassFailed(_logger, ex);
                handled = 0;
            }

            var pause = PauseAfter(handled, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            if (pause > TimeSpan.Zero)
            {
                try
                {
                    // Idle, a message handed off by this process's stores starts the next pass at once.
                    await (handled == 0 && _handoff is not null ? _handoff.WaitAsync(pause, cancellationToken) : Task.Delay(pause, cancellationToken));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Gives back handed-off messages that this process will not deliver: unclaimed, due now, their attempt not counted.
    /// Best effort, for a few seconds: if it fails, the messages are due when their lease runs out.
    /// </summary>
    private async Task ReleaseAsync(List<OutboxMessage> messages)
    {
        var ids = messages.Select(m => m.Id).ToList();
        var lockId = _handoff!.LockId;
        var now = _clock.GetCurrentInstant();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var db = await _contexts(timeout.Token);
            await using (db)
            {
                await db.Set<OutboxMessageRow>().Where(m => ids.Contains(m.Id) && m.LockId == lockId && m.DeliveredAt == null)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.LockId, (Guid?)null)
                        .SetProperty(m => m.NextAttemptAt, now)
                        .SetProperty(m => m.Attempts, m => m.Attempts - 1), timeout.Token);
            }

            LogReleased(_logger, ids.Count);
        }
#pragma warning disable CA1031 // Stopping must not fail on this: the lease makes the messages due later anyway.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReleaseFailed(_logger, ex, ids.Count);
        }
    }

    /// <summary>How long <see cref="RunAsync"/> waits before its next pass, after one that claimed <paramref name="handled"/> messages in <paramref name="took"/>.</summary>
    internal TimeSpan PauseAfter(int handled, TimeSpan took) => handled switch
    {
        0 => _options.PollingInterval.ToTimeSpan(),
        _ when handled >= _options.BatchSize => TimeSpan.Zero,
        _ => _options.MinimumPassInterval.ToTimeSpan() - took,
    };

    /// <summary>
    /// Delivers the messages this process's stores handed off since the last pass, and claims the messages due now, delivers
    /// them and records each outcome.
    /// </summary>
    /// <param name="cancellationToken">Cancels the pass; messages claimed but not delivered become due again after the lease.</param>
    /// <returns>How many messages were handed off or claimed (delivered or failed) in this pass.</returns>
    /// <remarks>
    /// While messages are handed off, the database is asked for due messages (retries, and those other processes left) once
    /// per <see cref="OutboxDispatcherOptions.PollingInterval"/>, and at every pass while each claim fills a batch;
    /// otherwise at every pass.
    /// </remarks>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var handed = _handoff?.Take(_options.BatchSize) ?? [];
        if (handed.Count > 0)
        {
            var leaseLeft = handed.Min(m => m.NextAttemptAt) - _clock.GetCurrentInstant();
            await DeliverAndMarkAsync(_handoff!.LockId, handed, leaseLeft, cancellationToken);
            if (Volatile.Read(ref _claimedFullBatch) == 0
                && System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastClaim)) < _options.PollingInterval.ToTimeSpan())
            {
                return handed.Count;
            }
        }

        Interlocked.Exchange(ref _lastClaim, System.Diagnostics.Stopwatch.GetTimestamp());
        var claimed = await ClaimAsync(cancellationToken);

        // A full batch may leave more due (messages written unclaimed while the hand-off was full, retries): claim again at
        // the next pass rather than after the polling interval.
        Volatile.Write(ref _claimedFullBatch, claimed.Messages.Count >= _options.BatchSize ? 1 : 0);
        await DeliverAndMarkAsync(claimed.LockId, claimed.Messages, _options.Lease, cancellationToken);
        return handed.Count + claimed.Messages.Count;
    }

    /// <summary>Delivers messages leased to <paramref name="lockId"/> for <paramref name="lease"/> more, and records each outcome.</summary>
    private async Task DeliverAndMarkAsync(Guid lockId, IReadOnlyList<OutboxMessage> messages, Duration lease, CancellationToken cancellationToken)
    {
        var delivered = new List<OutboxMessage>(messages.Count);
        try
        {
            var batch = messages.Count > 1 && _handler is IOutboxBatchHandler batchHandler
                ? await DeliverBatchAsync(batchHandler, messages, lease, cancellationToken)
                : BatchOutcome.NotTried;
            if (batch == BatchOutcome.Delivered)
            {
                delivered.AddRange(messages);
            }
            else if (batch != BatchOutcome.LeaseExpired)
            {
                foreach (var message in messages)
                {
                    if (await DeliverAsync(message, lockId, lease, cancellationToken))
                    {
                        delivered.Add(message);
                    }
                }
            }
        }
        finally
        {
            // One commit records the pass's deliveries, not one per message: a durable write is the costly part of a pass.
            // A crash before it leaves them claimed; they are delivered again when the lease runs out (at least once).
            await MarkDeliveredAsync(delivered, lockId);
        }
    }

    private async Task MarkDeliveredAsync(List<OutboxMessage> delivered, Guid lockId)
    {
        if (delivered.Count == 0)
        {
            return;
        }

        var now = _clock.GetCurrentInstant();
        var ids = delivered.Select(m => m.Id).ToList();
        var db = await _contexts(CancellationToken.None);
        await using (db)
        {
            await db.Set<OutboxMessageRow>().Where(m => ids.Contains(m.Id) && m.LockId == lockId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.DeliveredAt, now)
                    .SetProperty(m => m.LockId, (Guid?)null)
                    .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        }

        foreach (var message in delivered)
        {
            LogDelivered(_logger, message.Id, message.Type, message.Attempts);
            _metrics?.OutboxDelivered(message.ProvinceId, message.Type, now - message.CreatedAt);
        }
    }

    private async Task<(Guid LockId, IReadOnlyList<OutboxMessage> Messages)> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var leaseEnd = now + _options.Lease;
        var lockId = Guid.NewGuid();
        var db = await _contexts(cancellationToken);
        await using (db)
        {
            var outbox = db.Set<OutboxMessageRow>();
            if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                // One statement picks the due messages (skipping those another dispatcher holds), leases them and returns
                // them: no transaction to open and commit, no second read.
                var claimed = await outbox.FromSqlRaw(ClaimSql(db), lockId, leaseEnd, now, _options.BatchSize).AsNoTracking().ToListAsync(cancellationToken);
                return (lockId, [.. claimed.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(ReportMapping.ToMessage)]);
            }

            List<Guid> ids;
            using (await Infrastructure.SqliteWriterGate.Instance.EnterAsync(db, cancellationToken))
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                // SQLite has one writer at a time and this transaction began as a writer (BEGIN IMMEDIATE): nobody can claim in between.
                ids = await outbox.Where(m => m.DeliveredAt == null && m.NextAttemptAt <= now)
                    .OrderBy(m => m.NextAttemptAt)
                    .Select(m => m.Id)
                    .Take(_options.BatchSize)
                    .ToListAsync(cancellationToken);
                if (ids.Count == 0)
                {
                    return (lockId, []);
                }

                await outbox.Where(m => ids.Contains(m.Id) && m.DeliveredAt == null && m.NextAttemptAt <= now)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.LockId, lockId)
                        .SetProperty(m => m.NextAttemptAt, leaseEnd)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            var rows = await outbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.LockId == lockId && m.DeliveredAt == null)
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .ToListAsync(cancellationToken);
            return (lockId, [.. rows.Select(ReportMapping.ToMessage)]);
        }
    }

    private enum BatchOutcome
    {
        NotTried,
        Delivered,
        Failed,
        LeaseExpired,
    }

    /// <summary>
    /// Delivers a pass's messages through the batch handler. A failure is logged and the messages are then delivered one by
    /// one; a lease that ran out leaves them to become due again, since another dispatcher may have claimed them since.
    /// </summary>
    private async Task<BatchOutcome> DeliverBatchAsync(IOutboxBatchHandler handler, IReadOnlyList<OutboxMessage> messages, Duration leaseLeft, CancellationToken cancellationToken)
    {
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lease.CancelAfter(leaseLeft.ToTimeSpan());
        try
        {
            await handler.HandleBatchAsync(messages, lease.Token);
            return BatchOutcome.Delivered;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the messages stay claimed until the lease runs out, then become due again.
            throw;
        }
#pragma warning disable CA1031 // Any failure of the batch is retried message by message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (lease.IsCancellationRequested)
            {
                LogBatchLeaseExpired(_logger, messages.Count);
                return BatchOutcome.LeaseExpired;
            }

            LogBatchFailed(_logger, ex, messages.Count);
            return BatchOutcome.Failed;
        }
    }

    /// <returns>Whether the handler succeeded; a failure is recorded here with its retry time.</returns>
    private async Task<bool> DeliverAsync(OutboxMessage message, Guid lockId, Duration leaseLeft, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        using (var lease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            lease.CancelAfter(leaseLeft.ToTimeSpan());
            try
            {
                await _handler.HandleAsync(message, lease.Token);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host is stopping: the message stays claimed until the lease runs out, then becomes due again.
                throw;
            }
#pragma warning disable CA1031 // Any failure of a handler is a failed attempt, retried later.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }
        }

        if (failure is null)
        {
            return true;
        }

        var now = _clock.GetCurrentInstant();
        var db = await _contexts(CancellationToken.None);
        await using (db)
        {
            var retryAt = now + RetryDelay(message.Attempts);
            var error = Truncate($"{failure.GetType().FullName}: {failure.Message}", 2000);
            await db.Set<OutboxMessageRow>().Where(m => m.Id == message.Id && m.LockId == lockId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.NextAttemptAt, retryAt)
                .SetProperty(m => m.LockId, (Guid?)null)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            LogDeliveryFailed(_logger, failure, message.Id, message.Type, message.Attempts, retryAt);
        }

        return false;
    }

    internal Duration RetryDelay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = _options.RetryBaseDelay.BclCompatibleTicks * Math.Pow(2, exponent);
        return ticks >= _options.RetryMaxDelay.BclCompatibleTicks ? _options.RetryMaxDelay : Duration.FromTicks((long)ticks);
    }

    /// <summary>
    /// PostgreSQL's claim: leases up to {3} messages due at {2} (the earliest first, skipping rows another dispatcher has
    /// locked) to lock {0} until {1}, and returns them.
    /// </summary>
    private static string ClaimSql(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessageRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => Infrastructure.RowInserts.Quote(entity.FindProperty(property)!.GetColumnName(table)!);
        var name = (entity.GetSchema() is { } schema ? Infrastructure.RowInserts.Quote(schema) + "." : "") + Infrastructure.RowInserts.Quote(entity.GetTableName()!);
        var (id, next, attempts) = (Column(nameof(OutboxMessageRow.Id)), Column(nameof(OutboxMessageRow.NextAttemptAt)), Column(nameof(OutboxMessageRow.Attempts)));
        return $"UPDATE {name} AS o SET {Column(nameof(OutboxMessageRow.LockId))} = {{0}}, {next} = {{1}}, {attempts} = o.{attempts} + 1 "
            + $"WHERE o.{id} = ANY (ARRAY(SELECT {id} FROM {name} WHERE {Column(nameof(OutboxMessageRow.DeliveredAt))} IS NULL AND {next} <= {{2}} "
            + $"ORDER BY {next} LIMIT {{3}} FOR UPDATE SKIP LOCKED)) RETURNING o.*";
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(EventId = 5101, EventName = "OutboxMessageDelivered", Level = LogLevel.Debug, Message = "Outbox message {MessageId} ({MessageType}) delivered at attempt {Attempt}.")]
    private static partial void LogDelivered(ILogger logger, Guid messageId, string messageType, int attempt);

    [LoggerMessage(EventId = 5102, EventName = "OutboxDeliveryFailed", Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({MessageType}) failed at attempt {Attempt}; next attempt at {RetryAt}.")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, Guid messageId, string messageType, int attempt, Instant retryAt);

    [LoggerMessage(EventId = 5104, EventName = "OutboxBatchFailed", Level = LogLevel.Warning, Message = "Delivering {Count} outbox messages together failed; they are delivered one by one.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 5105, EventName = "OutboxBatchLeaseExpired", Level = LogLevel.Warning, Message = "Delivering {Count} outbox messages together outlasted the lease; they become due again.")]
    private static partial void LogBatchLeaseExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 5106, EventName = "OutboxHandOffReleased", Level = LogLevel.Information, Message = "The outbox dispatcher stopped with {Count} handed-off messages not delivered; they are due again for any dispatcher.")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(EventId = 5107, EventName = "OutboxHandOffReleaseFailed", Level = LogLevel.Warning, Message = "The outbox dispatcher stopped with {Count} handed-off messages not delivered and could not release them; they are due again when their lease runs out.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 5103, EventName = "OutboxPassFailed", Level = LogLevel.Error, Message = "An outbox dispatch pass failed; the next pass retries.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
