using NodaTime;

namespace FieldReports.Statistics;

/// <summary>What to count: the reports received in a period, optionally for one agency or field, as things stood at an instant.</summary>
public sealed record StatisticsQuery
{
    /// <summary>The period; a report belongs to it by the local date it was received (submitted).</summary>
    public required StatisticsPeriod Period { get; init; }

    /// <summary>The instant the statistics are taken at: steps still open after their deadline at this instant are overdue.</summary>
    public required Instant AsOf { get; init; }

    /// <summary>Only reports last assigned to this agency, if given.</summary>
    public string? AgencyId { get; init; }

    /// <summary>Only reports of this field, if given.</summary>
    public string? FieldCode { get; init; }

    /// <summary>How long an unresolved report must have been open to count as prolonged. Default 30 days.</summary>
    public Duration ProlongedAfter { get; init; } = Duration.FromDays(30);
}
