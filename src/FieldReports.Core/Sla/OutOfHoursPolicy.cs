namespace FieldReports.Sla;

/// <summary>
/// How a step that starts on a working day but outside office hours (before opening, in the lunch break, after
/// closing) is budgeted. The regulations give one figure for working days and one for days off and do not say which
/// applies then. Numeric values are stable and may be stored.
/// </summary>
public enum OutOfHoursPolicy
{
    /// <summary>
    /// The default: the working-day budget, counted in working time from the next opening. The day is a working day,
    /// and staff are not expected to act before the office opens; a report sent at 17:05 is due 2 working hours after
    /// the next morning's opening rather than at 05:05 while the office is still closed.
    /// </summary>
    CountFromNextOpening = 0,

    /// <summary>The day-off budget, counted in elapsed time from the start, as if the office were closed for the day.</summary>
    TreatAsDayOff = 1,
}
