using System.Buffers.Text;
using System.Text;
using FieldReports.Accounts;
using FieldReports.Provinces;
using FieldReports.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>
/// Administrators' staff accounts of a province, kept in the host's <see cref="IStaffDirectory"/> and changed through
/// <see cref="StaffAccountService"/>: list, read (with the account's version as the ETag), create, change role, agency and
/// display name (<c>If-Match</c> required), disable and enable with a reason. Without a directory every endpoint answers
/// 501 <see cref="ErrorCodes.AccountDirectoryUnavailable"/>. Initial passwords are passed to the directory, never echoed nor logged.
/// </summary>
internal static partial class StaffEndpoints
{
    private const int MaxId = 128;
    private const int MaxUserName = 64;
    private const int MaxDisplayName = 200;
    private const int MaxAgency = 64;
    private const int MaxPassword = 256;
    private const int MaxReason = 2000;
    private const int MaxCursor = 256;

    public static void Map(RouteGroupBuilder root)
    {
        var staff = root.MapGroup("/provinces/{provinceId}/admin/staff").AddEndpointFilter<ProvinceScopeFilter>().WithTags("Administrator")
            .RequireAuthorization(FieldReportsPolicies.Administrator);
        staff.MapGet("", List)
            .WithName("ListStaffAccounts")
            .WithSummary("The province's staff accounts, filtered by role and agency, with keyset paging (cursor, pageSize 1–100).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status501NotImplemented);
        staff.MapGet("/{accountId}", Get)
            .WithName("GetStaffAccount")
            .WithSummary("One staff account, with its version as the ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status501NotImplemented);
        staff.MapPost("", Create)
            .WithName("CreateStaffAccount")
            .WithSummary("Creates a staff account: a staff role, the agency of handling staff (one of the catalogue in force), a display name and, when the directory needs one, an initial password (never echoed).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status501NotImplemented);
        staff.MapPut("/{accountId}", Update)
            .WithName("UpdateStaffAccount")
            .WithSummary("Sets a staff account's role, agency and display name; send If-Match with the ETag read. Takes effect on the account's very next request.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesProblem(StatusCodes.Status501NotImplemented);
        staff.MapPost("/{accountId}/disable", (string provinceId, string accountId, StaffAccountReasonRequest body, HttpContext http, [FromServices] ApiContext api, [FromServices] ILogger<StaffAccountService> logger, CancellationToken ct) =>
                SetDisabledAsync(provinceId, accountId, body, disabled: true, http, api, logger, ct))
            .WithName("DisableStaffAccount")
            .WithSummary("Disables a staff account, with a reason: from its very next request it acts as nobody. Not one's own account, nor the province's last administrator.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status501NotImplemented);
        staff.MapPost("/{accountId}/enable", (string provinceId, string accountId, StaffAccountReasonRequest body, HttpContext http, [FromServices] ApiContext api, [FromServices] ILogger<StaffAccountService> logger, CancellationToken ct) =>
                SetDisabledAsync(provinceId, accountId, body, disabled: false, http, api, logger, ct))
            .WithName("EnableStaffAccount")
            .WithSummary("Enables a disabled staff account again, with a reason.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status501NotImplemented);
    }

    private static async Task<Results<Ok<StaffAccountPageDto>, ValidationProblem, ProblemHttpResult>> List(
        string provinceId, HttpContext http, [FromServices] ApiContext api, CancellationToken ct, string? role = null, string? agencyId = null, string? cursor = null, int pageSize = 20)
    {
        if (Service(http) is not { } service)
        {
            return Unavailable();
        }

        if (SubmissionValidation.Texts(("agencyId", agencyId, MaxAgency), ("cursor", cursor, MaxCursor)) is { } invalid)
        {
            return invalid;
        }

        if (pageSize is < 1 or > 100)
        {
            return SubmissionValidation.Invalid("pageSize", "Give a page size from 1 to 100.");
        }

        ActorRole? only = null;
        if (role is not null)
        {
            if (RoleOf(role) is not { } parsed)
            {
                return RoleInvalid(role);
            }

            only = parsed;
        }

        var page = await service.ListAsync(api.Province(provinceId)!.Id, only, string.IsNullOrWhiteSpace(agencyId) ? null : agencyId, string.IsNullOrEmpty(cursor) ? null : cursor, pageSize, ct);
        return TypedResults.Ok(new StaffAccountPageDto([.. page.Items.Select(ToDto)], page.NextCursor));
    }

    private static async Task<Results<Ok<StaffAccountDto>, ValidationProblem, ProblemHttpResult>> Get(string provinceId, string accountId, HttpContext http, CancellationToken ct)
    {
        if (Service(http) is not { } service)
        {
            return Unavailable();
        }

        if (SubmissionValidation.Texts(("accountId", accountId, MaxId)) is { } invalid)
        {
            return invalid;
        }

        if (await service.FindAsync(provinceId, accountId, ct) is not { } account)
        {
            return NotFound();
        }

        http.Response.Headers.ETag = ETagOf(account.Version);
        return TypedResults.Ok(ToDto(account));
    }

    private static async Task<Results<Created<StaffAccountDto>, ValidationProblem, ProblemHttpResult>> Create(
        string provinceId, CreateStaffAccountRequest body, HttpContext http, [FromServices] ApiContext api, [FromServices] ILogger<StaffAccountService> logger, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        if (Service(http) is not { } service)
        {
            return Unavailable();
        }

        if (SubmissionValidation.Texts(("userName", body.UserName, MaxUserName), ("displayName", body.DisplayName, MaxDisplayName), ("agencyId", body.AgencyId, MaxAgency)) is { } invalid)
        {
            return invalid;
        }

        // The password's own rules are the directory's; here only a bound on its size, and no text of it in any answer.
        if (body.Password is { Length: > MaxPassword })
        {
            return SubmissionValidation.Invalid("password", $"At most {MaxPassword} characters.");
        }

        if (RoleOf(body.Role) is not { } role)
        {
            return RoleInvalid(body.Role);
        }

        var outcome = await service.CreateAsync(provinceId, body.UserName ?? "", new StaffAccountChanges(role, body.AgencyId, body.DisplayName ?? ""), body.Password, ct);
        if (outcome.Error is { } error)
        {
            return error.ToProblem();
        }

        var account = outcome.Account!;
        LogChanged(logger, "created", account.Id, account.ProvinceId, account.Role, actor.AccountId);
        http.Response.Headers.ETag = ETagOf(account.Version);
        return TypedResults.Created($"staff/{Uri.EscapeDataString(account.Id)}", ToDto(account));
    }

    private static async Task<Results<Ok<StaffAccountDto>, ValidationProblem, ProblemHttpResult>> Update(
        string provinceId,
        string accountId,
        UpdateStaffAccountRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatchHeader,
        HttpContext http,
        [FromServices] ApiContext api,
        [FromServices] ILogger<StaffAccountService> logger,
        CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        if (Service(http) is not { } service)
        {
            return Unavailable();
        }

        if (string.IsNullOrWhiteSpace(ifMatchHeader))
        {
            return Problem(StatusCodes.Status428PreconditionRequired, ErrorCodes.AccountPreconditionRequired, "Precondition required.",
                "Send If-Match with the ETag of the account you edited (GET admin/staff/{accountId}), so that a change made meanwhile is not overwritten.");
        }

        if (SubmissionValidation.Texts(("accountId", accountId, MaxId), ("displayName", body.DisplayName, MaxDisplayName), ("agencyId", body.AgencyId, MaxAgency)) is { } invalid)
        {
            return invalid;
        }

        if (RoleOf(body.Role) is not { } role)
        {
            return RoleInvalid(body.Role);
        }

        if (await service.FindAsync(provinceId, accountId, ct) is not { } current)
        {
            return NotFound();
        }

        if (!http.Request.GetTypedHeaders().IfMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || (!tag.IsWeak && tag.Tag == ETagOf(current.Version))))
        {
            return VersionMismatch();
        }

        var outcome = await service.UpdateAsync(provinceId, current.Id, new StaffAccountChanges(role, body.AgencyId, body.DisplayName ?? ""), current.Version, ct);
        if (outcome.Error is { } error)
        {
            return error.Code == ErrorCodes.AccountVersionMismatch ? VersionMismatch() : error.ToProblem();
        }

        var account = outcome.Account!;
        LogChanged(logger, "updated", account.Id, account.ProvinceId, account.Role, actor.AccountId);
        http.Response.Headers.ETag = ETagOf(account.Version);
        return TypedResults.Ok(ToDto(account));
    }

    private static async Task<Results<Ok<StaffAccountDto>, ValidationProblem, ProblemHttpResult>> SetDisabledAsync(
        string provinceId, string accountId, StaffAccountReasonRequest body, bool disabled, HttpContext http, ApiContext api, ILogger logger, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        if (Service(http) is not { } service)
        {
            return Unavailable();
        }

        if (SubmissionValidation.Texts(("accountId", accountId, MaxId), ("reason", body.Reason, MaxReason)) is { } invalid)
        {
            return invalid;
        }

        var outcome = await service.SetDisabledAsync(provinceId, accountId, disabled, body.Reason ?? "", actor, ct);
        if (outcome.Error is { } error)
        {
            return error.ToProblem();
        }

        var account = outcome.Account!;
        LogChanged(logger, disabled ? "disabled" : "enabled", account.Id, account.ProvinceId, account.Role, actor.AccountId);
        http.Response.Headers.ETag = ETagOf(account.Version);
        return TypedResults.Ok(ToDto(account));
    }

    private static StaffAccountService? Service(HttpContext http) =>
        http.RequestServices.GetService<IStaffDirectory>() is { } directory
            ? new StaffAccountService(directory, http.RequestServices.GetRequiredService<ProvinceCatalog>())
            : null;

    private static ActorRole? RoleOf(string? text) => ClaimsActorResolver.TryParseRole(text, out var role) ? role : null;

    private static StaffAccountDto ToDto(StaffAccount a) => new(a.Id, a.UserName, a.DisplayName, a.Role.ToString(), a.AgencyId, a.IsDisabled, ETagOf(a.Version));

    // The directory's version is opaque: encoded, so that any text makes a valid entity tag.
    private static string ETagOf(string version) => "\"" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(version)) + "\"";

    private static ProblemHttpResult Unavailable() => Problem(StatusCodes.Status501NotImplemented, ErrorCodes.AccountDirectoryUnavailable, "Not implemented.",
        "This deployment manages staff accounts outside FieldReports: no staff account directory (IStaffDirectory) is registered.");

    private static ProblemHttpResult NotFound() => new DomainError(ErrorCodes.AccountNotFound, ErrorKind.NotFound, "The province has no staff account with this id.").ToProblem();

    private static ProblemHttpResult RoleInvalid(string? role) => new DomainError(ErrorCodes.AccountRoleInvalid, ErrorKind.Validation,
        $"'{(role is { Length: > 40 } ? role[..40] + "…" : role)}' is not a staff role; give ReceptionStaff, Approver, HandlingStaff, Leader or Administrator.").ToProblem();

    private static ProblemHttpResult VersionMismatch() => Problem(StatusCodes.Status412PreconditionFailed, ErrorCodes.AccountVersionMismatch, "Precondition failed.",
        "The staff account changed since the ETag that If-Match names was read: read it again and redo the edit on top.");

    private static ProblemHttpResult Problem(int status, string code, string title, string detail) => TypedResults.Problem(
        detail: detail,
        statusCode: status,
        title: title,
        type: DomainErrorResults.TypePrefix + code,
        extensions: new Dictionary<string, object?> { [DomainErrorResults.CodeExtension] = code });

    [LoggerMessage(EventId = 1400, EventName = "StaffAccountChanged", Level = LogLevel.Information,
        Message = "Staff account {AccountId} of province {ProvinceId} {Change} ({Role}) by administrator {AdministratorId}")]
    private static partial void LogChanged(ILogger logger, string change, string accountId, string provinceId, ActorRole role, string administratorId);
}

/// <summary>A staff account, as administrators see it.</summary>
/// <param name="Id">The directory's opaque id.</param>
/// <param name="UserName">The sign-in name.</param>
/// <param name="DisplayName">The name shown to colleagues.</param>
/// <param name="Role">ReceptionStaff, Approver, HandlingStaff, Leader or Administrator.</param>
/// <param name="AgencyId">The agency of handling staff; null for other roles.</param>
/// <param name="Disabled">Whether the account is disabled.</param>
/// <param name="ETag">The account's version, to send as If-Match when changing it.</param>
internal sealed record StaffAccountDto(string Id, string UserName, string DisplayName, string Role, string? AgencyId, bool Disabled, string ETag);

/// <summary>One page of staff accounts.</summary>
/// <param name="Items">The accounts.</param>
/// <param name="NextCursor">The cursor of the next page; null on the last.</param>
internal sealed record StaffAccountPageDto(IReadOnlyList<StaffAccountDto> Items, string? NextCursor);

/// <summary>A new staff account.</summary>
/// <param name="UserName">The sign-in name.</param>
/// <param name="DisplayName">The name shown to colleagues.</param>
/// <param name="Role">A staff role: ReceptionStaff (reception_staff), Approver, HandlingStaff (handling_staff), Leader or Administrator.</param>
/// <param name="AgencyId">The agency, for handling staff only.</param>
/// <param name="Password">The initial password, when the directory signs accounts in with one; never echoed.</param>
internal sealed record CreateStaffAccountRequest(string? UserName, string? DisplayName, string? Role, string? AgencyId, string? Password)
{
    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"CreateStaffAccountRequest {{ UserName = {UserName}, Role = {Role}, AgencyId = {AgencyId} }}";
}

/// <summary>A staff account's new role, agency and display name.</summary>
/// <param name="DisplayName">The name shown to colleagues.</param>
/// <param name="Role">A staff role.</param>
/// <param name="AgencyId">The agency, for handling staff only.</param>
internal sealed record UpdateStaffAccountRequest(string? DisplayName, string? Role, string? AgencyId);

/// <summary>Why an account is disabled or enabled.</summary>
/// <param name="Reason">The reason, kept by the directory.</param>
internal sealed record StaffAccountReasonRequest(string? Reason);
