using System.Buffers;
using System.Globalization;
using System.Text;
using FieldReports.Provinces;
using FieldReports.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>
/// Administrators' catalogue of a province: its fields and agency tree, read and replaced as one resource with an ETag (the
/// catalogue version) and <c>If-Match</c>, since agencies name the fields they handle and both are checked together.
/// </summary>
internal static class CatalogueEndpoints
{
    private const int MaxItems = 2000;
    private const int MaxCode = 64;
    private const int MaxName = 300;

    public static void Map(RouteGroupBuilder root)
    {
        var admin = root.MapGroup("/provinces/{provinceId}/admin").AddEndpointFilter<ProvinceScopeFilter>().WithTags("Administrator");
        admin.MapGet("/catalogue", Get)
            .WithName("GetCatalogue")
            .WithSummary("The province's fields and agency tree in force, with its version as the ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(FieldReportsPolicies.Administrator);
        admin.MapPut("/catalogue", Replace)
            .WithName("ReplaceCatalogue")
            .WithSummary("Replaces the province's fields and agency tree; send If-Match with the ETag read. Checked like the configuration; nothing is stored when refused.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireAuthorization(FieldReportsPolicies.Administrator);
        admin.MapGet("/catalogue/versions", Versions)
            .WithName("ListCatalogueVersions")
            .WithSummary("Every stored version of the catalogue, oldest first: who saved it and when (the audit of the edits).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(FieldReportsPolicies.Administrator);
    }

    private static async Task<Results<Ok<CatalogueDto>, ProblemHttpResult>> Get(string provinceId, HttpContext http, [FromServices] ProvinceCatalogueService catalogues, CancellationToken ct)
    {
        if (await catalogues.GetAsync(provinceId, ct) is not { } current)
        {
            return new DomainError(ErrorCodes.ProvinceUnknown, ErrorKind.NotFound, "No such province is served here.").ToProblem();
        }

        http.Response.Headers.ETag = ETagOf(current.Version);
        return TypedResults.Ok(ToDto(current));
    }

    private static async Task<Results<Ok<CatalogueDto>, ValidationProblem, ProblemHttpResult>> Replace(
        string provinceId,
        CatalogueRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatchHeader,
        HttpContext http,
        [FromServices] ApiContext api,
        [FromServices] ProvinceCatalogueService catalogues,
        CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        if (string.IsNullOrWhiteSpace(ifMatchHeader))
        {
            return Problem(StatusCodes.Status428PreconditionRequired, ErrorCodes.CataloguePreconditionRequired, "Precondition required.",
                "Send If-Match with the ETag of the catalogue you edited (GET admin/catalogue), so that an edit made meanwhile is not overwritten.");
        }

        if (Shape(body) is { } invalid)
        {
            return invalid;
        }

        var current = (await catalogues.GetAsync(provinceId, ct))!;
        if (!http.Request.GetTypedHeaders().IfMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || (!tag.IsWeak && tag.Tag == ETagOf(current.Version))))
        {
            return VersionMismatch(current.Version);
        }

        var catalogue = new ProvinceCatalogue(
            body.Fields!.Select(f =>
            {
                var field = new FieldOptions { Code = f!.Code ?? "", NameVi = f.NameVi ?? "", NameEn = f.NameEn };
                foreach (var q in f.Questions ?? [])
                {
                    field.Questions.Add(q);
                }

                return field;
            }),
            body.Agencies!.Select(a =>
            {
                var agency = new AgencyOptions { Id = a!.Id ?? "", Name = a.Name ?? "", Parent = a.Parent, Kind = KindOf(a.Kind)!.Value };
                foreach (var f in a.Fields ?? [])
                {
                    agency.Fields.Add(f);
                }

                foreach (var area in a.Areas ?? [])
                {
                    agency.Areas.Add(area);
                }

                return agency;
            }));
        var outcome = await catalogues.SaveAsync(provinceId, catalogue, current.Version, actor, ct);
        if (outcome.Error is { } error)
        {
            if (error.Code == ErrorCodes.CatalogueInvalid)
            {
                return Invalid(error.Message, outcome.Problems
                    .GroupBy(KeyOf, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));
            }

            return error.Code == ErrorCodes.CatalogueVersionMismatch ? Problem(StatusCodes.Status412PreconditionFailed, error.Code, "Precondition failed.", error.Message) : error.ToProblem();
        }

        http.Response.Headers.ETag = ETagOf(outcome.Revision!.Version);
        return TypedResults.Ok(ToDto(outcome.Revision));
    }

    private static async Task<Results<Ok<CatalogueVersionDto[]>, ProblemHttpResult>> Versions(string provinceId, [FromServices] ApiContext api, [FromServices] IProvinceCatalogueStore store, CancellationToken ct)
    {
        var profile = api.Province(provinceId)!;
        var versions = await store.ListAsync(profile.Id, ct);
        return TypedResults.Ok(versions
            .Select(v => new CatalogueVersionDto(v.Version, v.SavedAt?.ToDateTimeOffset(), v.SavedBy, v.Catalogue.Fields.Length, v.Catalogue.Agencies.Length))
            .ToArray());
    }

    private static string ETagOf(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    private static CatalogueDto ToDto(ProvinceCatalogueRevision r) => new(
        r.Version,
        r.SavedAt?.ToDateTimeOffset(),
        r.SavedBy,
        [.. r.Catalogue.Fields.Select(f => new CatalogueFieldDto(f.Code, f.NameVi, f.NameEn, [.. f.Questions]))],
        [.. r.Catalogue.Agencies.Select(a => new CatalogueAgencyDto(a.Id, a.Name, a.Parent, a.Kind.ToString(), [.. a.Fields], [.. a.Areas]))]);

    // The key a problem is about: its text up to the first space ("Agencies:2:Parent 'x' is not …" → "Agencies:2:Parent").
    private static string KeyOf(string problem)
    {
        var space = problem.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? problem : problem[..space]).TrimEnd(':');
    }

    private static AgencyKind? KindOf(string? kind) =>
        kind is null ? AgencyKind.Department
        : Enum.TryParse<AgencyKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k
        : null;

    // The shape of the request (present lists, lengths, well-formed text, known kinds); the catalogue's meaning (unique codes,
    // parents, cycles, references) is checked by the core, with the same validation as the configuration at start-up.
    private static ValidationProblem? Shape(CatalogueRequest body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Text(string key, string? value, int max)
        {
            if (value is not null && (value.Length > max || !WellFormed(value)))
            {
                errors[key] = [string.Create(CultureInfo.InvariantCulture, $"At most {max} characters of well-formed text, without control characters.")];
            }
        }

        if (body.Fields is null || body.Fields.Count > MaxItems)
        {
            errors["Fields"] = [string.Create(CultureInfo.InvariantCulture, $"Give the whole list of fields (at most {MaxItems}); an empty list removes them all.")];
        }

        if (body.Agencies is null || body.Agencies.Count > MaxItems)
        {
            errors["Agencies"] = [string.Create(CultureInfo.InvariantCulture, $"Give the whole agency tree (at most {MaxItems}); an empty list removes every agency.")];
        }

        for (var i = 0; i < (body.Fields?.Count ?? 0) && errors.Count < 50; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"Fields:{i}");
            if (body.Fields![i] is not { } f)
            {
                errors[key] = ["A field is an object with Code and NameVi."];
                continue;
            }

            Text(key + ":Code", f.Code, MaxCode);
            Text(key + ":NameVi", f.NameVi, MaxName);
            Text(key + ":NameEn", f.NameEn, MaxName);
            if (f.Questions is { Count: > 50 } || f.Questions?.Any(q => q is null || q.Length > 1000 || !WellFormed(q)) == true)
            {
                errors[key + ":Questions"] = ["At most 50 questions of at most 1000 characters each."];
            }
        }

        for (var i = 0; i < (body.Agencies?.Count ?? 0) && errors.Count < 50; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"Agencies:{i}");
            if (body.Agencies![i] is not { } a)
            {
                errors[key] = ["An agency is an object with Id and Name."];
                continue;
            }

            Text(key + ":Id", a.Id, MaxCode);
            Text(key + ":Name", a.Name, MaxName);
            Text(key + ":Parent", a.Parent, MaxCode);
            if (KindOf(a.Kind) is null)
            {
                errors[key + ":Kind"] = [$"Kind is one of {string.Join(", ", Enum.GetNames<AgencyKind>())}."];
            }

            if (a.Fields?.Any(c => c is null || c.Length > MaxCode) == true || a.Areas?.Any(c => c is null || c.Length > MaxCode) == true)
            {
                errors[key] = [string.Create(CultureInfo.InvariantCulture, $"Fields and Areas list codes of at most {MaxCode} characters.")];
            }
        }

        return errors.Count == 0 ? null : Invalid("The catalogue is not well formed; see errors. Nothing was stored.", errors);
    }

