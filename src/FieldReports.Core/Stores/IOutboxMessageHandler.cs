namespace FieldReports.Stores;

/// <summary>
/// Delivers outbox messages (sends the notification, calls the integration). Registered by the host; the outbox
/// dispatcher calls it for each due message.
/// </summary>
/// <remarks>
/// Completing normally marks the message delivered; throwing schedules a retry with exponential back-off. Delivery is at
/// least once, so an implementation must be idempotent on <see cref="OutboxMessage.Id"/>. The token is cancelled when the
/// dispatcher's lease on the message runs out or the host stops; stop then, so that no other instance delivers the same
/// message at the same time.
/// </remarks>
public interface IOutboxMessageHandler
{
    /// <summary>Delivers one message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancelled when the lease runs out or the host stops.</param>
    /// <returns>A task that completes when the message has been delivered.</returns>
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
