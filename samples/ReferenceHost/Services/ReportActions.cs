using System.Text.Json;
using FieldReports;
using FieldReports.Confidentiality;
using FieldReports.Intake;
using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Rating;
using FieldReports.Reports;
using FieldReports.Services;
using FieldReports.Stores;
using NodaTime;

namespace ReferenceHost.Services;

/// <summary>
/// The pages' entry to the domain: submissions and commands go through <see cref="ReportService"/>, which applies the
/// province's intake rules and workflow and saves the report, its current deadline and an outbox message in one transaction.
/// Consent, interactions and account sanctions are decided by the province's policies (<see cref="ConfidentialityPolicy"/>,
/// <see cref="InteractionPolicy"/>, <see cref="AccountModeration"/>) and kept in the core's stores; this class only loads,
/// asks and saves.
/// </summary>
public sealed class ReportActions(
    ReportService reports,
    IReportStore store,
    IAccountModerationStore moderation,
    IReportConfidentialityStore confidentiality,
    IInteractionStore interactions,
    ProvinceCatalog provinces,
    IClock clock,
    IServiceProvider services)
{
    /// <summary>What the reporter agrees the handling agency may use their identity for, as the submit page shows it.</summary>
    public const string ConsentPurpose = "Liên hệ với người phản ánh để xác minh và xử lý phản ánh (contact the reporter to verify and handle the report)";

    public Task<Report?> FindAsync(string provinceId, Guid id, CancellationToken cancellationToken) =>
        store.FindAsync(provinceId, new ReportId(id), cancellationToken);

    /// <summary>The reports of a list, read together.</summary>
    public Task<IReadOnlyDictionary<ReportId, Report>> FindManyAsync(string provinceId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        store.FindManyAsync(provinceId, [.. ids.Select(i => new ReportId(i))], cancellationToken);

    /// <summary>
    /// Submits a draft. The service checks the reporter's moderation record, so that the province's intake refuses a locked account;
    /// the reporter's identity choice is then recorded through the province's confidentiality policy.
    /// </summary>
    /// <returns>The submission's outcome, and the error of recording the identity choice, if that alone failed (the report is stored).</returns>
    public async Task<(ReportOutcome Outcome, DomainError? ChoiceError)> SubmitAsync(string provinceId, ReportDraft draft, Actor submitter, IdentityChoice choice, CancellationToken cancellationToken)
    {
        var outcome = await reports.SubmitAsync(provinceId, draft, submitter, null, cancellationToken);
        if (outcome.Report is not { } report || (!choice.ShareWithAgency && !choice.KeepSecret))
        {
            return (outcome, null);
        }

        var marks = ReportConfidentiality.None with { IdentitySecrecyRequested = choice.KeepSecret };
        if (choice.ShareWithAgency)
        {
            var (given, withConsent) = PolicyOf(provinceId).GiveConsent(report, submitter, ConsentPurpose, marks, clock.GetCurrentInstant());
            if (!given.IsSuccess)
            {
                return (outcome, given.Error);
            }

            marks = withConsent;
        }

        var saved = await confidentiality.SaveAsync(provinceId, report.Id, marks, cancellationToken);
        return (outcome, saved.Error);
    }

    public async Task<DomainResult> ApplyAsync(string provinceId, Guid id, ReportCommand command, Actor actor, CancellationToken cancellationToken)
    {
        var outcome = await reports.ApplyAsync(provinceId, new ReportId(id), command, actor, cancellationToken);
        return outcome.Error is { } error ? DomainResult.Failure(error) : DomainResult.Success;
    }

    public Task<ReportConfidentiality> MarksAsync(string provinceId, Guid id, CancellationToken cancellationToken) =>
        confidentiality.FindAsync(provinceId, new ReportId(id), cancellationToken);

    public Task<IReadOnlyList<IdentityConsent>> ConsentsAsync(string provinceId, Guid id, CancellationToken cancellationToken) =>
        confidentiality.ListConsentsAsync(provinceId, new ReportId(id), cancellationToken);

    /// <summary>The reporter gives (or gives again) consent to share their identity with the handling agency.</summary>
    public Task<DomainResult> GiveConsentAsync(string provinceId, Report report, Actor reporter, CancellationToken cancellationToken) =>
        ChangeMarksAsync(provinceId, report, marks => PolicyOf(provinceId).GiveConsent(report, reporter, ConsentPurpose, marks, clock.GetCurrentInstant()), cancellationToken);

    /// <summary>The reporter withdraws consent; the agency no longer sees their identity from now on.</summary>
    public Task<DomainResult> WithdrawConsentAsync(string provinceId, Report report, Actor reporter, CancellationToken cancellationToken) =>
        ChangeMarksAsync(provinceId, report, marks => PolicyOf(provinceId).WithdrawConsent(report, reporter, marks, clock.GetCurrentInstant()), cancellationToken);

    public Task<IReadOnlyList<Interaction>> InteractionsAsync(string provinceId, Guid id, CancellationToken cancellationToken) =>
        interactions.ListForReportAsync(provinceId, new ReportId(id), cancellationToken);

    /// <summary>A citizen comments on a published result or asks for clarification; refused while their interaction is banned.</summary>
    public async Task<DomainResult> InteractAsync(string provinceId, Report report, Actor citizen, InteractionKind kind, string text, CancellationToken cancellationToken)
    {
        var account = await moderation.LoadAsync(provinceId, citizen.AccountId, cancellationToken);
        var (opened, interaction) = services.GetRequiredKeyedService<InteractionPolicy>(provinceId).Open(report, citizen, kind, text, clock.GetCurrentInstant(), account);
        return opened.IsSuccess ? await interactions.AddAsync(interaction!, cancellationToken) : opened;
    }

    /// <summary>The agency (or the centre, for a report it answered itself) answers an interaction.</summary>
    public async Task<DomainResult> AnswerAsync(string provinceId, Guid interactionId, Actor staff, string answer, CancellationToken cancellationToken)
    {
        if (await interactions.FindAsync(provinceId, interactionId, cancellationToken) is not { } interaction)
        {
            return new DomainError(ErrorCodes.ArgumentInvalid, ErrorKind.Validation, "The province has no such interaction.");
        }

        var answered = services.GetRequiredKeyedService<InteractionPolicy>(provinceId).Answer(interaction, staff, answer, clock.GetCurrentInstant());
        return answered.IsSuccess ? await interactions.SaveAnswerAsync(interaction, cancellationToken) : answered;
    }

    public Task<AccountModeration> ModerationAsync(string provinceId, string accountId, CancellationToken cancellationToken) =>
        moderation.LoadAsync(provinceId, accountId, cancellationToken);

    /// <summary>Staff record a violation; the province's rule may impose a lock or a ban with it.</summary>
    public Task<DomainResult> RecordViolationAsync(string provinceId, string accountId, ViolationKind kind, Actor staff, string? note, CancellationToken cancellationToken) =>
        ModerateAsync(provinceId, accountId, (account, profile, at) => account.RecordViolation(profile, kind, staff, at, note: note).Result, cancellationToken);

    /// <summary>An administrator locks an account or bans its interaction, with a reason.</summary>
    public Task<DomainResult> ImposeAsync(string provinceId, string accountId, SanctionKind sanction, Actor administrator, string reason, CancellationToken cancellationToken) =>
        ModerateAsync(provinceId, accountId, (account, profile, at) => account.Impose(profile, sanction, administrator, reason, at), cancellationToken);

    /// <summary>An administrator lifts a lock or a ban, with a reason.</summary>
    public Task<DomainResult> LiftAsync(string provinceId, string accountId, SanctionKind sanction, Actor administrator, string reason, CancellationToken cancellationToken) =>
        ModerateAsync(provinceId, accountId, (account, _, at) => account.Lift(sanction, administrator, reason, at), cancellationToken);

    /// <summary>Reads the transition a <see cref="ReportMessageTypes"/> outbox message describes; <see langword="null"/> for other messages.</summary>
    public static TransitionPayload? TransitionOf(OutboxMessage message)
    {
        if (!message.Type.StartsWith(ReportMessageTypes.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var p = JsonDocument.Parse(message.PayloadJson).RootElement;
        return new TransitionPayload(
            Guid.Parse(p.GetProperty("reportId").GetString()!),
            p.GetProperty("trigger").GetString()!,
            p.GetProperty("to").GetString()!,
            p.TryGetProperty("assignedAgencyId", out var agency) && agency.ValueKind == JsonValueKind.String ? agency.GetString() : null,
            p.GetProperty("reporterAccountId").GetString()!,
            p.GetProperty("sequence").GetInt32());
    }

    private ConfidentialityPolicy PolicyOf(string provinceId) => services.GetRequiredKeyedService<ConfidentialityPolicy>(provinceId);

    private async Task<DomainResult> ChangeMarksAsync(string provinceId, Report report, Func<ReportConfidentiality, (DomainResult Result, ReportConfidentiality Marks)> change, CancellationToken cancellationToken)
    {
        var (result, marks) = change(await confidentiality.FindAsync(provinceId, report.Id, cancellationToken));
        return result.IsSuccess ? await confidentiality.SaveAsync(provinceId, report.Id, marks, cancellationToken) : result;
    }

    // Two staff acting on one account at once: the store refuses the second save, which reloads and decides again.
    private async Task<DomainResult> ModerateAsync(string provinceId, string accountId, Func<AccountModeration, ProvinceProfile, Instant, DomainResult> decide, CancellationToken cancellationToken)
    {
        var profile = provinces.Get(provinceId);
        for (var attempt = 0; ; attempt++)
        {
            var account = await moderation.LoadAsync(provinceId, accountId, cancellationToken);
            var version = account.Version;
            var decided = decide(account, profile, clock.GetCurrentInstant());
            if (!decided.IsSuccess)
            {
                return decided;
            }

            var saved = await moderation.SaveAsync(provinceId, account, version, cancellationToken);
            if (saved.IsSuccess || saved.Error!.Code != ErrorCodes.ConcurrencyConflict || attempt == 2)
            {
                return saved;
            }
        }
    }
}

/// <summary>The reporter's choice about their identity on the submit page: share it with the handling agency (consent), or ask that it be kept secret.</summary>
public readonly record struct IdentityChoice(bool ShareWithAgency, bool KeepSecret);

/// <summary>What the outbox carries about a transition. The reporter's account id is an opaque key used to address the inbox.</summary>
public sealed record TransitionPayload(Guid ReportId, string Trigger, string State, string? AgencyId, string ReporterAccountId, int Version);
