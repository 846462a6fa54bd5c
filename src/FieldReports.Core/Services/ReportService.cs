using System.Text.Json;
using FieldReports.Intake;
using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Services;

/// <summary>
/// The application service every integration goes through (the HTTP API, Open311, the reference host's pages, inbound
/// channels): it checks a submission with the province's intake rules, applies workflow commands, computes the SLA deadline
/// of the step the report enters, and stores the change with its outbox message in one transaction.
/// </summary>
/// <remarks>
/// Thread-safe; register it as a singleton. A refused operation stores nothing. A concurrent change by someone else is
/// reported as <see cref="ErrorCodes.ConcurrencyConflict"/>: read the report again and retry if the action still makes sense.
/// </remarks>
public sealed class ReportService
{
    private readonly ProvinceCatalog _provinces;
    private readonly IReportStore _store;
    private readonly IClock _clock;
    private readonly IServiceProvider _services;
    private readonly Telemetry.FieldReportsMetrics? _metrics;

    /// <summary>Creates the service.</summary>
    /// <param name="provinces">The configured provinces.</param>
    /// <param name="store">Where reports are stored.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="services">Resolves each province's keyed <see cref="IntakeService"/>.</param>
    public ReportService(ProvinceCatalog provinces, IReportStore store, IClock clock, IServiceProvider services)
    {
        _provinces = provinces ?? throw new ArgumentNullException(nameof(provinces));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _metrics = services.GetService<Telemetry.FieldReportsMetrics>();
    }

    /// <summary>Checks a draft with the province's intake rules and, when it passes, stores the new report.</summary>
    /// <param name="provinceId">The province the report is sent to.</param>
    /// <param name="draft">The draft, from any channel.</param>
    /// <param name="submitter">The reporter, reception staff entering it for a caller, or the system for an inbound channel.</param>
    /// <param name="reporterAccount">
    /// The reporter's moderation record when the caller has already read it; <see langword="null"/> to let the service
    /// check the account through the registered <see cref="IAccountModerationStore"/> (in the same step as the insert when
    /// the store can). Either way a locked account is refused.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored report, or the rejections (and nothing stored).</returns>
    public Task<ReportOutcome> SubmitAsync(string provinceId, ReportDraft draft, Actor submitter, AccountModeration? reporterAccount, CancellationToken cancellationToken) =>
        SubmitAsync(provinceId, draft, submitter, reporterAccount, [], cancellationToken);

    /// <summary>
    /// Checks a draft with the province's intake rules and, when it passes, stores the new report with the metadata of the
    /// files it lists in one transaction (<see cref="IReportStore"/>'s AddAsync with attachments).
    /// </summary>
    /// <param name="provinceId">The province the report is sent to.</param>
    /// <param name="draft">The draft, from any channel.</param>
    /// <param name="submitter">The reporter, reception staff entering it for a caller, or the system for an inbound channel.</param>
    /// <param name="reporterAccount">
    /// The reporter's moderation record when the caller has already read it; <see langword="null"/> to let the service
    /// check the account through the registered <see cref="IAccountModerationStore"/> (in the same step as the insert when
    /// the store can). Either way a locked account is refused.
    /// </param>
    /// <param name="attachments">The metadata of the draft's files, already in the host's blob storage; their province and report are set here.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored report, or the rejections (and nothing stored).</returns>
    public async Task<ReportOutcome> SubmitAsync(string provinceId, ReportDraft draft, Actor submitter, AccountModeration? reporterAccount, IReadOnlyCollection<AttachmentMetadata> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(submitter);
        if (_provinces.Find(provinceId) is not { } profile)
        {
            return UnknownProvince(provinceId);
        }

        var intake = _services.GetRequiredKeyedService<IntakeService>(profile.Id);

        // Without a record from the caller, the service checks the account itself; a store that can do it in the insert
        // spares the read for every account nobody has moderated.
        var moderation = reporterAccount is null ? _services.GetService<IAccountModerationStore>() : null;
        var result = intake.Submit(draft, submitter, reporterAccount);
        if (result.Report is null && moderation is not null)
        {
            // A locked account's rejected draft is refused for the lock as well, as when its record is given.
            result = intake.Submit(draft, submitter, await moderation.LoadAsync(profile.Id, draft.ReporterAccountId, cancellationToken));
        }

        if (result.Report is null)
        {
            return Rejected(result);
        }

        var (stored, step) = await StoreAsync(profile, result, attachments, moderation is null, cancellationToken);
        if (stored is null)
        {
            // The account has a moderation record: read it and check the draft against it, then store as usual.
            result = intake.Submit(draft, submitter, await moderation!.LoadAsync(profile.Id, draft.ReporterAccountId, cancellationToken));
            if (result.Report is null)
            {
                return Rejected(result);
            }

            (stored, step) = await StoreAsync(profile, result, attachments, checkedAccount: true, cancellationToken);
        }

        if (!stored!.Value.IsSuccess)
        {
            return new ReportOutcome { Error = stored.Value.Error };
        }

        var report = result.Report;
        _metrics?.ReportReceived(profile.Id, report.Channel);
        return new ReportOutcome { Report = report, CurrentStep = step, Contact = result.Contact };

        static ReportOutcome Rejected(IntakeResult result) =>
            new() { Error = result.Rejection?.ToDomainError(), Rejections = result.Rejections };
    }

