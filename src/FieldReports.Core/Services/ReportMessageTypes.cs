namespace FieldReports.Services;

/// <summary>
/// The outbox message types <see cref="ReportService"/> produces. Every accepted transition produces one message of type
/// <c>report.&lt;trigger&gt;</c> (for example <c>report.assign</c>, <c>report.approve</c>), whose JSON payload names the
/// report, the province, the trigger, the states, the assigned agency, urgency and the event's sequence — never personal data.
/// </summary>
public static class ReportMessageTypes
{
    /// <summary>The prefix of every report message type.</summary>
    public const string Prefix = "report.";

    /// <summary>The message type of a trigger.</summary>
    /// <param name="trigger">The workflow trigger.</param>
    public static string Of(Reports.ReportTrigger trigger) => Prefix + trigger.ToString().ToLowerInvariant();
}
