using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Statistics;

/// <summary>
/// Gives the deadline of each step of a report, so statistics can tell on time from late. A step is the time a report
/// spends in the state an event led to. The SLA engine implements this with the province's calendar and time limits.
/// </summary>
public interface IStepDeadlines
{
    /// <summary>The instant the step started by <paramref name="stepStart"/> must end by; <see langword="null"/> when it has no time limit.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stepStart">The event that started the step (its <see cref="ReportEvent.To"/> is the step's state).</param>
    Instant? DueAt(Report report, ReportEvent stepStart);
}
