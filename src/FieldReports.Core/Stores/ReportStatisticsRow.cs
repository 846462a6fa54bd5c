using FieldReports.Reports;

namespace FieldReports.Stores;

/// <summary>One group of the statistics: the reports of one agency, field and state in the period.</summary>
public sealed record ReportStatisticsRow
{
    /// <summary>The agency the reports are assigned to; <see langword="null"/> for reports never assigned.</summary>
    public string? AgencyId { get; init; }

    /// <summary>The field; <see langword="null"/> for reports not yet classified.</summary>
    public string? FieldCode { get; init; }

    /// <summary>The current state of the reports.</summary>
    public required ReportState State { get; init; }

    /// <summary>How many reports.</summary>
    public required int Count { get; init; }

    /// <summary>How many of them are urgent.</summary>
    public required int Urgent { get; init; }

    /// <summary>How many of them are open with a deadline before <see cref="ReportStatisticsQuery.AsOf"/>.</summary>
    public required int Overdue { get; init; }
}
