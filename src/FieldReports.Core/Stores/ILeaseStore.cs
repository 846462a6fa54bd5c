using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// Named leases that let one host instance at a time do a piece of periodic work (the SLA monitor's pass) when several
/// instances share a database. A lease is held by one holder until it expires or is released; the holder renews it by
/// acquiring it again before it expires.
/// </summary>
/// <remarks>
/// A lease is a time-bound promise, not a lock: a holder that stalls past the expiry loses it, and another may take over.
/// Work done under a lease must therefore stay correct if, rarely, two holders overlap (the SLA monitor's messages are
/// deduplicated by key); the lease only keeps instances from doing the same work side by side. Implementations are
/// thread-safe and make <see cref="TryAcquireAsync"/> atomic: of two concurrent callers, at most one gets a free lease.
/// </remarks>
public interface ILeaseStore
{
    /// <summary>
    /// Acquires a lease when it is free (never taken, released, or expired at <paramref name="now"/>), or renews it when
    /// <paramref name="holder"/> already holds it; in both cases it then expires at <paramref name="now"/> plus
    /// <paramref name="duration"/>.
    /// </summary>
    /// <param name="name">The lease, for example <c>sla-monitor</c>.</param>
    /// <param name="holder">Who asks: an id unique to the host instance (or to the worker within it).</param>
    /// <param name="now">The current instant.</param>
    /// <param name="duration">How long the lease lasts from now; positive.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when <paramref name="holder"/> holds the lease now; <see langword="false"/> when another holder does.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="holder"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    Task<bool> TryAcquireAsync(string name, string holder, Instant now, Duration duration, CancellationToken cancellationToken);

    /// <summary>Releases a lease held by <paramref name="holder"/>, so that another may take it at once; does nothing when another holds it.</summary>
    /// <param name="name">The lease.</param>
    /// <param name="holder">The holder that acquired it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the lease is released.</returns>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);
}
