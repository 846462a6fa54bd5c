namespace FieldReports.Rating;

/// <summary>The kinds of interaction on a published result. Numeric values are stable.</summary>
public enum InteractionKind
{
    /// <summary>A comment; no answer is due.</summary>
    Comment = 0,

    /// <summary>A request for clarification, which the agency must answer within 1 day (Huế Decision 30/2022).</summary>
    ClarificationRequest = 1,
}
