using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Statistics;
using NodaTime;

namespace FieldReports.Sla;

/// <summary>
/// The deadlines of a province's reports, for statistics (on time or late): the SLA clock of the report, derived from its
/// events, gives each step's deadline.
/// </summary>
/// <param name="province">The province whose rules and calendar apply.</param>
public sealed class SlaStepDeadlines(ProvinceProfile province) : IStepDeadlines
{
    /// <inheritdoc/>
    public Instant? DueAt(Report report, ReportEvent stepStart)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stepStart);
        if (!StartsStep(report, stepStart, out var step))
        {
            return null;
        }

        // The n-th event that started this kind of step matches the n-th step of that kind on the clock.
        var nth = report.Events.Count(e => e.Sequence < stepStart.Sequence && StartsStep(report, e, out var s) && s == step);
        var clock = province.SlaClockOf(report, report.Events[^1].OccurredAt);
        return clock.Steps.Where(s => s.Step == step).Skip(nth).FirstOrDefault()?.Deadline;
    }

    private static bool StartsStep(Report report, ReportEvent e, out SlaStep step)
    {
        var to = SlaClock.StepOf(e.To);
        step = to.GetValueOrDefault();
        if (to is null)
        {
            return false;
        }

        // Resuming after an escalation into the step that was paused continues that step (see SlaClock).
        var from = e.From;
        if (from == ReportState.Escalated)
        {
            from = report.Events.LastOrDefault(x => x.Sequence < e.Sequence && x.Trigger == ReportTrigger.Escalate)?.From;
        }

        return from is null || SlaClock.StepOf(from.Value) != to;
    }
}