    /// <summary>
    /// Stores an accepted report; with <paramref name="checkedAccount"/> false, only if its account has no moderation record
    /// (<see langword="null"/> otherwise, nothing stored).
    /// </summary>
    private async Task<(DomainResult? Stored, Sla.SlaStatus? Step)> StoreAsync(ProvinceProfile profile, IntakeResult result, IReadOnlyCollection<AttachmentMetadata> attachments, bool checkedAccount, CancellationToken cancellationToken)
    {
        var report = result.Report!;
        var now = _clock.GetCurrentInstant();
        var step = profile.SlaClockOf(report, now).Current;
        AttachmentMetadata[] files = [.. attachments.Select(a => a with { ProvinceId = profile.Id, ReportId = report.Id })];
        var stored = checkedAccount
            ? await _store.AddAsync(profile.Id, report, result.Contact, step?.Deadline, [MessageFor(report, now)], files, cancellationToken)
            : await _store.AddUnlessAccountModeratedAsync(profile.Id, report, result.Contact, step?.Deadline, [MessageFor(report, now)], files, cancellationToken);
        return (stored, step);
    }

    /// <summary>Applies a workflow command to a stored report and saves the change.</summary>
    /// <param name="provinceId">The province of the report.</param>
    /// <param name="id">The report.</param>
    /// <param name="command">The command.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The saved report, or the error (not found, not permitted, a rule, a concurrent change).</returns>
    public async Task<ReportOutcome> ApplyAsync(string provinceId, ReportId id, ReportCommand command, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        if (_provinces.Find(provinceId) is not { } profile)
        {
            return UnknownProvince(provinceId);
        }

        var report = await _store.FindAsync(profile.Id, id, cancellationToken);
        if (report is null)
        {
            return new ReportOutcome { Error = ErrorCodes.Errors.ReportNotFound(id) };
        }

        return await ApplyCoreAsync(profile, report, command, actor, cancellationToken);
    }

    /// <summary>
    /// Applies a workflow command to a report the caller has just read from the store (for example to check who may act
    /// on it), and saves the change; the report is not read again. The save succeeds only if nobody changed the report
    /// since it was read.
    /// </summary>
    /// <param name="report">The report as read from the store, unchanged since; it is changed in place.</param>
    /// <param name="command">The command.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The saved report, or the error (not permitted, a rule, a concurrent change).</returns>
    public async Task<ReportOutcome> ApplyAsync(Report report, ReportCommand command, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        if (_provinces.Find(report.ProvinceId) is not { } profile)
        {
            return UnknownProvince(report.ProvinceId);
        }

        return await ApplyCoreAsync(profile, report, command, actor, cancellationToken);
    }