    private static bool WellFormed(string value)
    {
        var span = value.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var used) != OperationStatus.Done || Rune.IsControl(rune))
            {
                return false;
            }

            span = span[used..];
        }

        return true;
    }

    private static ValidationProblem Invalid(string detail, Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        detail: detail,
        type: DomainErrorResults.TypePrefix + ErrorCodes.CatalogueInvalid,
        extensions: new Dictionary<string, object?> { [DomainErrorResults.CodeExtension] = ErrorCodes.CatalogueInvalid });

    private static ProblemHttpResult VersionMismatch(int current) =>
        Problem(StatusCodes.Status412PreconditionFailed, ErrorCodes.CatalogueVersionMismatch, "Precondition failed.", string.Create(CultureInfo.InvariantCulture,
            $"The catalogue is at version {current} (ETag \"{current}\"), not the one If-Match names: someone else changed it. Read it again (GET admin/catalogue) and redo the edit on top."));

    private static ProblemHttpResult Problem(int status, string code, string title, string detail) => TypedResults.Problem(
        detail: detail,
        statusCode: status,
        title: title,
        type: DomainErrorResults.TypePrefix + code,
        extensions: new Dictionary<string, object?> { [DomainErrorResults.CodeExtension] = code });
}

/// <summary>A province's catalogue: its fields and agency tree, at a version.</summary>
/// <param name="Version">The version (also the ETag): 0 while the configured catalogue is in force, then 1, 2, … per edit.</param>
/// <param name="SavedAt">When this version was saved; null for version 0.</param>
/// <param name="SavedBy">The administrator who saved it; null for version 0.</param>
/// <param name="Fields">The fields.</param>
/// <param name="Agencies">The agencies, any depth; a root has no parent.</param>
internal sealed record CatalogueDto(int Version, DateTimeOffset? SavedAt, string? SavedBy, IReadOnlyList<CatalogueFieldDto> Fields, IReadOnlyList<CatalogueAgencyDto> Agencies);

