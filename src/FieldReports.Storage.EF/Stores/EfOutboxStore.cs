using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;

namespace FieldReports.Storage.EF.Stores;

/// <summary>
/// The EF Core <see cref="IOutboxStore"/>: keys already written are found with one query per call, and each new message is
/// inserted with <c>ON CONFLICT (dedupe_key) DO NOTHING</c>, so a concurrent writer of the same key makes it a no-op.
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
            var added = new List<OutboxMessage>();
            foreach (var message in messages)
            {
                if (known.Add(message.DedupeKey!) && await InsertIfAbsent.RunAsync(db, ReportMapping.ToRow(message), Key, cancellationToken))
                {
                    added.Add(message);
                }
            }

            return added;
        }
    }
}
