using FieldReports.Provinces;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Moderation;

/// <summary>
/// One account's violations and the sanctions they led to (Thừa Thiên Huế Decision 30/2022), with every decision kept
/// for audit. The rules come from the province profile and are those in force when each violation is recorded.
/// </summary>
/// <remarks>
/// <para>
/// Counting: violations are counted since the last sanction of the same kind was imposed (a sanction consumes the
/// violations that led to it), and, when the rule has a window, only those recorded at or after
/// <c>latest − window</c> (window start inclusive, computed in the province's local time).
/// </para>
/// <para>Not thread-safe; a store gives each unit of work its own copy.</para>
/// </remarks>
public sealed class AccountModeration
{
    private readonly List<Violation> _violations = [];
    private readonly List<ModerationDecision> _decisions = [];

    /// <summary>Creates an account's record with no violations.</summary>
    /// <param name="provinceId">The province the account belongs to.</param>
    /// <param name="accountId">The account id.</param>
    public AccountModeration(string provinceId, string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ProvinceId = provinceId;
        AccountId = accountId;
    }

    /// <summary>Recreates an account's record from stored violations and decisions, as a store does when it loads one.</summary>
    /// <param name="provinceId">The province the account belongs to.</param>
    /// <param name="accountId">The account id.</param>
    /// <param name="violations">The violations recorded, oldest first.</param>
    /// <param name="decisions">The decisions taken, oldest first.</param>
    /// <returns>The record; its <see cref="Version"/> counts the entries given.</returns>
    /// <exception cref="ArgumentException">An id is null or blank.</exception>
    /// <exception cref="ArgumentNullException">A list or one of its entries is null.</exception>
    public static AccountModeration Restore(string provinceId, string accountId, IEnumerable<Violation> violations, IEnumerable<ModerationDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(decisions);
        var account = new AccountModeration(provinceId, accountId);
        foreach (var violation in violations)
        {
            ArgumentNullException.ThrowIfNull(violation, nameof(violations));
            account._violations.Add(violation);
        }

        foreach (var decision in decisions)
        {
            ArgumentNullException.ThrowIfNull(decision, nameof(decisions));
            account._decisions.Add(decision);
        }

        return account;
    }

    /// <summary>The province the account belongs to.</summary>
    public string ProvinceId { get; }

    /// <summary>
    /// The number of entries (violations plus decisions) in the record. Entries are only ever appended, so a store uses the
    /// version read as the expected version when it saves.
    /// </summary>
    public int Version => _violations.Count + _decisions.Count;

    /// <summary>The account id.</summary>
    public string AccountId { get; }

    /// <summary>Every violation recorded, oldest first.</summary>
    public IReadOnlyList<Violation> Violations => _violations;

    /// <summary>Every decision taken, oldest first: the audit trail.</summary>
    public IReadOnlyList<ModerationDecision> Decisions => _decisions;

    /// <summary>
    /// Records a violation and, when the count reaches the rule in force, imposes the sanction.
    /// </summary>
    /// <param name="profile">The account's province.</param>
    /// <param name="kind">The rule broken.</param>
    /// <param name="staff">The staff member recording it (reception staff, approver or administrator).</param>
    /// <param name="at">When.</param>
    /// <param name="reportId">The report concerned, if any.</param>
    /// <param name="interactionId">The interaction concerned, if any.</param>
    /// <param name="note">Staff's note.</param>
    /// <returns>The sanction imposed by this violation, if any, or an error (and nothing recorded).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public (DomainResult Result, ModerationDecision? Imposed) RecordViolation(
        ProvinceProfile profile, ViolationKind kind, Actor staff, Instant at, ReportId? reportId = null, Guid? interactionId = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(staff);
        if (!string.Equals(profile.Id, ProvinceId, StringComparison.OrdinalIgnoreCase))
        {
            return (ErrorCodes.Errors.ProvinceMismatch(), null);
        }

        if (staff.Role is not (ActorRole.ReceptionStaff or ActorRole.Approver or ActorRole.Administrator))
        {
            return (ErrorCodes.Errors.ActionNotPermitted("record a violation", staff.Role, [ActorRole.ReceptionStaff, ActorRole.Approver, ActorRole.Administrator]), null);
        }

        if (!Enum.IsDefined(kind))
        {
            return (ErrorCodes.Errors.CommandArgumentInvalid("kind", "a violation kind"), null);
        }

        _violations.Add(new Violation { Kind = kind, RecordedAt = at, RecordedBy = staff.AccountId, ReportId = reportId, InteractionId = interactionId, Note = note });
        var sanction = kind == ViolationKind.AbusiveReport ? SanctionKind.AccountLock : SanctionKind.InteractionBan;
        var rule = sanction == SanctionKind.AccountLock ? profile.AccountLockAt(at) : profile.InteractionBanAt(at);
        if (IsInForce(sanction, at))
        {
            return (DomainResult.Success, null);
        }

        var count = Count(profile, kind, sanction, rule, at);
        if (count < rule.TriggeringCount)
        {
            return (DomainResult.Success, null);
        }

