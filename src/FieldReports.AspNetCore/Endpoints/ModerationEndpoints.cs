using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>
/// Violations, account locks and interaction bans (Huế Decision 30/2022), per province, through
/// <see cref="AccountModeration"/> and <see cref="Stores.IAccountModerationStore"/>. Account ids are personal data, so every
/// endpoint takes the account in the body, reads included, never in the URL.
/// </summary>
internal static class ModerationEndpoints
{
    private const int MaxAccountIdLength = 128;
    private const int MaxReasonLength = 2000;

    // Two staff recording on the same account at once: the store refuses the second save, which loads the record again and
    // records on it, so no violation is lost. A few attempts are plenty; a persistent conflict is reported.
    private const int Attempts = 3;

    public static void Map(RouteGroupBuilder province)
    {
        var group = province.MapGroup("/moderation").WithTags("Administrator");
        group.MapPost("/accounts/record", Read)
            .WithName("GetAccountModeration")
            .WithSummary("An account's moderation record: locked or banned now, every violation and decision. POST so that the account id stays out of URLs.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(FieldReportsPolicies.Administrator);
        group.MapPost("/accounts/violations", RecordViolation)
            .WithName("RecordViolation")
            .WithSummary("Records a violation (abusive report or interaction rule); reaching the province's count imposes the lock or the interaction ban.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(FieldReportsPolicies.Centre)
            .AddEndpointFilter<IdempotencyFilter>();
        MapSanction(group, "/accounts/lock", "LockAccount", "Locks an account by an administrator's decision, with a reason: it cannot send reports from the next request on.", SanctionKind.AccountLock);
        MapLift(group, "/accounts/unlock", "UnlockAccount", "Lifts an account lock, with a reason.", SanctionKind.AccountLock);
        MapSanction(group, "/accounts/interaction-ban", "BanInteraction", "Bans an account's interaction by an administrator's decision, with a reason.", SanctionKind.InteractionBan);
        MapLift(group, "/accounts/interaction-unban", "UnbanInteraction", "Lifts an interaction ban, with a reason.", SanctionKind.InteractionBan);
        group.MapGet("/decisions", Decisions)
            .WithName("ListModerationDecisions")
            .WithSummary("Every lock and ban imposed or lifted in the province in a period (from, to; default the last 30 days), oldest first, for audit.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(FieldReportsPolicies.Administrator);
    }

    private static void MapSanction(RouteGroupBuilder group, string route, string name, string summary, SanctionKind sanction) =>
        group.MapPost(route, (string provinceId, SanctionRequest body, HttpContext http, [FromServices] ApiContext api, CancellationToken ct) =>
                ChangeAsync(api, http, provinceId, body.AccountId, body.Reason, (account, actor, profile, now) =>
                    body.Until is { } until
                        ? account.Impose(profile, sanction, actor, body.Reason ?? "", now, Instant.FromDateTimeOffset(until))
                        : account.Impose(profile, sanction, actor, body.Reason ?? "", now), ct))
            .WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(FieldReportsPolicies.Administrator)
            .AddEndpointFilter<IdempotencyFilter>();

    private static void MapLift(RouteGroupBuilder group, string route, string name, string summary, SanctionKind sanction) =>
        group.MapPost(route, (string provinceId, LiftRequest body, HttpContext http, [FromServices] ApiContext api, CancellationToken ct) =>
                ChangeAsync(api, http, provinceId, body.AccountId, body.Reason, (account, actor, _, now) => account.Lift(sanction, actor, body.Reason ?? "", now), ct))
            .WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(FieldReportsPolicies.Administrator)
            .AddEndpointFilter<IdempotencyFilter>();

    private static async Task<Results<Ok<AccountModerationDto>, ValidationProblem, ProblemHttpResult>> Read(
        string provinceId, AccountRequest body, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out _))
        {
            return ApiContext.NoRole();
        }

        if (CheckAccount(body.AccountId) is { } invalid)
        {
            return invalid;
        }

        var account = await api.Moderation.LoadAsync(api.Province(provinceId)!.Id, body.AccountId!, ct);
        return TypedResults.Ok(AccountModerationDto.Of(account, api.Clock.GetCurrentInstant()));
    }

    private static async Task<Results<Ok<AccountModerationDto>, ValidationProblem, ProblemHttpResult>> RecordViolation(
        string provinceId, ViolationRequest body, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        if (body.Kind is not { } k || !Enum.TryParse<ViolationKind>(k, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(k, out _))
        {
            return SubmissionValidation.Invalid("kind", "AbusiveReport or InteractionRule.");
        }

        if (SubmissionValidation.Texts(("accountId", body.AccountId, MaxAccountIdLength), ("note", body.Note, MaxReasonLength)) is { } invalid)
        {
            return invalid;
        }

        // The account is the one named, else the sender of the interaction, else the reporter of the report: staff flag what
        // they saw without copying an account id. A report or interaction of another province is not found.
        var profile = api.Province(provinceId)!;
        ReportId? reportId = body.ReportId is { } r ? new ReportId(r) : null;
        var accountId = string.IsNullOrWhiteSpace(body.AccountId) ? null : body.AccountId;
        if (body.InteractionId is { } interactionId)
        {
            var interaction = await api.Interactions.FindAsync(profile.Id, interactionId, ct);
            if (interaction is null || (reportId is { } rid && interaction.ReportId != rid))
            {
                return new DomainError(ErrorCodes.ReportNotFound, ErrorKind.NotFound, $"The province has no interaction {interactionId} on that report.").ToProblem();
            }

            accountId ??= interaction.AccountId;
            reportId ??= interaction.ReportId;
        }

        if (reportId is { } reported)
        {
            if (await api.Store.FindAsync(profile.Id, reported, ct) is not { } report)
            {
                return ApiContext.NotFound(reported);
            }

            accountId ??= report.ReporterAccountId;
        }

        if (accountId is null)
        {
            return SubmissionValidation.Invalid("accountId", "Name the account, or the report or interaction concerned.");
        }

        return await ChangeAsync(api, http, provinceId, accountId, null, (account, staff, p, now) =>
            account.RecordViolation(p, kind, staff, now, reportId, body.InteractionId, string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim()).Result, ct);
    }

    private static async Task<Results<Ok<AccountModerationDto>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        ApiContext api, HttpContext http, string provinceId, string? accountId, string? reason,
        Func<AccountModeration, Actor, ProvinceProfile, Instant, DomainResult> change, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        if ((CheckAccount(accountId) ?? SubmissionValidation.Texts(("reason", reason, MaxReasonLength))) is { } invalid)
        {
            return invalid;
        }

        var profile = api.Province(provinceId)!;
        DomainError? conflict = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var account = await api.Moderation.LoadAsync(profile.Id, accountId!, ct);
            var expected = account.Version;
            var now = api.Clock.GetCurrentInstant();
            var changed = change(account, actor, profile, now);
            if (changed.Error is { } error)
            {
                return error.ToProblem();
            }

            var saved = await api.Moderation.SaveAsync(profile.Id, account, expected, ct);
            if (saved.IsSuccess)
            {
                return TypedResults.Ok(AccountModerationDto.Of(account, now));
            }

            conflict = saved.Error;
            if (conflict!.Code != ErrorCodes.ConcurrencyConflict)
            {
                break;
            }
        }

        return conflict!.ToProblem();
    }

    private static async Task<Results<Ok<AccountDecisionDto[]>, ValidationProblem>> Decisions(
        string provinceId, [FromServices] ApiContext api, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var end = to is { } t ? Instant.FromDateTimeOffset(t) : api.Clock.GetCurrentInstant();
        var start = from is { } f ? Instant.FromDateTimeOffset(f) : end - Duration.FromDays(30);
        if (end <= start)
        {
            return SubmissionValidation.Invalid("to", "The period ends after it starts.");
        }

        var decisions = await api.Moderation.ListDecisionsAsync(api.Province(provinceId)!.Id, start, end, ct);
        return TypedResults.Ok(decisions.Select(d => new AccountDecisionDto(d.Key, ModerationDecisionDto.Of(d.Value))).ToArray());
    }

    private static ValidationProblem? CheckAccount(string? accountId) => string.IsNullOrWhiteSpace(accountId)
        ? SubmissionValidation.Invalid("accountId", "The account id is required.")
        : SubmissionValidation.Texts(("accountId", accountId, MaxAccountIdLength));
}
