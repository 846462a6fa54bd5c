using System.Text;
using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldReports.Storage.EF.Stores;

/// <summary>
/// The EF Core <see cref="IIdempotencyStore"/>, shared by every host instance on the database. A claim is an insert that
/// the (scope, key) primary key makes atomic; a key found expired is taken over by an update conditioned on its expiry, so
/// of two instances claiming one key at once exactly one wins. Expired keys are swept every 256th claim of an instance.
/// </summary>
internal sealed class EfIdempotencyStore<TContext>(IDbContextFactory<TContext> contexts, IClock clock) : IIdempotencyStore
    where TContext : DbContext
{
    private static readonly string[] Key = [nameof(IdempotencyKeyRow.Scope), nameof(IdempotencyKeyRow.Key)];
    private long _claims;

    public async Task<IdempotencyClaim> TryClaimAsync(string scope, string key, string fingerprint, Instant now, Instant expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            if (Interlocked.Increment(ref _claims) % 256 == 0)
            {
                await SweepAsync(db, now, cancellationToken);
            }

            var keys = db.Set<IdempotencyKeyRow>();
            while (true)
            {
                var fresh = new IdempotencyKeyRow { Scope = scope, Key = key, Fingerprint = fingerprint, CreatedAt = now, ExpiresAt = expiresAt };
                if (await InsertIfAbsent.RunAsync(db, fresh, Key, cancellationToken))
                {
                    return new IdempotencyClaim(IdempotencyClaimStatus.Claimed);
                }

                var existing = await keys.AsNoTracking().SingleOrDefaultAsync(k => k.Scope == scope && k.Key == key, cancellationToken);
                if (existing is null)
                {
                    // Released or swept between the insert and the read: try again.
                    continue;
                }

                if (existing.ExpiresAt <= now)
                {
                    // Take the expired key over; the condition makes one of two concurrent takeovers win.
                    var taken = await keys.Where(k => k.Scope == scope && k.Key == key && k.ExpiresAt <= now)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(k => k.Fingerprint, fingerprint)
                            .SetProperty(k => k.CreatedAt, now)
                            .SetProperty(k => k.ExpiresAt, expiresAt)
                            .SetProperty(k => k.CompletedAt, (Instant?)null)
                            .SetProperty(k => k.StatusCode, (int?)null)
                            .SetProperty(k => k.ContentType, (string?)null)
                            .SetProperty(k => k.Location, (string?)null)
                            .SetProperty(k => k.Body, (byte[]?)null), cancellationToken);
                    if (taken == 1)
                    {
                        return new IdempotencyClaim(IdempotencyClaimStatus.Claimed);
                    }

                    continue;
                }

                return existing.Fingerprint != fingerprint ? new IdempotencyClaim(IdempotencyClaimStatus.FingerprintMismatch)
                    : existing.CompletedAt is null || existing.StatusCode is not { } status ? new IdempotencyClaim(IdempotencyClaimStatus.InFlight)
                    : new IdempotencyClaim(IdempotencyClaimStatus.Completed,
                        new IdempotentResponse(status, existing.ContentType, existing.Location, Encoding.UTF8.GetString(existing.Body ?? [])));
            }
        }
    }

    public async Task CompleteAsync(string scope, string key, IdempotentResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = Encoding.UTF8.GetBytes(response.Body ?? "");
        var now = clock.GetCurrentInstant();
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            await db.Set<IdempotencyKeyRow>().Where(k => k.Scope == scope && k.Key == key && k.CompletedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(k => k.CompletedAt, now)
                    .SetProperty(k => k.StatusCode, response.StatusCode)
                    .SetProperty(k => k.ContentType, response.ContentType)
                    .SetProperty(k => k.Location, response.Location)
                    .SetProperty(k => k.Body, body), cancellationToken);
        }
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            // A completed key stays: its response is what a retry must get.
            await db.Set<IdempotencyKeyRow>().Where(k => k.Scope == scope && k.Key == key && k.CompletedAt == null)
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Deletes the keys expired at <paramref name="now"/>.</summary>
    internal async Task<int> SweepExpiredAsync(Instant now, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            return await SweepAsync(db, now, cancellationToken);
        }
    }

    private static Task<int> SweepAsync(DbContext db, Instant now, CancellationToken cancellationToken) =>
        db.Set<IdempotencyKeyRow>().Where(k => k.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
}
