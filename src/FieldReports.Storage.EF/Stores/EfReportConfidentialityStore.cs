using FieldReports.Confidentiality;
using FieldReports.Reports;
using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;

namespace FieldReports.Storage.EF.Stores;

/// <summary>The EF Core <see cref="IReportConfidentialityStore"/>: the marks in one row per report, consents as a history.</summary>
internal sealed class EfReportConfidentialityStore<TContext>(IDbContextFactory<TContext> contexts) : IReportConfidentialityStore
    where TContext : DbContext
{
    public async Task<ReportConfidentiality> FindAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var marks = await db.Set<ReportConfidentialityRow>().AsNoTracking()
                .SingleOrDefaultAsync(c => c.ReportId == reportId.Value && c.ProvinceId == provinceId, cancellationToken);
            var consent = await LatestConsent(db, provinceId, reportId).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            if (marks is null && consent is null)
            {
                return ReportConfidentiality.None;
            }

            return new ReportConfidentiality
            {
                Consent = consent is null ? null : ToConsent(consent),
                IdentitySecrecyRequested = marks?.IdentitySecrecyRequested ?? false,
                IsStateSecret = marks?.IsStateSecret ?? false,
            };
        }
    }

    public async Task<DomainResult> SaveAsync(string provinceId, ReportId reportId, ReportConfidentiality marks, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentNullException.ThrowIfNull(marks);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The marks' row is written first so that concurrent saves of one report's marks queue behind its lock.
            var updated = await db.Set<ReportConfidentialityRow>()
                .Where(c => c.ReportId == reportId.Value && c.ProvinceId == provinceId)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.IdentitySecrecyRequested, marks.IdentitySecrecyRequested)
                    .SetProperty(c => c.IsStateSecret, marks.IsStateSecret), cancellationToken);
            if (updated == 0)
            {
                if (!await db.Set<ReportRow>().AnyAsync(r => r.Id == reportId.Value && r.ProvinceId == provinceId, cancellationToken))
                {
                    return StoreErrors.ReportNotFound(reportId);
                }

                db.Add(new ReportConfidentialityRow
                {
                    ReportId = reportId.Value,
                    ProvinceId = provinceId,
                    IdentitySecrecyRequested = marks.IdentitySecrecyRequested,
                    IsStateSecret = marks.IsStateSecret,
                });
            }

            if (marks.Consent is { } consent)
            {
                var latest = await LatestConsent(db, provinceId, reportId).FirstOrDefaultAsync(cancellationToken);
                if (latest is null || latest.GivenAt < consent.GivenAt)
                {
                    db.Add(new IdentityConsentRow
                    {
                        ReportId = reportId.Value,
                        ProvinceId = provinceId,
                        GivenAt = consent.GivenAt,
                        Purpose = consent.Purpose,
                        WordingVersion = consent.WordingVersion,
                        WithdrawnAt = consent.WithdrawnAt,
                    });
                }
                else if (latest.GivenAt > consent.GivenAt)
                {
                    return StoreErrors.ConsentHistoryRewritten("a later consent is already recorded for this report");
                }
                else if (latest.Purpose != consent.Purpose || latest.WordingVersion != consent.WordingVersion)
                {
                    return StoreErrors.ConsentHistoryRewritten("the recorded consent was given with another purpose or wording");
                }
                else if (latest.WithdrawnAt != consent.WithdrawnAt)
                {
                    if (latest.WithdrawnAt is not null)
                    {
                        return StoreErrors.ConsentHistoryRewritten("its withdrawal is already recorded");
                    }

                    latest.WithdrawnAt = consent.WithdrawnAt;
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return StoreErrors.ConsentHistoryRewritten("the same consent was recorded at the same time");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return DomainResult.Success;
    }

    public async Task<IReadOnlyList<IdentityConsent>> ListConsentsAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var rows = await db.Set<IdentityConsentRow>().AsNoTracking()
                .Where(c => c.ReportId == reportId.Value && c.ProvinceId == provinceId)
                .OrderBy(c => c.GivenAt)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(ToConsent)];
        }
    }

    private static IQueryable<IdentityConsentRow> LatestConsent(DbContext db, string provinceId, ReportId reportId) =>
        db.Set<IdentityConsentRow>()
            .Where(c => c.ReportId == reportId.Value && c.ProvinceId == provinceId)
            .OrderByDescending(c => c.GivenAt)
            .Take(1);

    private static IdentityConsent ToConsent(IdentityConsentRow row) => new()
    {
        Purpose = row.Purpose,
        WordingVersion = row.WordingVersion,
        GivenAt = row.GivenAt,
        WithdrawnAt = row.WithdrawnAt,
    };
}