/// <summary>A field (lĩnh vực) reports are classified into.</summary>
/// <param name="Code">The stable code, unique in the province.</param>
/// <param name="NameVi">The Vietnamese name.</param>
/// <param name="NameEn">The English name.</param>
/// <param name="Questions">Extra questions the channels ask for this field.</param>
internal sealed record CatalogueFieldDto(string? Code, string? NameVi, string? NameEn, IReadOnlyList<string>? Questions);

/// <summary>An agency of the province's tree.</summary>
/// <param name="Id">The id staff accounts and assignments carry, unique in the province.</param>
/// <param name="Name">The name.</param>
/// <param name="Parent">The id of the agency above it; null for a root.</param>
/// <param name="Kind">Province, Centre, Department, District, Commune, CentralBody or PublicServiceCompany; default Department.</param>
/// <param name="Fields">The field codes it handles (informative; routing follows the routing rules).</param>
/// <param name="Areas">The area codes it covers (informative).</param>
internal sealed record CatalogueAgencyDto(string? Id, string? Name, string? Parent, string? Kind, IReadOnlyList<string>? Fields, IReadOnlyList<string>? Areas);

/// <summary>A new catalogue: the whole lists of fields and agencies, which replace the ones in force.</summary>
/// <param name="Fields">Every field.</param>
/// <param name="Agencies">Every agency.</param>
internal sealed record CatalogueRequest(IReadOnlyList<CatalogueFieldDto?>? Fields, IReadOnlyList<CatalogueAgencyDto?>? Agencies);

/// <summary>One stored version of the catalogue, for the audit of the edits.</summary>
/// <param name="Version">The version.</param>
/// <param name="SavedAt">When it was saved.</param>
/// <param name="SavedBy">The administrator who saved it.</param>
/// <param name="FieldCount">How many fields it has.</param>
/// <param name="AgencyCount">How many agencies it has.</param>
internal sealed record CatalogueVersionDto(int Version, DateTimeOffset? SavedAt, string? SavedBy, int FieldCount, int AgencyCount);
