namespace FieldReports.Intake;

/// <summary>What intake noticed about an accepted draft, for reception staff to review. Staff decide. Values are stable bit flags.</summary>
[Flags]
public enum IntakeSignals
{
    /// <summary>Nothing noticed.</summary>
    None = 0,

    /// <summary>The text contains words of a complaint, denunciation, dispute, lawsuit or administrative procedure.</summary>
    PossiblyOutOfScope = 1,

    /// <summary>The content screen flagged the text as possibly improper language.</summary>
    PossiblyAbusive = 2,

    /// <summary>The text contains urgent words (fire, accident, rescue…), so the report was marked urgent.</summary>
    UrgentByKeyword = 4,

    /// <summary>Staff entered the report on the reporter's behalf (a hotline call).</summary>
    EnteredByStaff = 8,
}
