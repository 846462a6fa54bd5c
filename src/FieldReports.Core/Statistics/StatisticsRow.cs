using System.Collections.Immutable;

namespace FieldReports.Statistics;

/// <summary>
/// The counts for one agency and field. <see cref="AgencyId"/> is the agency the report was last assigned to, or
/// <c>(centre)</c> for reports the centre kept; <see cref="FieldCode"/> is <c>(unclassified)</c> before classification.
/// </summary>
public sealed record StatisticsRow
{
    /// <summary>The agency.</summary>
    public required string AgencyId { get; init; }

    /// <summary>The field.</summary>
    public required string FieldCode { get; init; }

    /// <summary>Reports received.</summary>
    public int Received { get; init; }

    /// <summary>Reports rejected at intake (including duplicates).</summary>
    public int Rejected { get; init; }

    /// <summary>Reports whose result reached the reporter with every step within its deadline.</summary>
    public int HandledOnTime { get; init; }

    /// <summary>Reports whose result reached the reporter after some step's deadline.</summary>
    public int HandledLate { get; init; }

    /// <summary>Reports still open (no result yet, not rejected or withdrawn).</summary>
    public int StillOpen { get; init; }

    /// <summary>Open reports whose current step is past its deadline.</summary>
    public int OpenOverdue { get; init; }

    /// <summary>Reports returned to the centre at least once.</summary>
    public int Returned { get; init; }

    /// <summary>Reports escalated at least once.</summary>
    public int Escalated { get; init; }

    /// <summary>The latest rating of each rated report, counted by level code.</summary>
    public ImmutableSortedDictionary<string, int> Ratings { get; init; } = ImmutableSortedDictionary<string, int>.Empty;
}
