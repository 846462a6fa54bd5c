namespace FieldReports.Sla;

/// <summary>The steps of a report's life that carry a time limit. Numeric values are stable and may be stored.</summary>
public enum SlaStep
{
    /// <summary>The centre receives, classifies and distributes (or answers) a report (Cà Mau Decision 17/2022 art. 7.2). Starts at submission.</summary>
    ReceiveAndDistribute = 0,

    /// <summary>The assigned agency handles the report and responds (art. 8.1). Starts at assignment (or redistribution, resumption, send-back).</summary>
    Handle = 1,

    /// <summary>A report returned as outside the agency's competence is redistributed by the centre (art. 8.1b). Starts at the return.</summary>
    ReturnAsWrongCompetence = 2,

    /// <summary>The centre checks the result and publishes it or replies privately (art. 9). Starts when the result is submitted.</summary>
    ApproveAndPublish = 3,

    /// <summary>The agency answers a citizen's legitimate interaction on a published result (Huế Decision 30/2022). Started by the caller, since interactions are not workflow events.</summary>
    AnswerInteraction = 4,

    /// <summary>The agency clarifies and follows up a Not satisfied rating (Huế Decision 30/2022; Cà Mau art. 10). Starts at the rating.</summary>
    FollowUpDissatisfiedRating = 5,
}
