using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// Remembers the outcome of requests sent with an <c>Idempotency-Key</c> header (IETF httpapi idempotency-key draft), so
/// that a retry after a lost response replays the first response instead of acting twice.
/// </summary>
/// <remarks>
/// Keys are scoped by the caller: the same key sent by two clients names two different requests. A key is claimed before
/// the request runs, then either completed with the response or released when the request failed without an answer worth
/// replaying. A key is forgotten at its expiry; after that, the same key starts a new request. Implementations are
/// thread-safe and make <see cref="TryClaimAsync"/> atomic: of two concurrent claims of one key, exactly one wins.
/// </remarks>
public interface IIdempotencyStore
{
    /// <summary>Claims a key for a request, or reports what is already known about it.</summary>
    /// <param name="scope">The client the key belongs to (for example the province and the account).</param>
    /// <param name="key">The key the client sent.</param>
    /// <param name="fingerprint">A digest of the request (method, route and payload); a reused key with another fingerprint is refused.</param>
    /// <param name="now">The current instant; entries whose expiry is at or before it are treated as absent.</param>
    /// <param name="expiresAt">When the key, once claimed, is forgotten.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome: claimed now, still in flight, reused with another payload, or completed with its response.</returns>
    Task<IdempotencyClaim> TryClaimAsync(string scope, string key, string fingerprint, Instant now, Instant expiresAt, CancellationToken cancellationToken);

    /// <summary>Stores the response of a claimed key, so that later requests with it replay the response.</summary>
    /// <param name="scope">The client.</param>
    /// <param name="key">The key.</param>
    /// <param name="response">The response to replay.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the response is stored.</returns>
    Task CompleteAsync(string scope, string key, IdempotentResponse response, CancellationToken cancellationToken);

    /// <summary>Forgets a claimed key whose request ended without a response worth replaying, so that it may be retried.</summary>
    /// <param name="scope">The client.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is released.</returns>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
