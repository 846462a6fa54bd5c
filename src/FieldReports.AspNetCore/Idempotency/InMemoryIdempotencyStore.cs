using System.Collections.Concurrent;
using FieldReports.Stores;
using NodaTime;

namespace FieldReports.AspNetCore;

/// <summary>
/// The default <see cref="IIdempotencyStore"/>: a thread-safe in-memory table, right for a single instance. Several
/// instances behind a load balancer need a shared store (a database). Expired keys are swept on each claim.
/// </summary>
internal sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<(string Scope, string Key), Entry> _entries = new();
    private long _claims;

    public Task<IdempotencyClaim> TryClaimAsync(string scope, string key, string fingerprint, Instant now, Instant expiresAt, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _claims) % 256 == 0)
        {
            foreach (var pair in _entries)
            {
                if (pair.Value.ExpiresAt <= now)
                {
                    _entries.TryRemove(pair);
                }
            }
        }

        while (true)
        {
            var fresh = new Entry(fingerprint, expiresAt, null);
            if (_entries.TryAdd((scope, key), fresh))
            {
                return Task.FromResult(new IdempotencyClaim(IdempotencyClaimStatus.Claimed));
            }

            if (!_entries.TryGetValue((scope, key), out var existing))
            {
                continue;
            }

            if (existing.ExpiresAt <= now)
            {
                if (_entries.TryUpdate((scope, key), fresh, existing))
                {
                    return Task.FromResult(new IdempotencyClaim(IdempotencyClaimStatus.Claimed));
                }

                continue;
            }

            return Task.FromResult(
                existing.Fingerprint != fingerprint ? new IdempotencyClaim(IdempotencyClaimStatus.FingerprintMismatch)
                : existing.Response is null ? new IdempotencyClaim(IdempotencyClaimStatus.InFlight)
                : new IdempotencyClaim(IdempotencyClaimStatus.Completed, existing.Response));
        }
    }

    public Task CompleteAsync(string scope, string key, IdempotentResponse response, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue((scope, key), out var existing))
        {
            _entries.TryUpdate((scope, key), existing with { Response = response }, existing);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken)
    {
        _entries.TryRemove((scope, key), out _);
        return Task.CompletedTask;
    }

    private sealed record Entry(string Fingerprint, Instant ExpiresAt, IdempotentResponse? Response);
}
