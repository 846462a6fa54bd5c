using FieldReports.Reports;
using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldReports.Storage.EF.Stores;

/// <summary>The EF Core <see cref="IReporterDataStore"/>.</summary>
internal sealed class EfReporterDataStore<TContext>(IDbContextFactory<TContext> contexts) : IReporterDataStore
    where TContext : DbContext
{
    public async Task<ReporterContact?> FindContactAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var row = await db.Set<ReporterContactRow>().AsNoTracking()
                .SingleOrDefaultAsync(c => c.ReportId == reportId.Value && c.ProvinceId == provinceId && c.ErasedAt == null, cancellationToken);
            return row is null ? null : new ReporterContact { Name = row.Name, Phone = row.Phone, Email = row.Email };
        }
    }

    public async Task<IReadOnlyList<KeyValuePair<ReportId, ReporterContact>>> ExportAsync(string provinceId, string reporterAccountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reporterAccountId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var rows = await (
                from c in db.Set<ReporterContactRow>().AsNoTracking()
                join r in db.Set<ReportRow>() on c.ReportId equals r.Id
                where c.ProvinceId == provinceId && c.ReporterAccountId == reporterAccountId && c.ErasedAt == null
                orderby r.SubmittedAt, r.Id
                select c).ToListAsync(cancellationToken);
            return [.. rows.Select(c => KeyValuePair.Create(new ReportId(c.ReportId), new ReporterContact { Name = c.Name, Phone = c.Phone, Email = c.Email }))];
        }
    }

    public async Task<int> EraseReporterAsync(string provinceId, string reporterAccountId, Instant at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reporterAccountId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            // The row stays, emptied, as the record that the data existed and was erased; the report and its trail are untouched.
            return await db.Set<ReporterContactRow>()
                .Where(c => c.ProvinceId == provinceId && c.ReporterAccountId == reporterAccountId && c.ErasedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Name, (string?)null)
                    .SetProperty(c => c.Phone, (string?)null)
                    .SetProperty(c => c.Email, (string?)null)
                    .SetProperty(c => c.ErasedAt, at), cancellationToken);
        }
    }
}
