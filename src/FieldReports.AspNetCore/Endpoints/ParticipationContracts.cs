// The request and response shapes of consent, interaction and moderation endpoints. Kept in one file because each is a line or two.
#pragma warning disable SA1402, MA0048

using FieldReports.Confidentiality;
using FieldReports.Moderation;
using FieldReports.Rating;
using NodaTime;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>The reporter consents to share their identity with the handling agency (Law 91/2025; Cà Mau art. 6.5).</summary>
/// <param name="Purpose">What the identity may be used for, as shown to the reporter (at most 1000 characters).</param>
/// <param name="WordingVersion">The version of the consent wording the app showed; when given, it must be the province's version in force.</param>
internal sealed record ConsentRequest(string? Purpose, string? WordingVersion);

/// <summary>A consent to share identity, with its purpose, wording version and times.</summary>
/// <param name="Purpose">What the identity may be used for.</param>
/// <param name="WordingVersion">The version of the wording agreed to.</param>
/// <param name="GivenAt">When it was given.</param>
/// <param name="WithdrawnAt">When it was withdrawn; null while it stands.</param>
/// <param name="Standing">Whether it stands now.</param>
internal sealed record ConsentDto(string Purpose, string WordingVersion, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt, bool Standing)
{
    public static ConsentDto Of(IdentityConsent consent, Instant now) =>
        new(consent.Purpose, consent.WordingVersion, consent.GivenAt.ToDateTimeOffset(), consent.WithdrawnAt?.ToDateTimeOffset(), consent.StandsAt(now));
}

/// <summary>A citizen's interaction on a published result.</summary>
/// <param name="Kind"><c>Comment</c> (default) or <c>ClarificationRequest</c>, which the agency must answer within a day.</param>
/// <param name="Text">The text.</param>
internal sealed record InteractionRequest(string? Kind, string? Text);

/// <summary>An interaction as the caller may see it; members the caller may not see are null and named in <paramref name="Hidden"/>.</summary>
/// <param name="Id">The id.</param>
/// <param name="Kind">Comment or clarification request.</param>
/// <param name="Text">The citizen's text.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="DueAt">When the answer is due, for a clarification request.</param>
/// <param name="IsMine">Whether the caller sent it.</param>
/// <param name="AccountId">The citizen's account (personal data): the centre's staff only.</param>
/// <param name="AgencyId">The agency that answers; null when the centre does.</param>
/// <param name="Answer">The answer, once given.</param>
/// <param name="AnsweredAt">When it was answered.</param>
/// <param name="AnsweredBy">The staff account that answered: staff only.</param>
/// <param name="Hidden">The members hidden from the caller.</param>
internal sealed record InteractionDto(
    string Id,
    string Kind,
    string Text,
    DateTimeOffset SentAt,
    DateTimeOffset? DueAt,
    bool IsMine,
    string? AccountId,
    string? AgencyId,
    string? Answer,
    DateTimeOffset? AnsweredAt,
    string? AnsweredBy,
    IReadOnlyList<string> Hidden);

/// <summary>Names an account whose moderation record is read or changed; the id travels in the body, never in a URL.</summary>
/// <param name="AccountId">The account.</param>
internal sealed record AccountRequest(string? AccountId);

/// <summary>Records a violation against an account.</summary>
/// <param name="AccountId">The account; when omitted, the sender of <paramref name="InteractionId"/>, else the reporter of <paramref name="ReportId"/>.</param>
/// <param name="Kind"><c>AbusiveReport</c> (counts towards the lock) or <c>InteractionRule</c> (counts towards the interaction ban).</param>
/// <param name="ReportId">The report concerned, if any.</param>
/// <param name="InteractionId">The interaction concerned, if any.</param>
/// <param name="Note">Staff's note (at most 2000 characters).</param>
internal sealed record ViolationRequest(string? AccountId, string? Kind, Guid? ReportId, Guid? InteractionId, string? Note);

/// <summary>Imposes a sanction by an administrator's decision.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Reason">Why (required, at most 2000 characters).</param>
/// <param name="Until">When it ends by itself; omitted for the duration of the province's rule (until lifted when the rule has none).</param>
internal sealed record SanctionRequest(string? AccountId, string? Reason, DateTimeOffset? Until);

/// <summary>Lifts a sanction in force.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Reason">Why (required, at most 2000 characters).</param>
internal sealed record LiftRequest(string? AccountId, string? Reason);

