using System.Linq.Expressions;
using FieldReports.Moderation;
using FieldReports.Reports;
using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldReports.Storage.EF.Stores;

/// <summary>The EF Core <see cref="IAccountModerationStore"/>: a head row per account carries the version; entries are inserted only.</summary>
internal sealed class EfAccountModerationStore<TContext>(IDbContextFactory<TContext> contexts) : IAccountModerationStore
    where TContext : DbContext
{
    // Read on every submission and interaction: compiled once per model instead of translated from LINQ on each call.
    private static readonly Expression<Func<TContext, string, string, CancellationToken, ModerationAccountRow?>> HeadQuery =
        (db, provinceId, accountId, _) => db.Set<ModerationAccountRow>().AsNoTracking()
            .SingleOrDefault(a => a.ProvinceId == provinceId && a.AccountId == accountId);

    public async Task<AccountModeration> LoadAsync(string provinceId, string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var head = await Infrastructure.CompiledQueries.Single(db.Model, HeadQuery)(db, provinceId, accountId, cancellationToken);
            if (head is null)
            {
                return new AccountModeration(provinceId, accountId);
            }

            // Entries are committed with the head that counts them, so reading up to its counts gives that very state even if
            // a later save commits in between, without holding a transaction.
            var violations = await db.Set<ViolationRow>().AsNoTracking()
                .Where(v => v.ProvinceId == provinceId && v.AccountId == accountId && v.Sequence <= head.ViolationCount)
                .OrderBy(v => v.Sequence)
                .ToListAsync(cancellationToken);
            var decisions = await db.Set<ModerationDecisionRow>().AsNoTracking()
                .Where(d => d.ProvinceId == provinceId && d.AccountId == accountId && d.Sequence <= head.DecisionCount)
                .OrderBy(d => d.Sequence)
                .ToListAsync(cancellationToken);
            return AccountModeration.Restore(head.ProvinceId, head.AccountId, violations.Select(ToViolation), decisions.Select(ToDecision));
        }
    }

    public async Task<DomainResult> SaveAsync(string provinceId, AccountModeration account, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentNullException.ThrowIfNull(account);
        if (account.ProvinceId != provinceId)
        {
            throw new ArgumentException("The record belongs to another province; a store call never writes across provinces.", nameof(account));
        }

        if (expectedVersion < 0 || expectedVersion > account.Version)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion,
                "The expected version is the record's version when it was loaded: at least 0 and at most its current version.");
        }

        if (expectedVersion == account.Version)
        {
            return DomainResult.Success;
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            // The head is read outside the transaction: versions only grow, so a head read at the expected version holds the
            // counts of that version, and the conditional write below refuses any other. Reading inside would make SQLite
            // refuse the write whenever any other account was written in between.
            var stored = await db.Set<ModerationAccountRow>().AsNoTracking()
                .SingleOrDefaultAsync(a => a.ProvinceId == provinceId && a.AccountId == account.AccountId, cancellationToken);
            if ((stored?.Version ?? 0) != expectedVersion)
            {
                return StoreErrors.ModerationConflict(account.AccountId, expectedVersion);
            }

            var (storedViolations, storedDecisions) = (stored?.ViolationCount ?? 0, stored?.DecisionCount ?? 0);
            if (storedViolations > account.Violations.Count || storedDecisions > account.Decisions.Count)
            {
                return StoreErrors.ModerationConflict(account.AccountId, expectedVersion);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The head is written first, conditioned on the version read (or inserted under its key): the write takes the lock,
            // so a concurrent save waits, then finds another version (or a duplicate key) and writes nothing.
            var head = new ModerationAccountRow
            {
                ProvinceId = provinceId,
                AccountId = account.AccountId,
                ViolationCount = account.Violations.Count,
                DecisionCount = account.Decisions.Count,
                Version = account.Version,
            };
            if (stored is null)
            {
                db.Add(head);
            }
            else
            {
                var entry = db.Attach(head);
                entry.State = EntityState.Modified;
                entry.Property(a => a.Version).OriginalValue = expectedVersion;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return StoreErrors.ModerationConflict(account.AccountId, expectedVersion);
            }

            db.Set<ViolationRow>().AddRange(account.Violations.Skip(storedViolations).Select((v, i) => ToRow(provinceId, account.AccountId, storedViolations + i + 1, v)));
            db.Set<ModerationDecisionRow>().AddRange(account.Decisions.Skip(storedDecisions).Select((d, i) => ToRow(provinceId, account.AccountId, storedDecisions + i + 1, d)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return DomainResult.Success;
    }

    public async Task<IReadOnlyList<KeyValuePair<string, ModerationDecision>>> ListDecisionsAsync(string provinceId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var rows = await db.Set<ModerationDecisionRow>().AsNoTracking()
                .Where(d => d.ProvinceId == provinceId && d.At >= from && d.At < to)
                .OrderBy(d => d.At).ThenBy(d => d.AccountId).ThenBy(d => d.Sequence)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(r => KeyValuePair.Create(r.AccountId, ToDecision(r)))];
        }
    }

    private static ViolationRow ToRow(string provinceId, string accountId, int sequence, Violation v) => new()
    {
        ProvinceId = provinceId,
        AccountId = accountId,
        Sequence = sequence,
        Kind = v.Kind,
        RecordedAt = v.RecordedAt,
        RecordedBy = v.RecordedBy,
        ReportId = v.ReportId?.Value,
        InteractionId = v.InteractionId,
        Note = v.Note,
    };

    private static ModerationDecisionRow ToRow(string provinceId, string accountId, int sequence, ModerationDecision d) => new()
    {
        ProvinceId = provinceId,
        AccountId = accountId,
        Sequence = sequence,
        Kind = d.Kind,
        Sanction = d.Sanction,
        At = d.At,
        Until = d.Until,
        DecidedBy = d.DecidedBy,
        Reason = d.Reason,
        ViolationCount = d.ViolationCount,
    };

    private static Violation ToViolation(ViolationRow r) => new()
    {
        Kind = r.Kind,
        RecordedAt = r.RecordedAt,
        RecordedBy = r.RecordedBy,
        ReportId = r.ReportId is { } id ? new ReportId(id) : null,
        InteractionId = r.InteractionId,
        Note = r.Note,
    };

    private static ModerationDecision ToDecision(ModerationDecisionRow r) => new()
    {
        Kind = r.Kind,
        Sanction = r.Sanction,
        At = r.At,
        Until = r.Until,
        DecidedBy = r.DecidedBy,
        Reason = r.Reason,
        ViolationCount = r.ViolationCount,
    };
}
