namespace FieldReports.Provinces;

/// <summary>Account locks and interaction bans (Thừa Thiên Huế Decision 30/2022).</summary>
public sealed class ModerationOptions
{
    /// <summary>
    /// Versions of the account-lock rule for reports in improper language. When empty (or none is in force yet) the
    /// default applies: locked at the 3rd violation, counted since the last lock, until an administrator lifts it.
    /// Huế: <c>Threshold</c> 3 with <c>Counting</c> <c>Over</c> (locks at the 4th).
    /// </summary>
    public IList<SanctionRule> AccountLock { get; } = [];

    /// <summary>
    /// Versions of the interaction-ban rule. When empty the default applies: banned at the 3rd interaction violation
    /// within one month (<c>P1M</c>), for one month. Huế: <c>Over</c> 3 within <c>P1M</c>, for <c>P1M</c>.
    /// </summary>
    public IList<SanctionRule> InteractionBan { get; } = [];

    /// <summary>
    /// Words the default Vietnamese content screen flags for staff review (matched also without diacritics). When
    /// empty, a short built-in list applies.
    /// </summary>
    public IList<string> AbusiveWords { get; } = [];
}
