using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;

namespace FieldReports.Storage.EF.Stores;

/// <summary>
/// The EF Core <see cref="IOutboxStore"/>: keys already written are found with one query per call, and the new messages are
/// inserted in one transaction with <c>ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING</c> (the unique index
/// holds keyed messages only), so a concurrent writer of the same key makes
/// its insert a no-op.
/// </summary>
internal sealed class EfOutboxStore<TContext>(IDbContextFactory<TContext> contexts) : IOutboxStore
    where TContext : DbContext
{
    private static readonly string[] Key = [nameof(OutboxMessageRow.DedupeKey)];

    public async Task<IReadOnlyList<OutboxMessage>> AddIfAbsentAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Any(m => m is null || string.IsNullOrEmpty(m.DedupeKey)))
        {
            throw new ArgumentException("Every message has a DedupeKey.", nameof(messages));
        }

        if (messages.Count == 0)
        {
            return [];
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var keys = messages.Select(m => m.DedupeKey!).Distinct(StringComparer.Ordinal).ToList();
            // Most keys of a pass were written by earlier passes: skip them without an insert.
            var known = (await db.Set<OutboxMessageRow>().AsNoTracking()
                .Where(m => m.DedupeKey != null && keys.Contains(m.DedupeKey))
                .Select(m => m.DedupeKey!)
                .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var fresh = messages.Where(m => known.Add(m.DedupeKey!)).ToList();
            if (fresh.Count == 0)
            {
                return [];
            }

            // One transaction (one commit, one fsync) for the batch. Keys are inserted in one order, so that two writers of
            // overlapping batches on PostgreSQL wait for each other instead of deadlocking; a key the other committed is skipped.
            var inserted = new HashSet<Guid>();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var message in fresh.OrderBy(m => m.DedupeKey, StringComparer.Ordinal))
                {
                    if (await InsertIfAbsent.RunAsync(db, ReportMapping.ToRow(message), Key, cancellationToken))
                    {
                        inserted.Add(message.Id);
                    }
                }

                await transaction.CommitAsync(cancellationToken);
            }

            var added = fresh.Where(m => inserted.Contains(m.Id)).ToList();
            return added;
        }
    }
}
