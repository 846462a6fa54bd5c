using System.Collections.Immutable;
using NodaTime;

namespace FieldReports.Reports;

/// <summary>
/// One entry of a report's audit trail: who did what, when, and what it changed. Every transition appends exactly one
/// event; events are never changed or removed. The SLA engine reads them to know when each step started.
/// </summary>
/// <remarks>
/// Events carry account and agency ids, never personal data of the reporter; free text (<see cref="Note"/>) is written by
/// staff or the reporter and is subject to the confidentiality policy like the report's content.
/// </remarks>
public sealed record ReportEvent
{
    /// <summary>The position of the event in the report's trail, starting at 1 for the submission, without gaps.</summary>
    public required int Sequence { get; init; }

    /// <summary>When the transition happened.</summary>
    public required Instant OccurredAt { get; init; }

    /// <summary>The role of the actor.</summary>
    public required ActorRole ActorRole { get; init; }

    /// <summary>The opaque account id of the actor.</summary>
    public required string ActorAccountId { get; init; }

    /// <summary>The agency the actor acted for, if any.</summary>
    public string? ActorAgencyId { get; init; }

    /// <summary>The trigger fired.</summary>
    public required ReportTrigger Trigger { get; init; }

    /// <summary>The state before the transition; <see langword="null"/> for the submission.</summary>
    public ReportState? From { get; init; }

    /// <summary>The state after the transition.</summary>
    public required ReportState To { get; init; }

    /// <summary>Whether the report was urgent after the transition. Urgency is carried through every step.</summary>
    public required bool IsUrgent { get; init; }

    /// <summary>The agency the report was assigned to after the transition, if any.</summary>
    public string? AssignedAgencyId { get; init; }

    /// <summary>Free text: the reason, answer or result, if the command had one.</summary>
    public string? Note { get; init; }

    /// <summary>Structured data of the command (field, agency, rating, evidence ids…), ordered by key.</summary>
    public ImmutableSortedDictionary<string, string> Data { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
