using FieldReports.Intake;
using FieldReports.Moderation;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>The report endpoints of every role, under <c>/provinces/{provinceId}</c>.</summary>
internal static class ReportEndpoints
{
    /// <summary>The rate-limiting policy of submission and interaction endpoints.</summary>
    public const string SubmissionRateLimit = "FieldReports.Submission";

    public static void Map(RouteGroupBuilder root)
    {
        var province = root.MapGroup("/provinces/{provinceId}").AddEndpointFilter<ProvinceScopeFilter>();

        // Citizens.
        var citizen = province.MapGroup("").WithTags("Citizen");
        citizen.MapPost("/reports", Submit)
            .WithName("SubmitReport").WithSummary("Sends a field report (JSON). Send an Idempotency-Key header so that a retry never creates a second report.")
            .Accepts<SubmitReportRequest>("application/json")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(FieldReportsPolicies.Reporter).RequireRateLimiting(SubmissionRateLimit).AddEndpointFilter<IdempotencyFilter>();
        citizen.MapPost("/reports/multipart", SubmitMultipart)
            .WithName("SubmitReportWithMedia").WithSummary("Sends a field report with photos or videos (multipart: a 'report' JSON part and 'files').")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status408RequestTimeout).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery()
            .RequireAuthorization(FieldReportsPolicies.Reporter).RequireRateLimiting(SubmissionRateLimit).AddEndpointFilter<IdempotencyFilter>();
        citizen.MapGet("/my/reports", MyReports)
            .WithName("ListMyReports").WithSummary("The caller's own reports, newest first, with keyset paging (cursor, pageSize 1–100).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(FieldReportsPolicies.Reporter);
        citizen.MapGet("/my/data", ExportMyData)
            .WithName("ExportMyData").WithSummary("Every contact detail the caller gave in the province (access to personal data, Law 91/2025).")
            .RequireAuthorization(FieldReportsPolicies.Reporter);
        citizen.MapDelete("/my/data", EraseMyData)
            .WithName("EraseMyData").WithSummary("Erases the caller's contact details; reports stay, de-identified.")
            .RequireAuthorization(FieldReportsPolicies.Reporter);
        MapCommand<ReasonRequest>(citizen, "withdraw", "WithdrawReport", "Withdraws the caller's report before intake.", FieldReportsPolicies.Reporter, (b, _) => new WithdrawCommand(b.Reason));
        MapCommand<RateRequest>(citizen, "rating", "RateReport", "Rates the result of the caller's report.", FieldReportsPolicies.Reporter, (b, p) => new RateCommand(
            p.RatingScale.FirstOrDefault(l => l.Code == b.Level) is { Code: not null } level ? level : new RatingLevel(b.Level ?? "", false), b.Comment), rateLimited: true);

        // Any signed-in role: one report, as the caller may see it.
        province.MapGet("/reports/{id:guid}", GetReport)
            .WithName("GetReport").WithSummary("One report, redacted for the caller by the province's confidentiality policy.").WithTags("Reports")
            .RequireAuthorization();

        // Attachments: originals for the centre, copies without metadata for the others (Attachments/AttachmentEndpoints.cs).
        AttachmentEndpoints.Map(province);

        // Reception staff of the centre.
        var reception = province.MapGroup("").WithTags("Reception");
        reception.MapGet("/intake-queue", IntakeQueue)
            .WithName("GetIntakeQueue").WithSummary("The centre's queue (to receive, to distribute or redistribute, to check, escalated), nearest deadline first, reports without one last, with SLA countdowns ('offset', 'limit' 1–500).")
            .RequireAuthorization(FieldReportsPolicies.Reception);
        MapCommand<ReceiveRequest>(reception, "receive", "ReceiveReport", "Accepts a report and classifies it into a field.", FieldReportsPolicies.Reception, (b, _) => new ReceiveCommand(b.FieldCode ?? "", b.Urgent));
        MapCommand<RejectRequest>(reception, "reject", "RejectReport", "Refuses a report at intake, with a reason.", FieldReportsPolicies.Reception, (b, p) => new RejectCommand(
            Enum.TryParse<IntakeRejectionReason>(b.Reason, ignoreCase: true, out var r) && !int.TryParse(b.Reason, out var n) ? r : (IntakeRejectionReason)(-1),
            b.Explanation,
            b.DuplicateOf is { } d ? new ReportId(d) : null));
        MapCommand<AssignRequest>(reception, "assign", "AssignReport", "Assigns a received report to a handling agency.", FieldReportsPolicies.Reception, (b, _) => new AssignCommand(b.AgencyId ?? "", b.Instructions));
        MapCommand<AnswerRequest>(reception, "answer", "AnswerReportDirectly", "Answers the reporter directly.", FieldReportsPolicies.Reception, (b, _) => new AnswerDirectlyCommand(b.Answer ?? ""));
        MapCommand<AssignRequest>(reception, "redistribute", "RedistributeReport", "Sends a returned report to another agency.", FieldReportsPolicies.Reception, (b, _) => new RedistributeCommand(b.AgencyId ?? "", b.Instructions));
        MapCommand<ReasonRequest>(reception, "escalate", "EscalateReport", "Raises a report to the province's escalation body.", FieldReportsPolicies.Reception, (b, _) => new EscalateCommand(b.Reason ?? ""));
        MapCommand<ResumeRequest>(reception, "resume", "ResumeReport", "Records the escalation body's direction and assigns the agency it names.", FieldReportsPolicies.Reception, (b, _) => new ResumeCommand(b.Direction ?? "", b.AgencyId ?? ""));

        // The centre's approver.
        var approver = province.MapGroup("").WithTags("Approver");
        MapCommand<RemarkRequest>(approver, "approve", "ApproveResult", "Approves the result and publishes it.", FieldReportsPolicies.Approver, (b, _) => new ApproveCommand(b.Remark));
        MapCommand<RemarkRequest>(approver, "reply-privately", "ReplyPrivately", "Approves the result and sends it to the reporter only.", FieldReportsPolicies.Approver, (b, _) => new ReplyPrivatelyCommand(b.Remark));
        MapCommand<ReasonRequest>(approver, "send-back", "SendBackResult", "Sends the result back to the agency for more work.", FieldReportsPolicies.Approver, (b, _) => new SendBackCommand(b.Reason ?? ""));

        // Any of the centre's staff (reception, approver) and administrators.
        var centre = province.MapGroup("").WithTags("Centre");
        MapCommand<ReasonRequest>(centre, "close", "CloseReport", "Closes for good a report whose outcome was given (published, replied privately, answered directly, rated or followed up).", FieldReportsPolicies.Centre, (b, _) => new CloseCommand(b.Reason));

        // Handling staff of an agency.
        var handling = province.MapGroup("").WithTags("Handling");
        handling.MapGet("/agency-queue", AgencyQueue)
            .WithName("GetAgencyQueue").WithSummary("The caller's agency's queue, nearest deadline first, with SLA countdowns.")
            .RequireAuthorization(FieldReportsPolicies.Handling);
        MapCommand<RemarkRequest>(handling, "acknowledge", "AcknowledgeReport", "Acknowledges an assigned report and starts handling it.", FieldReportsPolicies.Handling, (_, _) => new AcknowledgeCommand());
        MapCommand<ReturnRequest>(handling, "return", "ReturnReport", "Returns a report to the centre as outside the agency's competence, with a proposal.", FieldReportsPolicies.Handling, (b, _) => new ReturnToCentreCommand(b.Reason ?? "", b.ProposedAgencyId));
        handling.MapPost("/reports/{id:guid}/evidence", UploadEvidence)
            .WithName("UploadEvidence").WithSummary("Stores evidence files (multipart 'files': images or videos) for the result of a report in handling; answers their ids, to cite in 'SubmitResult'.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status408RequestTimeout).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery()
            .RequireAuthorization(FieldReportsPolicies.Handling).AddEndpointFilter<IdempotencyFilter>();
        MapCommand<ResultRequest>(handling, "result", "SubmitResult", "Submits the result of handling, with evidence.", FieldReportsPolicies.Handling, (b, _) => new SubmitResultCommand(b.Result ?? "", b.EvidenceAttachmentIds));
        MapCommand<AnswerRequest>(handling, "follow-up-answer", "AnswerFollowUp", "Answers the follow-up of a Not satisfied rating.", FieldReportsPolicies.Staff, (b, _) => new AnswerFollowUpCommand(b.Answer ?? ""));

        // Leaders.
        var leader = province.MapGroup("").WithTags("Leader");
        leader.MapGet("/statistics", Statistics)
            .WithName("GetStatistics").WithSummary("Reports submitted in a period, by agency, field and state, with urgent and overdue counts.")
            .RequireAuthorization(FieldReportsPolicies.Leader);
        leader.MapGet("/statistics.csv", StatisticsCsv)
            .WithName("ExportStatisticsCsv").WithSummary("The statistics as CSV (UTF-8 with BOM, for spreadsheet programs).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .RequireAuthorization(FieldReportsPolicies.Leader);
        leader.MapGet("/statistics.xlsx", StatisticsXlsx)
            .WithName("ExportStatisticsXlsx").WithSummary("The statistics as an Excel workbook.")
            .Produces(StatusCodes.Status200OK, contentType: SpreadsheetExport.ContentType)
            .RequireAuthorization(FieldReportsPolicies.Leader);

        // Administrators.
        province.MapGet("/profile", Profile)
            .WithName("GetProvinceProfile").WithSummary("The province profile in force: channels, fields, agencies, rating scale, identity policy, upload limits.")
            .WithTags("Administrator")
            .RequireAuthorization(FieldReportsPolicies.Administrator);

        // The public, without sign-in.
        var pub = province.MapGroup("/public").WithTags("Public").AllowAnonymous();
        pub.MapGet("/reports", PublishedList)
            .WithName("ListPublishedReports").WithSummary("Published reports, most recent first, with filters and keyset paging. Never personal data.");
        pub.MapGet("/reports/{id:guid}", PublishedOne)
            .WithName("GetPublishedReport").WithSummary("One published report, redacted for the public.");

        ConsentEndpoints.Map(province);
        InteractionEndpoints.Map(province);
        ModerationEndpoints.Map(province);
    }

    private static void MapCommand<TBody>(RouteGroupBuilder group, string action, string name, string summary, string policy, Func<TBody, Provinces.ProvinceProfile, ReportCommand> command, bool rateLimited = false)
        where TBody : class
    {
        var endpoint = group.MapPost($"/reports/{{id:guid}}/{action}", async Task<Results<Ok<ReportDto>, ProblemHttpResult>> (
                string provinceId, Guid id, TBody body, HttpContext http, [FromServices] ApiContext api, CancellationToken ct) =>
            {
                if (!api.TryActor(http, out var actor))
                {
                    return ApiContext.NoRole();
                }

                var profile = api.Province(provinceId)!;
                // Read once: the same copy decides whether the caller may act on it and takes the command, saved only if
                // nobody changed the report in between.
                if (await api.ActableAsync(profile, new ReportId(id), actor, ct) is not { } report)
                {
                    return ApiContext.NotFound(new ReportId(id));
                }

                var outcome = await api.Reports.ApplyAsync(report, command(body, profile), actor, ct);
                if (outcome.Error is { } error)
                {
                    return error.ToProblem();
                }

                var dto = await api.ToDtoAsync(profile, outcome.Report!, actor, ct);
                return dto is null ? ApiContext.NotFound(new ReportId(id)) : TypedResults.Ok(dto);
            })
            .WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(policy)
            .AddEndpointFilter<IdempotencyFilter>();
        if (rateLimited)
        {
            endpoint.RequireRateLimiting(SubmissionRateLimit).ProducesProblem(StatusCodes.Status429TooManyRequests);
        }
    }

    private static async Task<Results<Created<ReportDto>, ValidationProblem, ProblemHttpResult>> Submit(
        string provinceId, SubmitReportRequest body, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        if (SubmissionValidation.Validate(body) is { } invalid)
        {
            return invalid;
        }

        return await SubmitDraftAsync(api, provinceId, SubmissionValidation.ToDraft(body, actor, []), actor, null, [], ct);
    }

    private static async Task<Results<Created<ReportDto>, ValidationProblem, ProblemHttpResult>> SubmitMultipart(
        string provinceId, HttpContext http, [FromServices] ApiContext api, [FromServices] AttachmentUploads uploads, [FromServices] UploadAdmission admission, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        var profile = api.Province(provinceId)!;

        // A locked account is refused before its files are streamed anywhere; the record read goes on with the draft.
        var account = await api.Moderation.LoadAsync(profile.Id, actor.AccountId, ct);
        if (account.IsLocked(api.Clock.GetCurrentInstant()))
        {
            return new DomainError(ErrorCodes.IntakeAccountLocked, ErrorKind.Rule, "The account is locked for improper language; an administrator may lift the lock.").ToProblem();
        }

        // Paced with the other uploads before its body is read; held until the report is stored.
        using var turn = await admission.EnterAsync(ct);
        if (turn is null)
        {
            return admission.Busy(http);
        }

        var read = await uploads.ReadAsync(http.Request, profile, ct);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        if (read.Report is null)
        {
            return SubmissionValidation.Invalid("report", "The multipart body needs a 'report' part holding the report as JSON.");
        }

        if (SubmissionValidation.Validate(read.Report) is { } invalid)
        {
            return invalid;
        }

        var draft = SubmissionValidation.ToDraft(read.Report, actor, read.Attachments);
        var result = await SubmitDraftAsync(api, provinceId, draft, actor, account, AttachmentUploads.MetadataOf(profile.Id, read.Uploads, api.Clock.GetCurrentInstant()), ct);
        if (result.Result is not Created<ReportDto>)
        {
            await uploads.DiscardAsync(read.Uploads, CancellationToken.None);
        }

        return result;
    }

    private static async Task<Results<Created<EvidenceUploadDto>, ValidationProblem, ProblemHttpResult>> UploadEvidence(
        string provinceId, Guid id, HttpContext http, [FromServices] ApiContext api, [FromServices] AttachmentUploads uploads, [FromServices] UploadAdmission admission, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        var profile = api.Province(provinceId)!;
        var reportId = new ReportId(id);
        var report = await api.Store.FindAsync(profile.Id, reportId, ct);
        if (report is null || !ApiContext.MayKnow(report, actor))
        {
            return ApiContext.NotFound(reportId);
        }

        // Refused before any file is streamed: evidence is taken only while the caller could submit the result.
        if (report.CanApply(new SubmitResultCommand("evidence"), actor).Error is { } refused)
        {
            return refused.ToProblem();
        }

        using var turn = await admission.EnterAsync(ct);
        if (turn is null)
        {
            return admission.Busy(http);
        }

        var read = await uploads.ReadAsync(http.Request, profile, ct);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        if (read.Uploads.Count == 0)
        {
            return SubmissionValidation.Invalid("files", "Send at least one evidence file as a 'files' part.");
        }

        await AttachmentUploads.CommitAsync(http.RequestServices.GetRequiredService<IAttachmentStore>(), profile.Id, reportId, read.Uploads, api.Clock.GetCurrentInstant(), _ => AttachmentRole.Evidence, ct);
        return TypedResults.Created($"reports/{id}", new EvidenceUploadDto([.. read.Uploads.Select(u => u.Draft.Id)]));
    }

    /// <summary>
    /// Submits a checked draft. The account's moderation record is checked on every submission, so that a lock takes
    /// effect on the very next request: the record given, or, with none, by the service (in the insert itself).
    /// </summary>
    private static async Task<Results<Created<ReportDto>, ValidationProblem, ProblemHttpResult>> SubmitDraftAsync(
        ApiContext api, string provinceId, ReportDraft draft, Actor actor, AccountModeration? account, IReadOnlyCollection<AttachmentMetadata> attachments, CancellationToken ct)
    {
        var profile = api.Province(provinceId)!;
        var outcome = await api.Reports.SubmitAsync(profile.Id, draft, actor, account, attachments, ct);
        if (outcome.Error is { } error)
        {
            var problem = error.ToProblem();
            if (outcome.Rejections.Count > 1)
            {
                problem.ProblemDetails.Extensions["rejections"] = outcome.Rejections.Select(r => new { code = r.Code, message = r.MessageEn, messageVi = r.MessageVi }).ToArray();
            }

            return problem;
        }

        var dto = (await api.ToNewReportDtoAsync(profile, outcome.Report!, outcome.Contact, actor, ct))!;
        return TypedResults.Created($"reports/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> GetReport(string provinceId, Guid id, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        var (_, view) = await api.ViewAsync(api.Province(provinceId)!, new ReportId(id), actor, ct);
        return view is null ? ApiContext.NotFound(new ReportId(id)) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<PageDto<OwnReportDto>>, ValidationProblem, ProblemHttpResult>> MyReports(
        string provinceId, HttpContext http, [FromServices] ApiContext api, CancellationToken ct, string? cursor = null, int pageSize = 20)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        if (pageSize is < 1 or > 100)
        {
            return SubmissionValidation.Invalid("pageSize", "The page size is between 1 and 100.");
        }

        ReportPage<ReportSummary> page;
        try
        {
            page = await api.Queries.GetReporterReportsAsync(api.Province(provinceId)!.Id, actor.AccountId, cursor, pageSize, ct);
        }
        catch (ArgumentException)
        {
            return SubmissionValidation.Invalid("cursor", "The cursor is not one this list returned.");
        }

        return TypedResults.Ok(new PageDto<OwnReportDto>(
            [.. page.Items.Select(r => new OwnReportDto(r.Id.ToString(), r.State.ToString(), r.Version, r.Title, r.FieldCode, r.AssignedAgencyId, r.IsUrgent, r.IsConfidential, r.SubmittedAt.ToDateTimeOffset()))],
            page.NextCursor));
    }

    private static async Task<Results<Ok<ReporterDataDto>, ProblemHttpResult>> ExportMyData(string provinceId, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        var data = await api.ReporterData.ExportAsync(api.Province(provinceId)!.Id, actor.AccountId, ct);
        return TypedResults.Ok(new ReporterDataDto(actor.AccountId, [.. data.Select(d => new ReporterReportDataDto(d.Key.ToString(), new ContactDto(d.Value.Name, d.Value.Phone, d.Value.Email)))]));
    }

    private static async Task<Results<Ok<ErasureDto>, ProblemHttpResult>> EraseMyData(string provinceId, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        var erased = await api.ReporterData.EraseReporterAsync(api.Province(provinceId)!.Id, actor.AccountId, api.Clock.GetCurrentInstant(), ct);
        return TypedResults.Ok(new ErasureDto(erased));
    }

    private static async Task<Results<Ok<QueueItemDto[]>, ProblemHttpResult>> IntakeQueue(string provinceId, [FromServices] ApiContext api, CancellationToken ct, int offset = 0, int limit = 100)
    {
        var profile = api.Province(provinceId)!;
        var queue = await api.Queries.GetCentreQueueAsync(profile.Id, Math.Max(0, offset), Math.Clamp(limit, 1, 500), ct);
        return TypedResults.Ok(await WithCountdownsAsync(api, profile, queue, ct));
    }

    private static async Task<Results<Ok<QueueItemDto[]>, ProblemHttpResult>> AgencyQueue(string provinceId, HttpContext http, [FromServices] ApiContext api, CancellationToken ct, int offset = 0, int limit = 100)
    {
        if (!api.TryActor(http, out var actor) || actor.AgencyId is null)
        {
            return ApiContext.NoRole();
        }

        var profile = api.Province(provinceId)!;
        var queue = await api.Queries.GetAgencyQueueAsync(profile.Id, actor.AgencyId, Math.Max(0, offset), Math.Clamp(limit, 1, 500), ct);
        return TypedResults.Ok(await WithCountdownsAsync(api, profile, queue, ct));
    }

    private static async Task<QueueItemDto[]> WithCountdownsAsync(ApiContext api, Provinces.ProvinceProfile profile, IEnumerable<ReportSummary> items, CancellationToken ct)
    {
        var now = api.Clock.GetCurrentInstant();
        var page = items.ToList();

        // The countdown is the SLA clock of each report's events; the page's reports are read together, not one by one.
        var reports = await api.Store.FindManyAsync(profile.Id, [.. page.Select(s => s.Id)], ct);
        var list = new List<QueueItemDto>(page.Count);
        foreach (var s in page)
        {
            var sla = reports.TryGetValue(s.Id, out var report) ? ApiContext.SlaOf(profile.SlaClockOf(report, now).Current) : null;

            list.Add(new QueueItemDto(s.Id.ToString(), s.State.ToString(), s.Version, s.Title, s.FieldCode, s.AreaCode, s.AssignedAgencyId, s.IsUrgent, s.SubmittedAt.ToDateTimeOffset(), sla));
        }

        return [.. list];
    }

    private static async Task<Results<Ok<StatisticsRowDto[]>, ValidationProblem>> Statistics(string provinceId, [FromServices] ApiContext api, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null, string? agencyId = null, string? fieldCode = null)
    {
        var rows = await StatisticsRowsAsync(api, provinceId, from, to, agencyId, fieldCode, ct);
        return rows is null ? SubmissionValidation.Invalid("to", "The period ends after it starts.") : TypedResults.Ok(rows);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> StatisticsCsv(string provinceId, [FromServices] ApiContext api, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null, string? agencyId = null, string? fieldCode = null)
    {
        var rows = await StatisticsRowsAsync(api, provinceId, from, to, agencyId, fieldCode, ct);
        return rows is null ? SubmissionValidation.Invalid("to", "The period ends after it starts.") : TypedResults.File(SpreadsheetExport.Csv(rows), "text/csv; charset=utf-8", $"statistics-{provinceId}.csv");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> StatisticsXlsx(string provinceId, [FromServices] ApiContext api, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null, string? agencyId = null, string? fieldCode = null)
    {
        var rows = await StatisticsRowsAsync(api, provinceId, from, to, agencyId, fieldCode, ct);
        return rows is null ? SubmissionValidation.Invalid("to", "The period ends after it starts.") : TypedResults.File(SpreadsheetExport.Xlsx(rows), SpreadsheetExport.ContentType, $"statistics-{provinceId}.xlsx");
    }

    private static async Task<StatisticsRowDto[]?> StatisticsRowsAsync(ApiContext api, string provinceId, DateTimeOffset? from, DateTimeOffset? to, string? agencyId, string? fieldCode, CancellationToken ct)
    {
        var now = api.Clock.GetCurrentInstant();
        var end = to is { } t ? NodaTime.Instant.FromDateTimeOffset(t) : now;
        var start = from is { } f ? NodaTime.Instant.FromDateTimeOffset(f) : end - NodaTime.Duration.FromDays(30);
        if (end <= start)
        {
            return null;
        }

        var rows = await api.Queries.GetStatisticsAsync(api.Province(provinceId)!.Id, new ReportStatisticsQuery { From = start, To = end, AsOf = now, AgencyId = agencyId, FieldCode = fieldCode }, ct);
        return [.. rows.Select(r => new StatisticsRowDto(r.AgencyId, r.FieldCode, r.State.ToString(), r.Count, r.Urgent, r.Overdue))];
    }

    private static Ok<ProvinceProfileDto> Profile(string provinceId, [FromServices] ApiContext api)
    {
        var p = api.Province(provinceId)!;
        return TypedResults.Ok(new ProvinceProfileDto(
            p.Id,
            p.Options.DisplayName,
            p.TimeZone.Id,
            [.. p.Channels.Select(c => c.Code)],
            [.. p.Fields.Keys.Order(StringComparer.Ordinal)],
            [.. p.Agencies.All.Select(a => a.Id).Order(StringComparer.Ordinal)],
            [.. p.RatingScale.Select(l => l.Code)],
            p.Options.Confidentiality.ReporterIdentity.ToString(),
            p.Options.Intake.MaxAttachments,
            p.Options.Intake.MaxAttachmentBytes));
    }

    private static async Task<Results<Ok<PageDto<PublishedReportDto>>, ValidationProblem>> PublishedList(
        string provinceId, [FromServices] ApiContext api, CancellationToken ct, string? fieldCode = null, string? areaCode = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string? cursor = null, int pageSize = 20)
    {
        if (pageSize is < 1 or > 100)
        {
            return SubmissionValidation.Invalid("pageSize", "The page size is between 1 and 100.");
        }

        var filter = new PublishedReportFilter
        {
            FieldCode = fieldCode,
            AreaCode = areaCode,
            PublishedFrom = from is { } f ? NodaTime.Instant.FromDateTimeOffset(f) : null,
            PublishedTo = to is { } t ? NodaTime.Instant.FromDateTimeOffset(t) : null,
        };
        ReportPage<PublishedReport> page;
        try
        {
            page = await api.Queries.GetPublishedAsync(api.Province(provinceId)!.Id, filter, cursor, pageSize, ct);
        }
        catch (ArgumentException)
        {
            // The store refuses a cursor it did not issue; that is the caller's input, not a server fault.
            return SubmissionValidation.Invalid("cursor", "The cursor is not one this list returned.");
        }

        return TypedResults.Ok(new PageDto<PublishedReportDto>(
            [.. page.Items.Select(r => new PublishedReportDto(r.Id.ToString(), r.State.ToString(), r.Title, r.Description, r.FieldCode, r.AreaCode, r.Address, r.Location?.Latitude, r.Location?.Longitude, r.AssignedAgencyId, r.Result, r.SubmittedAt.ToDateTimeOffset(), r.PublishedAt.ToDateTimeOffset()))],
            page.NextCursor));
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> PublishedOne(string provinceId, Guid id, [FromServices] ApiContext api, CancellationToken ct)
    {
        var (_, view) = await api.ViewAsync(api.Province(provinceId)!, new ReportId(id), null, ct);
        return view is null ? ApiContext.NotFound(new ReportId(id)) : TypedResults.Ok(view);
    }
}
