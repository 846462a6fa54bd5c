using System.Text.Json;
using FieldReports.Provinces;
using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;

namespace FieldReports.Storage.EF.Stores;

/// <summary>
/// The EF Core <see cref="IProvinceCatalogueStore"/>: one row per version, the catalogue as a JSON document; rows are inserted
/// only, and the key (province, version) makes the second of two concurrent edits fail.
/// </summary>
internal sealed class EfProvinceCatalogueStore<TContext>(IDbContextFactory<TContext> contexts) : IProvinceCatalogueStore
    where TContext : DbContext
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ProvinceCatalogueRevision?> FindLatestAsync(string provinceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var row = await db.Set<ProvinceCatalogueRow>().AsNoTracking()
                .Where(c => c.ProvinceId == provinceId)
                .OrderByDescending(c => c.Version)
                .FirstOrDefaultAsync(cancellationToken);
            return row is null ? null : ToRevision(row);
        }
    }

    public async Task<IReadOnlyList<ProvinceCatalogueRevision>> ListAsync(string provinceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var rows = await db.Set<ProvinceCatalogueRow>().AsNoTracking()
                .Where(c => c.ProvinceId == provinceId)
                .OrderBy(c => c.Version)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(ToRevision)];
        }
    }

    public async Task<DomainResult> AddAsync(ProvinceCatalogueRevision revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (revision.Version < 1 || revision.SavedAt is not { } savedAt || string.IsNullOrWhiteSpace(revision.SavedBy))
        {
            throw new ArgumentException("A stored version is numbered from 1 and says who saved it and when.", nameof(revision));
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var latest = await db.Set<ProvinceCatalogueRow>().AsNoTracking()
                .Where(c => c.ProvinceId == revision.ProvinceId)
                .MaxAsync(c => (int?)c.Version, cancellationToken) ?? 0;
            if (latest != revision.Version - 1)
            {
                return StoreErrors.CatalogueConflict(revision.ProvinceId, revision.Version);
            }

            db.Add(new ProvinceCatalogueRow
            {
                ProvinceId = revision.ProvinceId,
                Version = revision.Version,
                Document = JsonSerializer.Serialize(ToDocument(revision.Catalogue), Json),
                SavedAt = savedAt,
                SavedBy = revision.SavedBy,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another edit inserted this version number after the read above.
                return StoreErrors.CatalogueConflict(revision.ProvinceId, revision.Version);
            }
        }

        return DomainResult.Success;
    }

    private static ProvinceCatalogueRevision ToRevision(ProvinceCatalogueRow row)
    {
        var document = JsonSerializer.Deserialize<CatalogueDocument>(row.Document, Json)
            ?? throw new InvalidOperationException($"Catalogue version {row.Version} of province '{row.ProvinceId}' is not a JSON document.");
        var fields = (document.Fields ?? []).Select(f =>
        {
            var field = new FieldOptions { Code = f.Code ?? "", NameVi = f.NameVi ?? "", NameEn = f.NameEn };
            foreach (var q in f.Questions ?? [])
            {
                field.Questions.Add(q);
            }

            return field;
        });
        var agencies = (document.Agencies ?? []).Select(a =>
        {
            var agency = new AgencyOptions { Id = a.Id ?? "", Name = a.Name ?? "", Parent = a.Parent, Kind = a.Kind };
            foreach (var f in a.Fields ?? [])
            {
                agency.Fields.Add(f);
            }

            foreach (var area in a.Areas ?? [])
            {
                agency.Areas.Add(area);
            }

            return agency;
        });
        return new ProvinceCatalogueRevision(row.ProvinceId, row.Version, new ProvinceCatalogue(fields, agencies), row.SavedAt, row.SavedBy);
    }

    private static CatalogueDocument ToDocument(ProvinceCatalogue catalogue) => new(
        [.. catalogue.Fields.Select(f => new FieldDocument(f.Code, f.NameVi, f.NameEn, [.. f.Questions]))],
        [.. catalogue.Agencies.Select(a => new AgencyDocument(a.Id, a.Name, a.Parent, a.Kind, [.. a.Fields], [.. a.Areas]))]);

    // The document's shape is the configuration's (FieldOptions, AgencyOptions), so that a stored catalogue reads like a
    // province's JSON profile; the agency kind is stored by name.
    private sealed record CatalogueDocument(IReadOnlyList<FieldDocument>? Fields, IReadOnlyList<AgencyDocument>? Agencies);

    private sealed record FieldDocument(string? Code, string? NameVi, string? NameEn, IReadOnlyList<string>? Questions);

    private sealed record AgencyDocument(
        string? Id,
        string? Name,
        string? Parent,
        [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AgencyKind>))] AgencyKind Kind,
        IReadOnlyList<string>? Fields,
        IReadOnlyList<string>? Areas);
}
