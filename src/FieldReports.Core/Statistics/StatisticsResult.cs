using System.Collections.Immutable;
using FieldReports.Reports;

namespace FieldReports.Statistics;

/// <summary>The statistics of a period: the rows per agency and field, the unanswered interactions per agency, and the cases the periodic report must name.</summary>
public sealed record StatisticsResult
{
    /// <summary>The query.</summary>
    public required StatisticsQuery Query { get; init; }

    /// <summary>One row per agency and field, ordered by agency then field.</summary>
    public ImmutableArray<StatisticsRow> Rows { get; init; } = [];

    /// <summary>Clarification requests sent in the period and not answered by their due instant, per agency (year-end ranking).</summary>
    public ImmutableSortedDictionary<string, int> UnansweredInteractions { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    /// <summary>Reports handled late or open past a deadline.</summary>
    public ImmutableArray<ReportId> LateCases { get; init; } = [];

    /// <summary>Unresolved reports open for longer than <see cref="StatisticsQuery.ProlongedAfter"/>.</summary>
    public ImmutableArray<ReportId> ProlongedCases { get; init; } = [];

    /// <summary>Reports whose result has not reached the reporter (still open).</summary>
    public ImmutableArray<ReportId> UnresolvedCases { get; init; } = [];
}
