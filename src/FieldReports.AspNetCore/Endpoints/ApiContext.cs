using System.Diagnostics.CodeAnalysis;
using FieldReports.Confidentiality;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Services;
using FieldReports.Sla;
using FieldReports.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>
/// What the endpoint handlers share: the caller's actor, the province, and the stores, resolved when first used so that
/// a host without storage still starts (and only the endpoints that need storage fail).
/// </summary>
internal sealed partial class ApiContext(IServiceProvider services, ActorResolution resolution, ProvinceCatalog provinces, IClock clock, ILogger<ApiContext> logger)
{
    public IClock Clock => clock;

    public ReportService Reports => services.GetRequiredService<ReportService>();

    public IReportStore Store => services.GetRequiredService<IReportStore>();

    public IReportQueries Queries => services.GetRequiredService<IReportQueries>();

    public IReporterDataStore ReporterData => services.GetRequiredService<IReporterDataStore>();

    public IReportConfidentialityStore Marks => services.GetRequiredService<IReportConfidentialityStore>();

    public IAccountModerationStore Moderation => services.GetRequiredService<IAccountModerationStore>();

    public IInteractionStore Interactions => services.GetRequiredService<IInteractionStore>();

    public ProvinceProfile? Province(string provinceId) => provinces.Find(provinceId);

    public ConfidentialityPolicy Confidentiality(ProvinceProfile profile) => services.GetRequiredKeyedService<ConfidentialityPolicy>(profile.Id);

    public Actor? ActorOf(HttpContext http) => resolution.Current(http)?.Actor;

    public bool TryActor(HttpContext http, [NotNullWhen(true)] out Actor? actor)
    {
        actor = ActorOf(http);
        return actor is not null;
    }

    public static ProblemHttpResult NoRole() =>
        new DomainError(ErrorCodes.NoRole, ErrorKind.Forbidden, "The signed-in user has no FieldReports role; check the role claim mapping.").ToProblem();

    public static ProblemHttpResult NotFound(ReportId id) =>
        new DomainError(ErrorCodes.ReportNotFound, ErrorKind.NotFound, $"The province has no report {id}.").ToProblem();

    /// <summary>
    /// Whether the caller may learn that a report exists before acting on it: a reporter acts only on their own reports,
    /// handling staff only on reports assigned to their agency. Checked before the workflow so that a state conflict or a
    /// validation error never tells an outsider the report is there. Returns the report read, so that the command is
    /// applied to it without reading it again; null when there is none or the caller may not act on it.
    /// </summary>
    public async Task<Report?> ActableAsync(ProvinceProfile profile, ReportId id, Actor actor, CancellationToken ct)
    {
        var report = await Store.FindAsync(profile.Id, id, ct);
        return report is not null && MayKnow(report, actor) ? report : null;
    }

    /// <summary>
    /// Whether the caller may know that a report exists at all: not a reporter of another report, not handling staff of an
    /// agency it is not assigned to. Everyone else is narrowed further by the confidentiality policy.
    /// </summary>
    public static bool MayKnow(Report report, Actor? actor) => actor?.Role switch
    {
        ActorRole.Reporter => actor.AccountId == report.ReporterAccountId,
        ActorRole.HandlingStaff => actor.AgencyId is not null && actor.AgencyId == report.AssignedAgencyId,
        _ => true,
    };

    /// <summary>Loads a report and its view for the caller; null view when the caller may not know it exists.</summary>
    public async Task<(Report? Report, ReportDto? View)> ViewAsync(ProvinceProfile profile, ReportId id, Actor? actor, CancellationToken ct)
    {
        var report = await Store.FindAsync(profile.Id, id, ct);
        if (report is null)
        {
            return (null, null);
        }

        return (report, await ToDtoAsync(profile, report, actor, ct));
    }

    /// <summary>The caller's view of a report, through the core's confidentiality policy; null when the caller may not see it.</summary>
    public Task<ReportDto?> ToDtoAsync(ProvinceProfile profile, Report report, Actor? actor, CancellationToken ct) =>
        ToDtoAsync(profile, report, actor, known: null, ct);

    /// <summary>
    /// The caller's view of a report just submitted: its reporter's contact is the one the submission carried, and a new
    /// report has no confidentiality marks yet, so neither is read back from the store.
    /// </summary>
    public Task<ReportDto?> ToNewReportDtoAsync(ProvinceProfile profile, Report report, ReporterContact? contact, Actor actor, CancellationToken ct) =>
        ToDtoAsync(profile, report, actor, known: new KnownData(contact), ct);

    private sealed record KnownData(ReporterContact? Contact);

    private async Task<ReportDto?> ToDtoAsync(ProvinceProfile profile, Report report, Actor? actor, KnownData? known, CancellationToken ct)
    {
        var policy = Confidentiality(profile);
        var now = clock.GetCurrentInstant();

        // A reporter of another report, or handling staff of an agency the report is not (or no longer) assigned to, must not
        // learn it exists; read on every request, so a reassignment takes effect at once.
        if (!MayKnow(report, actor))
        {
            return null;
        }

        // The marks are read on every view, so a withdrawn consent hides the identity from the very next read.
        var marks = known is null ? await Marks.FindAsync(profile.Id, report.Id, ct) : ReportConfidentiality.None;
        var probe = policy.View(report, null, actor, marks, now);
        if (probe is null)
        {
            return null;
        }

        ReporterContact? contact = null;
        if (!probe.Hidden.Contains(nameof(ReportView.Contact)))
        {
            contact = known is null ? await ReporterData.FindContactAsync(profile.Id, report.Id, ct) : known.Contact;
            if (contact is not null && actor is not null && actor.Role != ActorRole.Reporter)
            {
                // Law 91/2025: every staff read of a reporter's contact details is recorded (who, when, which report), never the data.
                LogContactRead(logger, profile.Id, report.Id, actor.Role, actor.AccountId, now);
            }
        }

        var view = policy.View(report, contact, actor, marks, now)!;
        SlaDto? sla = null;
        if (actor is not null && actor.Role != ActorRole.Reporter)
        {
            sla = SlaOf(profile.SlaClockOf(report, now).Current);
        }

        return new ReportDto(
            view.Id.ToString(),
            view.State.ToString(),
            report.Version,
            view.FieldCode,
            view.IsUrgent,
            view.IsConfidential,
            view.Title,
            view.Description,
            view.Address,
            view.Location?.Latitude,
            view.Location?.Longitude,
            [.. view.AttachmentIds],
            view.AssignedAgencyId,
            view.Result,
            [.. view.Evidence],
            view.Rating?.Code,
            view.ReporterAccountId,
            view.Contact is { } c ? new ContactDto(c.Name, c.Phone, c.Email) : null,
            [.. view.Hidden],
            sla);
    }

    public static SlaDto? SlaOf(SlaStatus? status) => status is null
        ? null
        : new SlaDto(status.Step.ToString(), status.Deadline.ToDateTimeOffset(), (long)status.Remaining.TotalSeconds, status.IsWarning, status.IsBreached);

    [LoggerMessage(EventId = 1100, EventName = "ReporterContactRead", Level = LogLevel.Information,
        Message = "Reporter contact of report {ReportId} in province {ProvinceId} read by {Role} {AccountId} at {At}")]
    private static partial void LogContactRead(ILogger logger, string provinceId, ReportId reportId, ActorRole role, string accountId, Instant at);
}
