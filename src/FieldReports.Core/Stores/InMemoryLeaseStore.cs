using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// The default <see cref="ILeaseStore"/>: leases in memory, shared by the callers of one process only. Thread-safe. Right
/// for a single host instance; instances that share a database use the database's lease store (the EF Core package
/// registers it).
/// </summary>
public sealed class InMemoryLeaseStore : ILeaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Holder, Instant ExpiresAt)> _leases = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> TryAcquireAsync(string name, string holder, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts a positive duration.");
        }

        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Holder != holder && lease.ExpiresAt > now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = (holder, now + duration);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Holder == holder)
            {
                _leases.Remove(name);
            }
        }

        return Task.CompletedTask;
    }
}