/// <summary>A violation recorded against an account.</summary>
/// <param name="Kind">The rule broken.</param>
/// <param name="RecordedAt">When.</param>
/// <param name="RecordedBy">The staff account that recorded it.</param>
/// <param name="ReportId">The report concerned.</param>
/// <param name="InteractionId">The interaction concerned.</param>
/// <param name="Note">Staff's note.</param>
internal sealed record ViolationDto(string Kind, DateTimeOffset RecordedAt, string RecordedBy, string? ReportId, string? InteractionId, string? Note)
{
    public static ViolationDto Of(Violation v) =>
        new(v.Kind.ToString(), v.RecordedAt.ToDateTimeOffset(), v.RecordedBy, v.ReportId?.ToString(), v.InteractionId?.ToString(), v.Note);
}

/// <summary>A decision on an account: a sanction imposed or lifted, with who, when, until when and why.</summary>
/// <param name="Kind"><c>Imposed</c> or <c>Lifted</c>.</param>
/// <param name="Sanction"><c>AccountLock</c> or <c>InteractionBan</c>.</param>
/// <param name="At">When.</param>
/// <param name="Until">When an imposed sanction ends by itself; null until lifted.</param>
/// <param name="DecidedBy">The staff account.</param>
/// <param name="Reason">Why.</param>
/// <param name="ViolationCount">The violations counted when a count imposed it; 0 for an administrator's decision.</param>
internal sealed record ModerationDecisionDto(string Kind, string Sanction, DateTimeOffset At, DateTimeOffset? Until, string DecidedBy, string Reason, int ViolationCount)
{
    public static ModerationDecisionDto Of(ModerationDecision d) =>
        new(d.Kind.ToString(), d.Sanction.ToString(), d.At.ToDateTimeOffset(), d.Until?.ToDateTimeOffset(), d.DecidedBy, d.Reason, d.ViolationCount);
}

/// <summary>An account's moderation record: its standing now, every violation and every decision, oldest first.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="IsLocked">Whether the account is locked now (it cannot send reports).</param>
/// <param name="LockedUntil">When the lock ends by itself; null when none is in force or it lasts until lifted.</param>
/// <param name="IsInteractionBanned">Whether the account's interaction is banned now.</param>
/// <param name="InteractionBannedUntil">When the ban ends by itself.</param>
/// <param name="Violations">The violations.</param>
/// <param name="Decisions">The decisions.</param>
internal sealed record AccountModerationDto(
    string AccountId,
    bool IsLocked,
    DateTimeOffset? LockedUntil,
    bool IsInteractionBanned,
    DateTimeOffset? InteractionBannedUntil,
    IReadOnlyList<ViolationDto> Violations,
    IReadOnlyList<ModerationDecisionDto> Decisions)
{
    public static AccountModerationDto Of(AccountModeration account, Instant now) => new(
        account.AccountId,
        account.IsLocked(now),
        account.InForceUntil(SanctionKind.AccountLock, now)?.ToDateTimeOffset(),
        account.IsInteractionBanned(now),
        account.InForceUntil(SanctionKind.InteractionBan, now)?.ToDateTimeOffset(),
        [.. account.Violations.Select(ViolationDto.Of)],
        [.. account.Decisions.Select(ModerationDecisionDto.Of)]);
}

/// <summary>A decision taken in the province, with its account, for the audit list.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Decision">The decision.</param>
internal sealed record AccountDecisionDto(string AccountId, ModerationDecisionDto Decision);

/// <summary>Helpers shared by the interaction endpoints.</summary>
internal static class InteractionViews
{
    /// <summary>The caller's view of an interaction (null for the public): the citizen's account only to the centre, who answered only to staff.</summary>
    public static InteractionDto Of(Interaction i, Reports.Actor? actor)
    {
        var centre = actor?.Role is Reports.ActorRole.ReceptionStaff or Reports.ActorRole.Approver or Reports.ActorRole.Administrator;
        var staff = centre || actor?.Role is Reports.ActorRole.HandlingStaff or Reports.ActorRole.Leader;
        var hidden = new List<string>();
        if (!centre)
        {
            hidden.Add(nameof(InteractionDto.AccountId));
        }

        if (!staff)
        {
            hidden.Add(nameof(InteractionDto.AnsweredBy));
        }

        return new InteractionDto(
            i.Id.ToString(),
            i.Kind.ToString(),
            i.Text,
            i.SentAt.ToDateTimeOffset(),
            i.DueAt?.ToDateTimeOffset(),
            actor?.Role == Reports.ActorRole.Reporter && actor.AccountId == i.AccountId,
            centre ? i.AccountId : null,
            i.AgencyId,
            i.Answer,
            i.AnsweredAt?.ToDateTimeOffset(),
            staff ? i.AnsweredBy : null,
            [.. hidden]);
    }
}
