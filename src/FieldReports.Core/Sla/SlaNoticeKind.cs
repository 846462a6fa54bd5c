namespace FieldReports.Sla;

/// <summary>What an SLA notice says about a report's step. Numeric values are stable.</summary>
public enum SlaNoticeKind
{
    /// <summary>The deadline is near (<see cref="SlaMessageTypes.Reminder"/>).</summary>
    Reminder = 0,

    /// <summary>The deadline has passed (<see cref="SlaMessageTypes.Breached"/>).</summary>
    Breached = 1,

    /// <summary>The deadline passed long ago (<see cref="SlaMessageTypes.LongOverdue"/>).</summary>
    LongOverdue = 2,
}
