using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldReports.Storage.EF.Stores;

/// <summary>
/// The EF Core <see cref="ILeaseStore"/>: one row per lease with its holder and expiry. A first acquisition inserts the
/// row (the name is the primary key); later ones update it on the condition that the caller holds it or it has expired.
/// Both are single atomic statements on SQLite and PostgreSQL, so of two instances at most one holds a lease at a time.
/// </summary>
internal sealed class EfLeaseStore<TContext>(IDbContextFactory<TContext> contexts) : ILeaseStore
    where TContext : DbContext
{
    private static readonly string[] Key = [nameof(LeaseRow.Name)];

    public async Task<bool> TryAcquireAsync(string name, string holder, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts a positive duration.");
        }

        var expiresAt = now + duration;
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            if (await InsertIfAbsent.RunAsync(db, new LeaseRow { Name = name, Holder = holder, AcquiredAt = now, ExpiresAt = expiresAt }, Key, cancellationToken))
            {
                return true;
            }

            // On PostgreSQL a concurrent update waits for the row lock, then re-checks the condition against the committed
            // row: after another instance took the lease, it no longer matches. SQLite serialises writers.
            var updated = await db.Set<LeaseRow>()
                .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.AcquiredAt, l => l.Holder == holder ? l.AcquiredAt : now)
                    .SetProperty(l => l.Holder, holder)
                    .SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken);
            return updated == 1;
        }
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            await db.Set<LeaseRow>().Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
