using FieldReports.Intake;
using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Rating;

/// <summary>
/// Interactions on published results (Huế Decision 30/2022): a citizen whose interaction is not banned may comment or
/// ask for clarification; the assigned agency answers a clarification within the due instant. Keyed per province. Thread-safe.
/// </summary>
public sealed class InteractionPolicy
{
    private readonly IClarificationDeadline _deadline;

    /// <summary>Creates the policy of a province.</summary>
    /// <param name="profile">The province.</param>
    /// <param name="deadline">Computes clarification deadlines; <see langword="null"/> for <see cref="ElapsedClarificationDeadline"/>.</param>
    public InteractionPolicy(ProvinceProfile profile, IClarificationDeadline? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        _deadline = deadline ?? new ElapsedClarificationDeadline();
    }

    /// <summary>The province.</summary>
    public ProvinceProfile Profile { get; }

    /// <summary>A citizen interacts with a published result.</summary>
    /// <param name="report">The report; its result must have been published (approved publicly).</param>
    /// <param name="citizen">The citizen (any reporter account).</param>
    /// <param name="kind">Comment or clarification request.</param>
    /// <param name="text">The text.</param>
    /// <param name="at">When.</param>
    /// <param name="account">The citizen's moderation record, to refuse a banned account; <see langword="null"/> when none.</param>
    /// <returns>The interaction, or an error (nothing created).</returns>
    public (DomainResult Result, Interaction? Interaction) Open(Report report, Actor citizen, InteractionKind kind, string text, Instant at, AccountModeration? account = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(citizen);
        if (!string.Equals(report.ProvinceId, Profile.Id, StringComparison.OrdinalIgnoreCase))
        {
            return (ErrorCodes.Errors.ProvinceMismatch(), null);
        }

        if (citizen.Role != ActorRole.Reporter)
        {
            return (ErrorCodes.Errors.ActionNotPermitted("interact with a published result", citizen.Role, [ActorRole.Reporter]), null);
        }

        if (report.IsConfidential || !report.Events.Any(e => e.Trigger == ReportTrigger.Approve))
        {
            return (ErrorCodes.Errors.InteractionNotPublished(), null);
        }

        if (account is not null && account.IsInteractionBanned(at))
        {
            return (ErrorCodes.Errors.InteractionBanned(account.InForceUntil(SanctionKind.InteractionBan, at)), null);
        }

        if (VietnameseText.Normalize(text) is not { } normalized)
        {
            return (ErrorCodes.Errors.CommandArgumentRequired("text"), null);
        }

        if (normalized.Length > ReportCommand.MaxTextLength)
        {
            return (ErrorCodes.Errors.CommandArgumentTooLong("text", ReportCommand.MaxTextLength), null);
        }

        if (!Enum.IsDefined(kind))
        {
            return (ErrorCodes.Errors.CommandArgumentInvalid("kind", "an interaction kind"), null);
        }

        var due = kind == InteractionKind.ClarificationRequest ? _deadline.DueAt(Profile, at) : (Instant?)null;
        return (DomainResult.Success, new Interaction(Guid.CreateVersion7(), Profile.Id, report.Id, citizen.AccountId, report.AssignedAgencyId, kind, normalized, at, due));
    }

    /// <summary>The agency (or the centre, for a report it answered itself) answers an interaction.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="staff">Handling staff of the interaction's agency, or reception staff when it has none.</param>
    /// <param name="answer">The answer.</param>
    /// <param name="at">When.</param>
    /// <returns>Success, or an error (nothing changed).</returns>
    public DomainResult Answer(Interaction interaction, Actor staff, string answer, Instant at)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(staff);
        if (!string.Equals(interaction.ProvinceId, Profile.Id, StringComparison.OrdinalIgnoreCase))
        {
            return ErrorCodes.Errors.ProvinceMismatch();
        }

        if (interaction.AnsweredAt is not null)
        {
            return ErrorCodes.Errors.InteractionAlreadyAnswered();
        }

        var allowed = interaction.AgencyId is null
            ? staff.Role == ActorRole.ReceptionStaff
            : staff.Role == ActorRole.HandlingStaff && staff.AgencyId == interaction.AgencyId;
        if (!allowed)
        {
            return staff.Role == ActorRole.HandlingStaff
                ? ErrorCodes.Errors.ActionNotAssignedToAgency("answer this interaction")
                : ErrorCodes.Errors.ActionNotPermitted("answer this interaction", staff.Role, [interaction.AgencyId is null ? ActorRole.ReceptionStaff : ActorRole.HandlingStaff]);
        }

        if (VietnameseText.Normalize(answer) is not { } normalized)
        {
            return ErrorCodes.Errors.CommandArgumentRequired("answer");
        }

        if (normalized.Length > ReportCommand.MaxTextLength)
        {
            return ErrorCodes.Errors.CommandArgumentTooLong("answer", ReportCommand.MaxTextLength);
        }

        interaction.Answer = normalized;
        interaction.AnsweredAt = at;
        interaction.AnsweredBy = staff.AccountId;
        return DomainResult.Success;
    }
}
