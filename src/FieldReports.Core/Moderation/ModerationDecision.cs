using NodaTime;

namespace FieldReports.Moderation;

/// <summary>A decision on an account, kept for audit: who decided what, when, until when, and why. Immutable.</summary>
public sealed record ModerationDecision
{
    /// <summary>Imposed or lifted.</summary>
    public required ModerationDecisionKind Kind { get; init; }

    /// <summary>The sanction concerned.</summary>
    public required SanctionKind Sanction { get; init; }

    /// <summary>When the decision was taken.</summary>
    public required Instant At { get; init; }

    /// <summary>When an imposed sanction ends by itself; <see langword="null"/> until lifted (or for a lift).</summary>
    public Instant? Until { get; init; }

    /// <summary>The account that decided: the staff member whose recorded violation reached the threshold, or the administrator who lifted it.</summary>
    public required string DecidedBy { get; init; }

    /// <summary>Why: the rule and count that imposed it, or the administrator's reason.</summary>
    public required string Reason { get; init; }

    /// <summary>The number of violations counted when a sanction was imposed.</summary>
    public int ViolationCount { get; init; }
}
