using FieldReports.Provinces;
using FieldReports.Rating;
using FieldReports.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>
/// Interactions on published results (Huế Decision 30/2022), through the core's <see cref="InteractionPolicy"/>: citizens
/// comment or ask for clarification, the responsible staff answer, and everyone who may see the report reads them,
/// redacted for the caller.
/// </summary>
internal static class InteractionEndpoints
{
    public static void Map(RouteGroupBuilder province)
    {
        province.MapPost("/reports/{id:guid}/interactions", Open)
            .WithName("PostInteraction")
            .WithSummary("A citizen comments on a published result or asks for clarification (answer due within a day). Refused to an interaction-banned account.")
            .WithTags("Citizen")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(FieldReportsPolicies.Reporter)
            .RequireRateLimiting(ReportEndpoints.SubmissionRateLimit)
            .AddEndpointFilter<IdempotencyFilter>();
        province.MapPost("/reports/{id:guid}/interactions/{interactionId:guid}/answer", Answer)
            .WithName("AnswerInteraction")
            .WithSummary("The responsible staff answer an interaction: handling staff of its agency, or reception staff when the centre answered the report itself.")
            .WithTags("Handling")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(FieldReportsPolicies.Staff)
            .AddEndpointFilter<IdempotencyFilter>();
        province.MapGet("/reports/{id:guid}/interactions", List)
            .WithName("ListInteractions")
            .WithSummary("The interactions on a report, oldest first, redacted for the caller: citizens' accounts are shown to the centre's staff only.")
            .WithTags("Reports")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization();
        province.MapGet("/public/reports/{id:guid}/interactions", PublicList)
            .WithName("ListPublishedInteractions")
            .WithSummary("The interactions on a published result, oldest first, as the public sees them: never who sent or answered them.")
            .WithTags("Public")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
    }

    private static async Task<Results<Created<InteractionDto>, ValidationProblem, ProblemHttpResult>> Open(
        string provinceId, Guid id, InteractionRequest body, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        var kind = InteractionKind.Comment;
        if (body.Kind is { } k && (!Enum.TryParse(k, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(k, out _)))
        {
            return SubmissionValidation.Invalid("kind", "Comment or ClarificationRequest.");
        }

        if (SubmissionValidation.Texts(("text", body.Text, ReportCommand.MaxTextLength)) is { } invalid)
        {
            return invalid;
        }

        var profile = api.Province(provinceId)!;
        if (await VisibleAsync(api, profile, new ReportId(id), actor, ct) is not { } report)
        {
            return ApiContext.NotFound(new ReportId(id));
        }

        // The moderation record is read on every request, so a ban takes effect on the very next one.
        var now = api.Clock.GetCurrentInstant();
        var account = await api.Moderation.LoadAsync(profile.Id, actor.AccountId, ct);
        var (opened, interaction) = Policy(http, profile).Open(report, actor, kind, body.Text ?? "", now, account);
        if (opened.Error is { } error)
        {
            return error.ToProblem();
        }

        var stored = await api.Interactions.AddAsync(interaction!, ct);
        if (stored.Error is { } failed)
        {
            return failed.ToProblem();
        }

        return TypedResults.Created($"interactions/{interaction!.Id}", InteractionViews.Of(interaction, actor));
    }

    private static async Task<Results<Ok<InteractionDto>, ValidationProblem, ProblemHttpResult>> Answer(
        string provinceId, Guid id, Guid interactionId, AnswerRequest body, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        if (SubmissionValidation.Texts(("answer", body.Answer, ReportCommand.MaxTextLength)) is { } invalid)
        {
            return invalid;
        }

        var profile = api.Province(provinceId)!;
        var reportId = new ReportId(id);
        if (await VisibleAsync(api, profile, reportId, actor, ct) is null
            || await api.Interactions.FindAsync(profile.Id, interactionId, ct) is not { } interaction
            || interaction.ReportId != reportId)
        {
            return ApiContext.NotFound(reportId);
        }

        var answered = Policy(http, profile).Answer(interaction, actor, body.Answer ?? "", api.Clock.GetCurrentInstant());
        if (answered.Error is { } error)
        {
            return error.ToProblem();
        }

        var saved = await api.Interactions.SaveAnswerAsync(interaction, ct);
        return saved.Error is { } failed ? failed.ToProblem() : TypedResults.Ok(InteractionViews.Of(interaction, actor));
    }

    private static async Task<Results<Ok<InteractionDto[]>, ProblemHttpResult>> List(string provinceId, Guid id, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        var profile = api.Province(provinceId)!;
        if (await VisibleAsync(api, profile, new ReportId(id), actor, ct) is not { } report)
        {
            return ApiContext.NotFound(new ReportId(id));
        }

        var interactions = await api.Interactions.ListForReportAsync(profile.Id, report.Id, ct);
        return TypedResults.Ok(interactions.Select(i => InteractionViews.Of(i, actor)).ToArray());
    }

    private static async Task<Results<Ok<InteractionDto[]>, ProblemHttpResult>> PublicList(string provinceId, Guid id, [FromServices] ApiContext api, CancellationToken ct)
    {
        var profile = api.Province(provinceId)!;
        var report = await api.Store.FindAsync(profile.Id, new ReportId(id), ct);
        if (report is null
            || api.Confidentiality(profile).View(report, null, null, await api.Marks.FindAsync(profile.Id, report.Id, ct), api.Clock.GetCurrentInstant()) is null)
        {
            return ApiContext.NotFound(new ReportId(id));
        }

        var interactions = await api.Interactions.ListForReportAsync(profile.Id, report.Id, ct);
        return TypedResults.Ok(interactions.Select(i => InteractionViews.Of(i, null)).ToArray());
    }

    /// <summary>
    /// The report when the caller may see it: its reporter, the centre, the assigned agency and leaders as for the report
    /// itself; other citizens only what the public sees (a published, non-confidential result). Null otherwise, answered 404.
    /// </summary>
    private static async Task<Report?> VisibleAsync(ApiContext api, ProvinceProfile profile, ReportId id, Actor actor, CancellationToken ct)
    {
        var report = await api.Store.FindAsync(profile.Id, id, ct);
        if (report is null || !(ApiContext.MayKnow(report, actor) || actor.Role == ActorRole.Reporter))
        {
            return null;
        }

        var marks = await api.Marks.FindAsync(profile.Id, id, ct);
        return api.Confidentiality(profile).View(report, null, actor, marks, api.Clock.GetCurrentInstant()) is null ? null : report;
    }

    private static InteractionPolicy Policy(HttpContext http, ProvinceProfile profile) =>
        http.RequestServices.GetRequiredKeyedService<InteractionPolicy>(profile.Id);
}