        var decision = new ModerationDecision
        {
            Kind = ModerationDecisionKind.Imposed,
            Sanction = sanction,
            At = at,
            Until = rule.Duration is { } d ? Add(profile, at, d) : null,
            DecidedBy = staff.AccountId,
            Reason = FormattableString.Invariant($"{count} {kind} violations; rule: {(rule.Counting == ThresholdCounting.Over ? "more than" : "at")} {rule.Threshold}{(rule.Window is { } w ? $" within {w}" : string.Empty)}"),
            ViolationCount = count,
        };
        _decisions.Add(decision);
        return (DomainResult.Success, decision);
    }

    /// <summary>
    /// Imposes a sanction by an administrator's decision, with a reason, without waiting for the violations' count (for
    /// example after reviewing a complaint). The sanction lasts as long as the province's rule in force says
    /// (<see cref="ProvinceProfile.AccountLockAt"/>, <see cref="ProvinceProfile.InteractionBanAt"/>): a lock until lifted
    /// by default, an interaction ban for one month.
    /// </summary>
    /// <param name="profile">The account's province.</param>
    /// <param name="sanction">The sanction.</param>
    /// <param name="administrator">The administrator.</param>
    /// <param name="reason">Why. Required; kept in the decision.</param>
    /// <param name="at">When.</param>
    /// <returns>The decision, or an error (and nothing changed): not an administrator, no reason, the sanction already in force.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> or <paramref name="administrator"/> is null.</exception>
    public (DomainResult Result, ModerationDecision? Imposed) Impose(ProvinceProfile profile, SanctionKind sanction, Actor administrator, string reason, Instant at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(administrator);
        if (!string.Equals(profile.Id, ProvinceId, StringComparison.OrdinalIgnoreCase))
        {
            return (ErrorCodes.Errors.ProvinceMismatch(), null);
        }

        if (administrator.Role != ActorRole.Administrator)
        {
            return (ErrorCodes.Errors.ActionNotPermitted("impose a sanction", administrator.Role, [ActorRole.Administrator]), null);
        }

        if (!Enum.IsDefined(sanction))
        {
            return (ErrorCodes.Errors.CommandArgumentInvalid("sanction", "a sanction kind"), null);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return (ErrorCodes.Errors.CommandArgumentRequired("reason"), null);
        }

        if (IsInForce(sanction, at))
        {
            return (ErrorCodes.Errors.SanctionInForce(), null);
        }

        var rule = sanction == SanctionKind.AccountLock ? profile.AccountLockAt(at) : profile.InteractionBanAt(at);
        var decision = new ModerationDecision
        {
            Kind = ModerationDecisionKind.Imposed,
            Sanction = sanction,
            At = at,
            Until = rule.Duration is { } d ? Add(profile, at, d) : null,
            DecidedBy = administrator.AccountId,
            Reason = reason.Trim(),
        };
        _decisions.Add(decision);
        return (DomainResult.Success, decision);
    }

    /// <summary>Lifts a sanction in force, recording the administrator's reason.</summary>
    /// <param name="sanction">The sanction to lift.</param>
    /// <param name="administrator">The administrator.</param>
    /// <param name="reason">Why. Required.</param>
    /// <param name="at">When.</param>
    /// <returns>Success, or an error (and nothing changed): not an administrator, no reason, nothing to lift.</returns>
    public DomainResult Lift(SanctionKind sanction, Actor administrator, string reason, Instant at)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        if (administrator.Role != ActorRole.Administrator)
        {
            return ErrorCodes.Errors.ActionNotPermitted("lift a sanction", administrator.Role, [ActorRole.Administrator]);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ErrorCodes.Errors.CommandArgumentRequired("reason");
        }

        if (!IsInForce(sanction, at))
        {
            return ErrorCodes.Errors.NoSanctionToLift();
        }

        _decisions.Add(new ModerationDecision { Kind = ModerationDecisionKind.Lifted, Sanction = sanction, At = at, DecidedBy = administrator.AccountId, Reason = reason.Trim() });
        return DomainResult.Success;
    }

    /// <summary>Whether the account is locked at an instant.</summary>
    /// <param name="at">The instant.</param>
    public bool IsLocked(Instant at) => IsInForce(SanctionKind.AccountLock, at);

    /// <summary>Whether the account's interaction is banned at an instant.</summary>
    /// <param name="at">The instant.</param>
    public bool IsInteractionBanned(Instant at) => IsInForce(SanctionKind.InteractionBan, at);

    /// <summary>The end of the sanction in force at an instant; <see langword="null"/> when none is, or it lasts until lifted.</summary>
    /// <param name="sanction">The sanction.</param>
    /// <param name="at">The instant.</param>
    public Instant? InForceUntil(SanctionKind sanction, Instant at) => CurrentImposed(sanction, at)?.Until;

    /// <summary>Whether a sanction is in force at an instant: imposed, not yet ended by itself, and not lifted since.</summary>
    /// <param name="sanction">The sanction.</param>
    /// <param name="at">The instant.</param>
    public bool IsInForce(SanctionKind sanction, Instant at) => CurrentImposed(sanction, at) is not null;

    private ModerationDecision? CurrentImposed(SanctionKind sanction, Instant at)
    {
        var last = _decisions.LastOrDefault(d => d.Sanction == sanction && d.At <= at);
        return last is { Kind: ModerationDecisionKind.Imposed } imposed && (imposed.Until is null || at < imposed.Until) ? imposed : null;
    }

    private int Count(ProvinceProfile profile, ViolationKind kind, SanctionKind sanction, SanctionRule rule, Instant at)
    {
        var since = _decisions.LastOrDefault(d => d.Sanction == sanction && d.Kind == ModerationDecisionKind.Imposed)?.At;
        Instant? windowStart = rule.Window is { } w ? Add(profile, at, -w) : null;
        return _violations.Count(v => v.Kind == kind
            && v.RecordedAt <= at
            && (since is null || v.RecordedAt > since)
            && (windowStart is null || v.RecordedAt >= windowStart));
    }

    private static Instant Add(ProvinceProfile profile, Instant at, Period period) =>
        (at.InZone(profile.TimeZone).LocalDateTime + period).InZoneLeniently(profile.TimeZone).ToInstant();
}
