using System.Collections.Immutable;
using FieldReports.Provinces;
using FieldReports.Rating;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Statistics;

/// <summary>
/// Computes the periodic statistics (Cà Mau art. 13.6–13.7) in memory over a sequence of reports. Stores compute the
/// same figures in their query language; this is the reference definition. Thread-safe.
/// </summary>
public static class ReportStatistics
{
    private const string Centre = "(centre)";
    private const string Unclassified = "(unclassified)";

    private static readonly ReportState[] Delivered = [ReportState.Published, ReportState.RepliedPrivately, ReportState.AnsweredDirectly];

    /// <summary>Computes the statistics of one province.</summary>
    /// <param name="province">The province; reports and interactions of other provinces are ignored.</param>
    /// <param name="reports">The reports.</param>
    /// <param name="interactions">The interactions (may be empty).</param>
    /// <param name="query">What to count.</param>
    /// <param name="deadlines">The step deadlines (the SLA engine).</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static StatisticsResult Compute(ProvinceProfile province, IEnumerable<Report> reports, IEnumerable<Interaction> interactions, StatisticsQuery query, IStepDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(province);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(deadlines);

        var selected = reports
            .Where(r => string.Equals(r.ProvinceId, province.Id, StringComparison.OrdinalIgnoreCase))
            .Where(r => query.Period.Contains(province.LocalDateOf(r.SubmittedAt)))
            .Where(r => query.AgencyId is null || r.AssignedAgencyId == query.AgencyId)
            .Where(r => query.FieldCode is null || r.FieldCode == query.FieldCode)
            .Select(r => (Report: r, Facts: Assess(r, query.AsOf, deadlines)))
            .ToList();

        var rows = selected
            .GroupBy(x => (Agency: x.Report.AssignedAgencyId ?? Centre, Field: x.Report.FieldCode ?? Unclassified))
            .OrderBy(g => g.Key.Agency, StringComparer.Ordinal).ThenBy(g => g.Key.Field, StringComparer.Ordinal)
            .Select(g => new StatisticsRow
            {
                AgencyId = g.Key.Agency,
                FieldCode = g.Key.Field,
                Received = g.Count(),
                Rejected = g.Count(x => x.Report.State == ReportState.RejectedAtIntake),
                HandledOnTime = g.Count(x => x.Facts.Delivered && !x.Facts.Late),
                HandledLate = g.Count(x => x.Facts.Delivered && x.Facts.Late),
                StillOpen = g.Count(x => x.Facts.Open),
                OpenOverdue = g.Count(x => x.Facts.Open && x.Facts.Overdue),
                Returned = g.Count(x => x.Report.Events.Any(e => e.Trigger == ReportTrigger.ReturnToCentre)),
                Escalated = g.Count(x => x.Report.Events.Any(e => e.Trigger == ReportTrigger.Escalate)),
                Ratings = g.Where(x => x.Report.Rating is not null)
                    .GroupBy(x => x.Report.Rating!.Value.Code, StringComparer.Ordinal)
                    .ToImmutableSortedDictionary(r => r.Key, r => r.Count(), StringComparer.Ordinal),
            })
            .ToImmutableArray();

        var unanswered = interactions
            .Where(i => string.Equals(i.ProvinceId, province.Id, StringComparison.OrdinalIgnoreCase))
            .Where(i => query.Period.Contains(province.LocalDateOf(i.SentAt)) && i.IsUnansweredAt(query.AsOf))
            .Where(i => query.AgencyId is null || i.AgencyId == query.AgencyId)
            .GroupBy(i => i.AgencyId ?? Centre, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        return new StatisticsResult
        {
            Query = query,
            Rows = rows,
            UnansweredInteractions = unanswered,
            LateCases = [.. selected.Where(x => x.Facts.Late).Select(x => x.Report.Id)],
            ProlongedCases = [.. selected.Where(x => x.Facts.Open && query.AsOf - x.Report.SubmittedAt > query.ProlongedAfter).Select(x => x.Report.Id)],
            UnresolvedCases = [.. selected.Where(x => x.Facts.Open).Select(x => x.Report.Id)],
        };
    }

    private static Facts Assess(Report report, Instant asOf, IStepDeadlines deadlines)
    {
        var events = report.Events.Where(e => e.OccurredAt <= asOf).ToList();
        var delivered = events.Any(e => Delivered.Contains(e.To));
        var terminal = events.Count > 0 && ReportWorkflow.TerminalStates.Contains(events[^1].To);
        var open = !delivered && !terminal;
        bool late = false, overdue = false;
        for (var i = 0; i < events.Count; i++)
        {
            if (deadlines.DueAt(report, events[i]) is not { } due)
            {
                continue;
            }

            if (i + 1 < events.Count)
            {
                late |= events[i + 1].OccurredAt > due;
            }
            else if (!terminal && asOf > due)
            {
                late = true;
                overdue = true;
            }
        }

        return new Facts(delivered, open, late, overdue);
    }

    private readonly record struct Facts(bool Delivered, bool Open, bool Late, bool Overdue);
}
