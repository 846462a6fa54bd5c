using NodaTime;

namespace FieldReports.Stores;

/// <summary>The period and cut of the statistics of a province (monthly, quarterly, yearly or on demand; Cà Mau art. 13.6).</summary>
public sealed record ReportStatisticsQuery
{
    /// <summary>Counts reports submitted at or after this instant.</summary>
    public required Instant From { get; init; }

    /// <summary>Counts reports submitted before this instant.</summary>
    public required Instant To { get; init; }

    /// <summary>The instant against which open reports are counted as overdue (their deadline is before it); normally now.</summary>
    public required Instant AsOf { get; init; }

    /// <summary>Only reports of this agency; <see langword="null"/> for every agency (and unassigned reports).</summary>
    public string? AgencyId { get; init; }

    /// <summary>Only reports of this field; <see langword="null"/> for every field.</summary>
    public string? FieldCode { get; init; }
}
