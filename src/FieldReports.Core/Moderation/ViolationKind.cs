namespace FieldReports.Moderation;

/// <summary>What rule a violation broke (Huế Decision 30/2022). Numeric values are stable.</summary>
public enum ViolationKind
{
    /// <summary>A report in improper, non-constructive language; counts towards the account lock.</summary>
    AbusiveReport = 0,

    /// <summary>A breach of the interaction rules; counts towards the interaction ban.</summary>
    InteractionRule = 1,
}
