namespace FieldReports.Sla;

/// <summary>
/// The outbox message types the SLA monitor produces, once per step of a report. Their JSON payload names the report,
/// the province, the step, its deadline, the report's state, the agency that owns the step (<c>agencyId</c>, null when
/// the centre does) and urgency — never personal data.
/// </summary>
public static class SlaMessageTypes
{
    /// <summary>The prefix of every SLA message type.</summary>
    public const string Prefix = "sla.";

    /// <summary>The step's deadline is within <see cref="SlaMonitorOptions.ReminderLead"/>: remind whoever owns the step.</summary>
    public const string Reminder = "sla.reminder";

    /// <summary>The step's deadline has passed: tell the centre, the agency that owns the step and the leaders.</summary>
    public const string Breached = "sla.breached";

    /// <summary>The step is overdue by more than <see cref="SlaMonitorOptions.LongOverdueAfter"/>: raise it to the centre for follow-up.</summary>
    public const string LongOverdue = "sla.long_overdue";
}
