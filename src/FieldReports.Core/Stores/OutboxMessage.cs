using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// A notification or integration event waiting to be delivered: written in the same transaction as the state change that
/// produced it (the transactional outbox), then delivered at least once by the outbox dispatcher.
/// </summary>
/// <remarks>
/// Delivery is at least once: a handler may see the same <see cref="Id"/> again after a crash, so it must be idempotent
/// (deduplicate on <see cref="Id"/>). The payload never contains personal data unless the message type requires it and the
/// handler is allowed to see it.
/// </remarks>
public sealed record OutboxMessage
{
    /// <summary>The message's identity; handlers deduplicate on it.</summary>
    public required Guid Id { get; init; }

    /// <summary>The province the message belongs to.</summary>
    public required string ProvinceId { get; init; }

    /// <summary>The message type, a stable dotted name such as <c>report.assigned</c>; handlers switch on it.</summary>
    public required string Type { get; init; }

    /// <summary>The payload, as a JSON document.</summary>
    public required string PayloadJson { get; init; }

    /// <summary>When the message was created (the time of the state change).</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>How many deliveries have been attempted so far; 0 for a new message.</summary>
    public int Attempts { get; init; }

    /// <summary>When the next delivery may be attempted; for a new message, normally <see cref="CreatedAt"/>.</summary>
    public required Instant NextAttemptAt { get; init; }

    /// <summary>When the message was delivered; <see langword="null"/> while it is pending.</summary>
    public Instant? DeliveredAt { get; init; }

    /// <summary>
    /// A key that makes the message unique in the outbox, for messages produced by periodic work rather than by one state
    /// change (the SLA monitor's reminders and breach notices): <see cref="IOutboxStore.AddIfAbsentAsync"/> adds a message
    /// only when no message with its key exists, so that two passes, or two host instances, emit it once.
    /// <see langword="null"/> (the default) for a message written with its change, which needs no key.
    /// </summary>
    public string? DedupeKey { get; init; }

    /// <summary>The error of the latest failed attempt, without personal data; <see langword="null"/> when none failed.</summary>
    public string? LastError { get; init; }

    /// <summary>Creates a new pending message, due at once.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="type">The message type.</param>
    /// <param name="payloadJson">The JSON payload.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <returns>The message, with a new time-ordered id.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public static OutboxMessage Create(string provinceId, string type, string payloadJson, Instant createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadJson);
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            ProvinceId = provinceId,
            Type = type,
            PayloadJson = payloadJson,
            CreatedAt = createdAt,
            NextAttemptAt = createdAt,
        };
    }
}
