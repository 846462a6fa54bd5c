using FieldReports.Rating;
using FieldReports.Reports;
using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldReports.Storage.EF.Stores;

/// <summary>The EF Core <see cref="IInteractionStore"/>.</summary>
internal sealed class EfInteractionStore<TContext>(IDbContextFactory<TContext> contexts) : IInteractionStore
    where TContext : DbContext
{
    // The key under which StatisticsResult lists interactions the centre answers.
    private const string Centre = "(centre)";

    public async Task<DomainResult> AddAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var s = interaction.ToSnapshot();
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            db.Add(new InteractionRow
            {
                Id = s.Id,
                ProvinceId = s.ProvinceId,
                ReportId = s.ReportId.Value,
                AccountId = s.AccountId,
                AgencyId = s.AgencyId,
                Kind = s.Kind,
                Text = s.Text,
                SentAt = s.SentAt,
                DueAt = s.DueAt,
                Answer = s.Answer,
                AnsweredAt = s.AnsweredAt,
                AnsweredBy = s.AnsweredBy,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                if (await db.Set<InteractionRow>().AnyAsync(i => i.Id == s.Id, cancellationToken))
                {
                    return StoreErrors.InteractionAlreadyExists(s.Id);
                }

                throw;
            }
        }

        return DomainResult.Success;
    }

    public async Task<Interaction?> FindAsync(string provinceId, Guid id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var row = await db.Set<InteractionRow>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.ProvinceId == provinceId, cancellationToken);
            return row is null ? null : ToInteraction(row);
        }
    }

    public async Task<DomainResult> SaveAnswerAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Answer is not { } answer || interaction.AnsweredAt is not { } at || interaction.AnsweredBy is not { } by)
        {
            return StoreErrors.AnswerRequired();
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            // Conditioned on no answer yet: of two staff answering at once, the first answer stands.
            var updated = await db.Set<InteractionRow>()
                .Where(i => i.Id == interaction.Id && i.ProvinceId == interaction.ProvinceId && i.AnsweredAt == null)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(i => i.Answer, answer)
                    .SetProperty(i => i.AnsweredAt, at)
                    .SetProperty(i => i.AnsweredBy, by), cancellationToken);
            return updated == 1 ? DomainResult.Success : StoreErrors.InteractionAlreadyAnswered();
        }
    }

    public async Task<IReadOnlyList<Interaction>> ListForReportAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var rows = await db.Set<InteractionRow>().AsNoTracking()
                .Where(i => i.ReportId == reportId.Value && i.ProvinceId == provinceId)
                .OrderBy(i => i.SentAt).ThenBy(i => i.Id)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(ToInteraction)];
        }
    }

    public async Task<IReadOnlyDictionary<string, int>> CountUnansweredAsync(string provinceId, Instant from, Instant to, Instant asOf, string? agencyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            // Interaction.IsUnansweredAt, in SQL: due before the instant, and not answered by the due instant.
            var query = db.Set<InteractionRow>().AsNoTracking()
                .Where(i => i.ProvinceId == provinceId && i.SentAt >= from && i.SentAt < to)
                .Where(i => i.DueAt != null && i.DueAt < asOf && (i.AnsweredAt == null || i.AnsweredAt > i.DueAt));
            if (agencyId is not null)
            {
                query = query.Where(i => i.AgencyId == agencyId);
            }

            var rows = await query
                .GroupBy(i => i.AgencyId)
                .Select(g => new { AgencyId = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return rows.ToDictionary(r => r.AgencyId ?? Centre, r => r.Count, StringComparer.Ordinal);
        }
    }

    private static Interaction ToInteraction(InteractionRow row) => Interaction.Restore(new InteractionSnapshot
    {
        Id = row.Id,
        ProvinceId = row.ProvinceId,
        ReportId = new ReportId(row.ReportId),
        AccountId = row.AccountId,
        AgencyId = row.AgencyId,
        Kind = row.Kind,
        Text = row.Text,
        SentAt = row.SentAt,
        DueAt = row.DueAt,
        Answer = row.Answer,
        AnsweredAt = row.AnsweredAt,
        AnsweredBy = row.AnsweredBy,
    });
}
