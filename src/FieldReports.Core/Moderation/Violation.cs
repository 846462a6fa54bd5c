using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Moderation;

/// <summary>A violation recorded by staff against an account, with the report or interaction concerned. Immutable.</summary>
public sealed record Violation
{
    /// <summary>The rule broken.</summary>
    public required ViolationKind Kind { get; init; }

    /// <summary>When staff recorded it; the sliding window counts from these instants.</summary>
    public required Instant RecordedAt { get; init; }

    /// <summary>The staff account that recorded it.</summary>
    public required string RecordedBy { get; init; }

    /// <summary>The report concerned, if any.</summary>
    public ReportId? ReportId { get; init; }

    /// <summary>The interaction concerned, if any.</summary>
    public Guid? InteractionId { get; init; }

    /// <summary>Staff's note.</summary>
    public string? Note { get; init; }
}