    private async Task<ReportOutcome> ApplyCoreAsync(ProvinceProfile profile, Report report, ReportCommand command, Actor actor, CancellationToken cancellationToken)
    {
        if (command is RateCommand rate && !profile.RatingScale.Any(l => l.Code == rate.Level.Code))
        {
            return new ReportOutcome { Error = ErrorCodes.Errors.RatingLevelUnknown(rate.Level.Code) };
        }

        var expected = report.Version;
        var now = _clock.GetCurrentInstant();
        if (now < report.Events[^1].OccurredAt)
        {
            now = report.Events[^1].OccurredAt;
        }

        var applied = report.Apply(command, actor, now);
        if (!applied.IsSuccess)
        {
            return new ReportOutcome { Error = applied.Error };
        }

        // The changed report is dropped unsaved when the command names a field or agency the province does not have now.
        if (CheckCatalogue(profile, command) is { } unknown)
        {
            return new ReportOutcome { Error = unknown };
        }

        // Evidence must be this report's own attachments, so that no result cites another report's files.
        if (command is SubmitResultCommand { EvidenceAttachmentIds: { Count: > 0 } evidence }
            && await CheckEvidenceAsync(profile.Id, report.Id, evidence, cancellationToken) is { } foreign)
        {
            return new ReportOutcome { Error = foreign };
        }

        var step = profile.SlaClockOf(report, now).Current;
        var saved = await _store.SaveAsync(profile.Id, report, expected, step?.Deadline, [MessageFor(report, now)], cancellationToken);
        if (!saved.IsSuccess)
        {
            return new ReportOutcome { Error = saved.Error };
        }

        _metrics?.Transition(profile.Id, command.Trigger.ToString());
        return new ReportOutcome { Report = report, CurrentStep = step };
    }

    private async Task<DomainError?> CheckEvidenceAsync(string provinceId, ReportId id, IReadOnlyList<string> evidence, CancellationToken cancellationToken)
    {
        // Without an attachment store nothing was ever attached, so every cited id is foreign.
        var attached = _services.GetService<IAttachmentStore>() is { } attachments
            ? (await attachments.ListForReportAsync(provinceId, id, cancellationToken)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal)
            : [];
        return evidence.FirstOrDefault(e => !attached.Contains(e)) is { } foreign ? ErrorCodes.Errors.EvidenceNotAttached(foreign) : null;
    }

    // Fields and agencies a command names must be in the province's catalogue in force, which administrators edit at run
    // time (Cà Mau art. 7.1: the centre classifies into the province's fields and sends to its agencies).
    private static DomainError? CheckCatalogue(ProvinceProfile profile, ReportCommand command) => command switch
    {
        ReceiveCommand r when !profile.Fields.ContainsKey(r.FieldCode) => ErrorCodes.Errors.FieldUnknown(r.FieldCode),
        AssignCommand a when profile.Agencies.Find(a.AgencyId) is null => ErrorCodes.Errors.AgencyUnknown(a.AgencyId),
        RedistributeCommand r when profile.Agencies.Find(r.AgencyId) is null => ErrorCodes.Errors.AgencyUnknown(r.AgencyId),
        ResumeCommand r when profile.Agencies.Find(r.AgencyId) is null => ErrorCodes.Errors.AgencyUnknown(r.AgencyId),
        ReturnToCentreCommand { ProposedAgencyId: { } proposed } when profile.Agencies.Find(proposed) is null => ErrorCodes.Errors.AgencyUnknown(proposed),
        _ => null,
    };

    private static ReportOutcome UnknownProvince(string provinceId) => new() { Error = ErrorCodes.Errors.ProvinceUnknown(provinceId) };

    private static OutboxMessage MessageFor(Report report, Instant now)
    {
        var e = report.Events[^1];
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["reportId"] = report.Id.ToString(),
            ["provinceId"] = report.ProvinceId,
            ["trigger"] = e.Trigger.ToString(),
            ["from"] = e.From?.ToString(),
            ["to"] = e.To.ToString(),
            ["assignedAgencyId"] = report.AssignedAgencyId,
            ["isUrgent"] = report.IsUrgent,
            ["isConfidential"] = report.IsConfidential,
            ["channel"] = report.Channel,
            ["reporterAccountId"] = report.ReporterAccountId,
            ["sequence"] = e.Sequence,
        });
        return OutboxMessage.Create(report.ProvinceId, ReportMessageTypes.Of(e.Trigger), payload, now);
    }
}
