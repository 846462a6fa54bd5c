using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldReports.Storage.EF.Stores;

/// <summary>The EF Core <see cref="IApiKeyStore"/>: keys by their SHA-256 hash (unique), revocation kept on the row.</summary>
internal sealed class EfApiKeyStore<TContext>(IDbContextFactory<TContext> contexts) : IApiKeyStore
    where TContext : DbContext
{
    public async Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            db.Add(new ApiKeyRow
            {
                Id = key.Id,
                ProvinceId = key.ProvinceId,
                Channel = key.Channel,
                AccountId = key.AccountId,
                Name = key.Name,
                KeyHash = key.KeyHash,
                CreatedAt = key.CreatedAt,
                CreatedBy = key.CreatedBy,
                RevokedAt = key.RevokedAt,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                db.ChangeTracker.Clear();
                if (await db.Set<ApiKeyRow>().AnyAsync(k => k.Id == key.Id || k.KeyHash == key.KeyHash, cancellationToken))
                {
                    throw new ArgumentException($"An api key with the id '{key.Id}' or the same hash already exists.", nameof(key), ex);
                }

                throw;
            }
        }
    }

    public async Task<ApiKey?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyHash);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var row = await db.Set<ApiKeyRow>().AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == keyHash, cancellationToken);
            return row is null ? null : ToKey(row);
        }
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string provinceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            // Province ids compare ignoring case, as everywhere; a province has few keys, so they are matched here.
            var rows = await db.Set<ApiKeyRow>().AsNoTracking()
                .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)
                .ToListAsync(cancellationToken);
            return [.. rows.Where(k => string.Equals(k.ProvinceId, provinceId, StringComparison.OrdinalIgnoreCase)).Select(ToKey)];
        }
    }

    public async Task<ApiKey?> RevokeAsync(string provinceId, string id, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provinceId);
        ArgumentNullException.ThrowIfNull(id);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var keys = db.Set<ApiKeyRow>().Where(k => k.Id == id);
            var row = await keys.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (row is null || !string.Equals(row.ProvinceId, provinceId, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            // Only a valid key is revoked, so a second revocation keeps the first time.
            await keys.Where(k => k.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, at), cancellationToken);
            row = await keys.AsNoTracking().SingleAsync(cancellationToken);
            return ToKey(row);
        }
    }

    private static ApiKey ToKey(ApiKeyRow row) => new()
    {
        Id = row.Id,
        ProvinceId = row.ProvinceId,
        Channel = row.Channel,
        AccountId = row.AccountId,
        Name = row.Name,
        KeyHash = row.KeyHash,
        CreatedAt = row.CreatedAt,
        CreatedBy = row.CreatedBy,
        RevokedAt = row.RevokedAt,
    };
}
