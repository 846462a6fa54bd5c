namespace FieldReports.Stores;

/// <summary>
/// Writes messages into the transactional outbox outside a report's change: for work that runs periodically (the SLA
/// monitor) and must emit each message once, however many times it runs and on however many host instances. Messages
/// written with a change go through <see cref="IReportStore"/> instead. Implementations are thread-safe.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Adds each message whose <see cref="OutboxMessage.DedupeKey"/> is not yet in the outbox, and skips the others. The
    /// check and the insert are atomic per message (a unique key in the database): of two callers adding the same key at
    /// once, exactly one adds it.
    /// </summary>
    /// <param name="messages">The messages, each with a <see cref="OutboxMessage.DedupeKey"/>.</param>
    /// <param name="cancellationToken">Cancels the operation; a cancelled call may have added some of the messages, and the next call adds the rest.</param>
    /// <returns>The messages added, in the given order; those skipped are not listed.</returns>
    /// <exception cref="ArgumentException">A message is null or has no <see cref="OutboxMessage.DedupeKey"/>.</exception>
    Task<IReadOnlyList<OutboxMessage>> AddIfAbsentAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);
}
