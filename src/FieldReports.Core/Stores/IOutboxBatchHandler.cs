namespace FieldReports.Stores;

/// <summary>
/// An <see cref="IOutboxMessageHandler"/> that can also deliver all the messages a dispatcher pass claimed at once, for
/// effects that cost less in bulk: the host's inbox rows written in one commit instead of one per message, one call to a
/// notification service for many messages.
/// </summary>
/// <remarks>
/// <para>
/// The dispatcher calls <see cref="HandleBatchAsync"/> when a pass claimed more than one message. Completing normally marks
/// every message delivered. Throwing delivers nothing: the dispatcher then delivers the pass's messages one by one through
/// <see cref="IOutboxMessageHandler.HandleAsync"/>, so that a message that keeps failing is retried alone, with its own
/// back-off, and does not hold back the others.
/// </para>
/// <para>
/// A batch that fails part-way may have had some of its effects, and they are repeated when the messages are delivered
/// again: as for single deliveries, the effects must be idempotent on <see cref="OutboxMessage.Id"/> (or on a key of the
/// effect itself).
/// </para>
/// </remarks>
public interface IOutboxBatchHandler : IOutboxMessageHandler
{
    /// <summary>Delivers the messages of one pass together.</summary>
    /// <param name="messages">The messages, oldest first; at least two.</param>
    /// <param name="cancellationToken">Cancelled when the dispatcher's lease on the messages runs out or the host stops.</param>
    /// <returns>A task that completes when every message has been delivered.</returns>
    Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);
}
