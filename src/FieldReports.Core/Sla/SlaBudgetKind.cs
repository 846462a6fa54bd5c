namespace FieldReports.Sla;

/// <summary>How a step's budget is counted. Numeric values are stable and may be stored.</summary>
public enum SlaBudgetKind
{
    /// <summary>Working time of the business calendar, from the step's start (or the next opening, if it started outside working time).</summary>
    WorkingTime = 0,

    /// <summary>Elapsed (wall-clock) time: the budget of a step that started on a day off, and of urgent reports.</summary>
    ElapsedTime = 1,

    /// <summary>Working days: the same point of the working day, N working days later (see <see cref="Calendar.BusinessCalendar.AddWorkingDays"/>).</summary>
    WorkingDays = 2,
}
