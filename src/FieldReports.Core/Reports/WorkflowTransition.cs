namespace FieldReports.Reports;

/// <summary>A transition of the report workflow, as documentation and user interfaces see it.</summary>
/// <param name="From">The source state.</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="To">The target state.</param>
/// <param name="Roles">The roles that may fire it.</param>
/// <param name="Conditions">The further conditions, in words (for example <c>actor works for the assigned agency</c>).</param>
public sealed record WorkflowTransition(ReportState From, ReportTrigger Trigger, ReportState To, IReadOnlyList<ActorRole> Roles, IReadOnlyList<string> Conditions);
