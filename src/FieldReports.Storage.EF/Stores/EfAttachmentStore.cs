using FieldReports.Reports;
using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldReports.Storage.EF.Stores;

/// <summary>The EF Core <see cref="IAttachmentStore"/>.</summary>
internal sealed class EfAttachmentStore<TContext>(IDbContextFactory<TContext> contexts) : IAttachmentStore
    where TContext : DbContext
{
    public async Task<DomainResult> AddAsync(AttachmentMetadata attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentException.ThrowIfNullOrWhiteSpace(attachment.ProvinceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(attachment.Id);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            db.Set<AttachmentRow>().Add(ToRow(attachment));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                if (await FindAsync(attachment.ProvinceId, attachment.Id, cancellationToken) is not null)
                {
                    return StoreErrors.AttachmentAlreadyExists(attachment.Id);
                }

                throw;
            }
        }

        return DomainResult.Success;
    }

    internal static AttachmentRow ToRow(AttachmentMetadata attachment) => new()
    {
        Id = attachment.Id,
        ProvinceId = attachment.ProvinceId,
        ReportId = attachment.ReportId?.Value,
        FileName = attachment.FileName,
        ContentType = attachment.ContentType,
        Length = attachment.Length,
        Sha256 = attachment.Sha256,
        StorageKey = attachment.StorageKey,
        OriginalStorageKey = attachment.OriginalStorageKey,
        Role = attachment.Role,
        CreatedAt = attachment.CreatedAt,
    };

    public async Task<AttachmentMetadata?> FindAsync(string provinceId, string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var row = await db.Set<AttachmentRow>().AsNoTracking().SingleOrDefaultAsync(a => a.ProvinceId == provinceId && a.Id == id, cancellationToken);
            return row is null ? null : ToMetadata(row);
        }
    }

    public async Task<IReadOnlyList<AttachmentMetadata>> ListForReportAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var rows = await db.Set<AttachmentRow>().AsNoTracking()
                .Where(a => a.ReportId == reportId.Value && a.ProvinceId == provinceId)
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(ToMetadata)];
        }
    }

    public async Task<IReadOnlyList<AttachmentMetadata>> ListEvidenceToReviewAsync(string provinceId, Instant uploadedBefore, IReadOnlyCollection<ReportState> settledStates, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentNullException.ThrowIfNull(settledStates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var states = settledStates.Distinct().ToList();
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var rows = await (
                    from a in db.Set<AttachmentRow>().AsNoTracking()
                    join r in db.Set<ReportRow>().AsNoTracking() on a.ReportId equals (Guid?)r.Id
                    where a.ProvinceId == provinceId && a.Role == AttachmentRole.Evidence && a.CreatedAt < uploadedBefore
                        && r.ProvinceId == provinceId && states.Contains(r.State)
                    orderby a.CreatedAt, a.Id
                    select a)
                .Take(limit)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(ToMetadata)];
        }
    }

    public async Task RetainEvidenceAsync(string provinceId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentNullException.ThrowIfNull(ids);
        var keys = ids.Distinct().ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            await db.Set<AttachmentRow>()
                .Where(a => a.ProvinceId == provinceId && a.Role == AttachmentRole.Evidence && keys.Contains(a.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Role, AttachmentRole.RetainedEvidence), cancellationToken);
        }
    }

    public async Task<int> RemoveEvidenceAsync(string provinceId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentNullException.ThrowIfNull(ids);
        var keys = ids.Distinct().ToList();
        if (keys.Count == 0)
        {
            return 0;
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            return await db.Set<AttachmentRow>()
                .Where(a => a.ProvinceId == provinceId && a.Role == AttachmentRole.Evidence && keys.Contains(a.Id))
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    private static AttachmentMetadata ToMetadata(AttachmentRow row) => new()
    {
        Id = row.Id,
        ProvinceId = row.ProvinceId,
        ReportId = row.ReportId is { } id ? new ReportId(id) : null,
        FileName = row.FileName,
        ContentType = row.ContentType,
        Length = row.Length,
        Sha256 = row.Sha256,
        StorageKey = row.StorageKey,
        OriginalStorageKey = row.OriginalStorageKey,
        Role = row.Role,
        CreatedAt = row.CreatedAt,
    };
}
