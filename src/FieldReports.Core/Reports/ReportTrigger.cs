namespace FieldReports.Reports;

/// <summary>The actions that move a report between <see cref="ReportState"/>s. Numeric values are stable and may be stored.</summary>
public enum ReportTrigger
{
    /// <summary>A reporter sends a report, or staff enter one on a reporter's behalf. Creates the report.</summary>
    Submit = 0,

    /// <summary>The reporter withdraws a report that has not yet been received.</summary>
    Withdraw = 1,

    /// <summary>Reception staff refuse the report at intake, with a reason.</summary>
    Reject = 2,

    /// <summary>Reception staff accept the report and classify it into a field.</summary>
    Receive = 3,

    /// <summary>Reception staff answer the reporter directly.</summary>
    AnswerDirectly = 4,

    /// <summary>Reception staff assign the report to a handling agency.</summary>
    Assign = 5,

    /// <summary>Handling staff of the assigned agency acknowledge it and start handling.</summary>
    Acknowledge = 6,

    /// <summary>Handling staff of the assigned agency return it as outside their competence, proposing another agency.</summary>
    ReturnToCentre = 7,

    /// <summary>Reception staff send a returned report to another agency.</summary>
    Redistribute = 8,

    /// <summary>Handling staff of the assigned agency submit the result, with evidence.</summary>
    SubmitResult = 9,

    /// <summary>The centre's approver sends the result back to the agency for more work.</summary>
    SendBack = 10,

    /// <summary>The centre's approver approves the result and publishes it.</summary>
    Approve = 11,

    /// <summary>The centre's approver approves the result and sends it to the reporter only.</summary>
    ReplyPrivately = 12,

    /// <summary>The centre raises the report to the province's escalation body.</summary>
    Escalate = 13,

    /// <summary>The centre records the escalation body's direction and resumes handling with the agency it names.</summary>
    Resume = 14,

    /// <summary>The reporter rates the result.</summary>
    Rate = 15,

    /// <summary>Handling staff answer the follow-up of a Not satisfied rating.</summary>
    AnswerFollowUp = 16,

    /// <summary>The centre (or the system, when the rating period ends) closes the report.</summary>
    Close = 17,
}
