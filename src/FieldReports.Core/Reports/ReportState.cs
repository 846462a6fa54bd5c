namespace FieldReports.Reports;

/// <summary>
/// The states of a field report's life, following the workflow of the regulations
/// (Cà Mau Decision 17/2022 art. 7–10; the other provinces agree in outline).
/// </summary>
/// <remarks>
/// Terminal states: <see cref="RejectedAtIntake"/>, <see cref="Withdrawn"/> and <see cref="Closed"/>.
/// The result reaches the reporter in <see cref="Published"/>, <see cref="RepliedPrivately"/> or <see cref="AnsweredDirectly"/>;
/// from there the reporter may rate it. Numeric values are stable and may be stored.
/// </remarks>
public enum ReportState
{
    /// <summary>Sent by a reporter (or entered by staff on a reporter's behalf) and waiting for reception staff to check it.</summary>
    Submitted = 0,

    /// <summary>Refused at intake (incomplete, out of scope, abusive, duplicate…), with a reason. Terminal.</summary>
    RejectedAtIntake = 1,

    /// <summary>Withdrawn by the reporter before intake. Terminal.</summary>
    Withdrawn = 2,

    /// <summary>Accepted by reception staff and classified into a field; waiting to be assigned or answered.</summary>
    Received = 3,

    /// <summary>Answered by the centre directly, without an agency (the centre already had grounds to answer).</summary>
    AnsweredDirectly = 4,

    /// <summary>Assigned to a handling agency, which has not yet acknowledged it.</summary>
    Assigned = 5,

    /// <summary>Acknowledged by the assigned agency and being handled.</summary>
    InHandling = 6,

    /// <summary>Returned by the agency to the centre as outside its competence, with a proposed agency; waiting for redistribution.</summary>
    ReturnedToCentre = 7,

    /// <summary>The agency has submitted its result (with evidence); waiting for the centre to check it.</summary>
    ResultSubmitted = 8,

    /// <summary>The result was approved and published.</summary>
    Published = 9,

    /// <summary>The result was approved and sent to the reporter only, because the report is confidential.</summary>
    RepliedPrivately = 10,

    /// <summary>Raised to the province's escalation body (the provincial people's committee or steering committee); waiting for its direction.</summary>
    Escalated = 11,

    /// <summary>Rated Satisfied or Acceptable by the reporter.</summary>
    Rated = 12,

    /// <summary>Rated Not satisfied: the agency must clarify and interact with the reporter.</summary>
    FollowUpRequired = 13,

    /// <summary>The agency has answered the follow-up of a Not satisfied rating; the reporter may rate again.</summary>
    FollowUpAnswered = 14,

    /// <summary>Closed. Terminal.</summary>
    Closed = 15,
}
