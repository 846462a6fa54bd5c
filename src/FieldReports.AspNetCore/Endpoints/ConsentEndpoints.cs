using FieldReports.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>
/// The reporter's consent to share their identity with the handling agency (Law 91/2025 on personal data; Cà Mau art. 6.5):
/// off unless given, recorded with its purpose, wording version and time, withdrawable at any moment. Every view reads the
/// consent again, so a withdrawal hides the identity from the very next read.
/// </summary>
internal static class ConsentEndpoints
{
    private const int MaxPurposeLength = 1000;
    private const int MaxWordingVersionLength = 64;

    public static void Map(RouteGroupBuilder province)
    {
        var citizen = province.MapGroup("").WithTags("Citizen");
        citizen.MapPost("/reports/{id:guid}/consent", Give)
            .WithName("GiveIdentityConsent")
            .WithSummary("The reporter consents to share their identity with the handling agency, for a purpose, under the province's wording in force.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(FieldReportsPolicies.Reporter)
            .AddEndpointFilter<IdempotencyFilter>();
        citizen.MapDelete("/reports/{id:guid}/consent", Withdraw)
            .WithName("WithdrawIdentityConsent")
            .WithSummary("The reporter withdraws their consent; the agency no longer sees their identity from the next read on.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(FieldReportsPolicies.Reporter);
        province.MapGet("/reports/{id:guid}/consents", List)
            .WithName("ListIdentityConsents")
            .WithSummary("Every consent given for a report, oldest first, with its withdrawal: the reporter's own, or for the centre's audit.")
            .WithTags("Reports")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(FieldReportsPolicies.CentreOrReporter);
    }

    private static async Task<Results<Ok<ConsentDto>, ValidationProblem, ProblemHttpResult>> Give(
        string provinceId, Guid id, ConsentRequest body, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        if (SubmissionValidation.Texts(("purpose", body.Purpose, MaxPurposeLength), ("wordingVersion", body.WordingVersion, MaxWordingVersionLength)) is { } invalid)
        {
            return invalid;
        }

        var profile = api.Province(provinceId)!;
        var report = await api.Store.FindAsync(profile.Id, new ReportId(id), ct);
        if (report is null || !ApiContext.MayKnow(report, actor))
        {
            return ApiContext.NotFound(new ReportId(id));
        }

        var inForce = profile.Options.Confidentiality.ConsentWordingVersion;
        if (body.WordingVersion is { } shown && !string.Equals(shown, inForce, StringComparison.Ordinal))
        {
            // Consent counts only for the wording the reporter actually read; an app showing old wording must show the new one.
            return new DomainError(ErrorCodes.ConsentInvalid, ErrorKind.Conflict,
                $"Consent cannot be changed: the wording shown ('{shown}') is not the wording in force ('{inForce}'); show the current wording and ask again.").ToProblem();
        }

        var now = api.Clock.GetCurrentInstant();
        var current = await api.Marks.FindAsync(profile.Id, report.Id, ct);
        var (given, marks) = api.Confidentiality(profile).GiveConsent(report, actor, body.Purpose ?? "", current, now);
        if (given.Error is { } error)
        {
            return error.ToProblem();
        }

        var saved = await api.Marks.SaveAsync(profile.Id, report.Id, marks, ct);
        return saved.Error is { } failed ? failed.ToProblem() : TypedResults.Ok(ConsentDto.Of(marks.Consent!, now));
    }

    private static async Task<Results<Ok<ConsentDto>, ProblemHttpResult>> Withdraw(string provinceId, Guid id, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        var profile = api.Province(provinceId)!;
        var report = await api.Store.FindAsync(profile.Id, new ReportId(id), ct);
        if (report is null || !ApiContext.MayKnow(report, actor))
        {
            return ApiContext.NotFound(new ReportId(id));
        }

        var now = api.Clock.GetCurrentInstant();
        var current = await api.Marks.FindAsync(profile.Id, report.Id, ct);
        var (withdrawn, marks) = api.Confidentiality(profile).WithdrawConsent(report, actor, current, now);
        if (withdrawn.Error is { } error)
        {
            return error.ToProblem();
        }

        var saved = await api.Marks.SaveAsync(profile.Id, report.Id, marks, ct);
        return saved.Error is { } failed ? failed.ToProblem() : TypedResults.Ok(ConsentDto.Of(marks.Consent!, now));
    }

    private static async Task<Results<Ok<ConsentDto[]>, ProblemHttpResult>> List(string provinceId, Guid id, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        var profile = api.Province(provinceId)!;
        var report = await api.Store.FindAsync(profile.Id, new ReportId(id), ct);
        if (report is null || !ApiContext.MayKnow(report, actor))
        {
            return ApiContext.NotFound(new ReportId(id));
        }

        var now = api.Clock.GetCurrentInstant();
        var consents = await api.Marks.ListConsentsAsync(profile.Id, report.Id, ct);
        return TypedResults.Ok(consents.Select(c => ConsentDto.Of(c, now)).ToArray());
    }
}
