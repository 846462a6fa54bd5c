using System.Data.Common;
using FieldReports.Reports;
using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace FieldReports.Storage.EF.Stores;

/// <summary>
/// The EF Core <see cref="IReportStore"/>: one short-lived context per call. While this process runs the outbox dispatcher,
/// the messages of a change are written claimed and handed to it once committed (<see cref="OutboxHandoff"/>).
/// </summary>
internal sealed class EfReportStore<TContext>(IDbContextFactory<TContext> contexts, OutboxHandoff handoff) : IReportStore
    where TContext : DbContext
{
    // A report and its trail up to a version: read by every transition and every view, so compiled once per model.
    private static readonly System.Linq.Expressions.Expression<Func<TContext, Guid, string, CancellationToken, ReportRow?>> RowQuery =
        (db, id, provinceId, _) => db.Set<ReportRow>().AsNoTracking().SingleOrDefault(r => r.Id == id && r.ProvinceId == provinceId);

    private static readonly System.Linq.Expressions.Expression<Func<TContext, Guid, int, IQueryable<ReportEventRow>>> EventsQuery =
        (db, id, version) => db.Set<ReportEventRow>().AsNoTracking().Where(e => e.ReportId == id && e.Sequence <= version).OrderBy(e => e.Sequence);

    public Task<DomainResult> AddAsync(string provinceId, Report report, ReporterContact? contact, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken) =>
        AddAsync(provinceId, report, contact, currentDeadline, messages, [], cancellationToken);

    public async Task<DomainResult> AddAsync(string provinceId, Report report, ReporterContact? contact, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, IReadOnlyCollection<AttachmentMetadata> attachments, CancellationToken cancellationToken) =>
        (await AddCoreAsync(provinceId, report, contact, currentDeadline, messages, attachments, unlessModerated: false, cancellationToken))!.Value;

    // The account's moderation head is checked by the insert itself: one statement more in the same command, no read before.
    public Task<DomainResult?> AddUnlessAccountModeratedAsync(string provinceId, Report report, ReporterContact? contact, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, IReadOnlyCollection<AttachmentMetadata> attachments, CancellationToken cancellationToken) =>
        AddCoreAsync(provinceId, report, contact, currentDeadline, messages, attachments, unlessModerated: true, cancellationToken);

    private async Task<DomainResult?> AddCoreAsync(string provinceId, Report report, ReporterContact? contact, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, IReadOnlyCollection<AttachmentMetadata> attachments, bool unlessModerated, CancellationToken cancellationToken)
    {
        var outbox = Check(provinceId, report, messages);
        ArgumentNullException.ThrowIfNull(attachments);
        if (attachments.Any(a => a is null || a.ProvinceId != provinceId || a.ReportId != report.Id))
        {
            throw new ArgumentException("Every attachment belongs to the report's province and names the report.", nameof(attachments));
        }

        var snapshot = report.ToSnapshot();
        List<object> rows = [ReportMapping.ToRow(snapshot, currentDeadline), .. snapshot.Events.Select(e => ReportMapping.ToRow(report.Id, provinceId, e))];
        if (contact is not null)
        {
            rows.Add(new ReporterContactRow
            {
                ReportId = report.Id.Value,
                ProvinceId = provinceId,
                ReporterAccountId = report.ReporterAccountId,
                Name = contact.Name,
                Phone = contact.Phone,
                Email = contact.Email,
            });
        }

        var reservation = handoff.TryReserve(outbox);
        rows.AddRange(reservation is null ? outbox.Select(ReportMapping.ToRow) : reservation.Messages.Select(reservation.Row));

        // The attachments' rows go in the same transaction: an acknowledged report has them all.
        rows.AddRange(attachments.Select(EfAttachmentStore<TContext>.ToRow));

        // A new report's rows are only ever inserted, so they skip EF Core's change tracking and update pipeline: plain
        // inserts (built from the model) in one transaction, on the hottest write of the system.
        var inserted = 0;
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await using var _ = db;
            DbException? conflict = null;
            var guard = unlessModerated ? new ModerationAccountRow { ProvinceId = provinceId, AccountId = report.ReporterAccountId } : null;
            if (db.Database.GetDbConnection().CanCreateBatch)
            {
                // PostgreSQL: a batch of prepared statements with positional parameters, one implicit transaction.
                await using var batch = Infrastructure.RowInserts.Batch(db, rows, guard);
                try
                {
                    inserted = await ExecuteAsync(db, batch, cancellationToken);
                }
                catch (DbException ex)
                {
                    conflict = ex;
                }
            }
            else
            {
                await using var command = Infrastructure.RowInserts.Command(db, rows, unlessStored: guard);
                var turn = await Infrastructure.SqliteWriterGate.Instance.EnterWriterAsync(db, cancellationToken);
                await using (turn)
                {
                    try
                    {
                        inserted = turn?.Writer is { } writer
                            // SQLite: the writers' queue and the database's writer connection, on which this command's
                            // statements are compiled once (the command text is the same for every report of the same shape).
                            ? await writer.ExecuteAsync(command, cancellationToken)
                            : await ExecuteAsync(db, command, sqlite: turn is not null, cancellationToken);
                    }
                    catch (DbException ex)
                    {
                        conflict = ex;
                    }
                }
            }

            if (conflict is not null)
            {
                // Rolled back: tell a report or a file that exists apart from any other failure, which is the caller's to see.
                if (await ExistsAsync(report.Id, cancellationToken))
                {
                    return StoreErrors.AlreadyExists(report.Id);
                }

                if (attachments.Count > 0 && await AttachmentExistsAsync(provinceId, [.. attachments.Select(a => a.Id)], cancellationToken) is { } taken)
                {
                    return StoreErrors.AttachmentAlreadyExists(taken);
                }

                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(conflict);
            }
        }
        finally
        {
            // Every row or none: the messages were committed if anything was.
            handoff.Settle(reservation, committed: inserted > 0);
        }

        // Guarded, the command inserts every row or none: none when the account has a moderation record.
        return unlessModerated && inserted == 0 ? (DomainResult?)null : DomainResult.Success;
    }

    // A provider with batches (PostgreSQL), on the context's own connection. The statements stay prepared on the physical
    // connection (a round trip the first time, nothing after), so the server does not parse and plan them again.
    private static async Task<int> ExecuteAsync(DbContext db, DbBatch batch, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await batch.PrepareAsync(cancellationToken);
            return await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // SQLite in memory (under the gate), or when the wait at the gate outlasted the busy timeout; a provider without batches.
    private static async Task<int> ExecuteAsync(DbContext db, DbCommand command, bool sqlite, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // PostgreSQL keeps each statement prepared on the physical connection (a round trip the first time, nothing
            // after), so the server no longer parses and plans every insert of every submission: that was most of its
            // work per submission.
            await command.PrepareAsync(cancellationToken);

            // SQLite commits each statement of a command on its own unless a transaction holds them. PostgreSQL runs a
            // command's statements as one implicit transaction (one round trip, no BEGIN or COMMIT).
            await using var transaction = sqlite ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            command.Transaction = transaction?.GetDbTransaction();
            var inserted = await command.ExecuteNonQueryAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return inserted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<Report?> FindAsync(string provinceId, ReportId id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var row = await Infrastructure.CompiledQueries.Single(db.Model, RowQuery)(db, id.Value, provinceId, cancellationToken);
            if (row is null)
            {
                return null;
            }

            // Events are committed with the row that counts them, so reading up to the row's version gives the trail of
            // that very state even if a later change commits in between, without holding a transaction.
            var events = await System.Linq.AsyncEnumerable.ToListAsync(
                Infrastructure.CompiledQueries.Many(db.Model, EventsQuery)(db, id.Value, row.Version), cancellationToken);
            return Report.Restore(ReportMapping.ToSnapshot(row, [.. events.Select(ReportMapping.ToEvent)]));
        }
    }

    public async Task<IReadOnlyDictionary<ReportId, Report>> FindManyAsync(string provinceId, IReadOnlyCollection<ReportId> ids, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentNullException.ThrowIfNull(ids);
        var keys = ids.Select(i => i.Value).Distinct().ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<ReportId, Report>();
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var rows = await db.Set<ReportRow>().AsNoTracking()
                .Where(r => keys.Contains(r.Id) && r.ProvinceId == provinceId)
                .ToListAsync(cancellationToken);
            var found = rows.Select(r => r.Id).ToList();
            var events = await db.Set<ReportEventRow>().AsNoTracking()
                .Where(e => found.Contains(e.ReportId))
                .ToListAsync(cancellationToken);
            var trails = events.ToLookup(e => e.ReportId);

            // As in FindAsync: each trail is cut at its row's version, the state the row describes.
            return rows.ToDictionary(
                r => new ReportId(r.Id),
                r => Report.Restore(ReportMapping.ToSnapshot(r, [.. trails[r.Id].Where(e => e.Sequence <= r.Version).OrderBy(e => e.Sequence).Select(ReportMapping.ToEvent)])));
        }
    }

    public async Task<DomainResult> SaveAsync(string provinceId, Report report, int expectedVersion, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var outbox = Check(provinceId, report, messages);
        if (expectedVersion < 1 || expectedVersion > report.Version)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion,
                "The expected version is the report's version when it was read: at least 1 and at most its current version.");
        }

        var snapshot = report.ToSnapshot();
        var reservation = handoff.TryReserve(outbox);
        var committed = false;
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await using var _ = db;
            using var gate = await Infrastructure.SqliteWriterGate.Instance.EnterAsync(db, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The row is updated first, conditioned on the version read: the update takes the row's lock, so a concurrent
            // writer waits, then finds another version and writes nothing.
            var entry = db.Attach(ReportMapping.ToRow(snapshot, currentDeadline));
            entry.State = EntityState.Modified;
            entry.Property(r => r.Version).OriginalValue = expectedVersion;
            entry.Property(r => r.ProvinceId).OriginalValue = provinceId;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return StoreErrors.ConcurrencyConflict(report.Id, expectedVersion);
            }

            db.Set<ReportEventRow>().AddRange(snapshot.Events.Where(e => e.Sequence > expectedVersion).Select(e => ReportMapping.ToRow(report.Id, provinceId, e)));
            db.Set<OutboxMessageRow>().AddRange(reservation is null ? outbox.Select(ReportMapping.ToRow) : reservation.Messages.Select(reservation.Row));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            committed = true;
        }
        finally
        {
            handoff.Settle(reservation, committed);
        }

        return DomainResult.Success;
    }

    private static List<OutboxMessage> Check(string provinceId, Report report, IEnumerable<OutboxMessage> messages)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(messages);
        if (report.ProvinceId != provinceId)
        {
            throw new ArgumentException("The report belongs to another province; a store call never writes across provinces.", nameof(report));
        }

        var list = messages.ToList();
        if (list.Any(m => m is null || m.ProvinceId != provinceId))
        {
            throw new ArgumentException("Every outbox message belongs to the report's province.", nameof(messages));
        }

        return list;
    }

    private async Task<string?> AttachmentExistsAsync(string provinceId, List<string> ids, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            return await db.Set<AttachmentRow>().Where(a => a.ProvinceId == provinceId && ids.Contains(a.Id)).Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        }
    }

    private async Task<bool> ExistsAsync(ReportId id, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            return await db.Set<ReportRow>().AnyAsync(r => r.Id == id.Value, cancellationToken);
        }
    }
}
