namespace FieldReports.Moderation;

/// <summary>What a moderation decision did. Numeric values are stable.</summary>
public enum ModerationDecisionKind
{
    /// <summary>A sanction was imposed because a rule's count was reached.</summary>
    Imposed = 0,

    /// <summary>An administrator lifted a sanction before it ended, with a reason.</summary>
    Lifted = 1,
}
