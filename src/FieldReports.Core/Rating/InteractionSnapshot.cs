using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Rating;

/// <summary>Everything a store persists about an <see cref="Interaction"/>; see <see cref="Interaction.ToSnapshot"/> and <see cref="Interaction.Restore"/>. Immutable.</summary>
public sealed record InteractionSnapshot
{
    /// <summary>The interaction's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The province.</summary>
    public required string ProvinceId { get; init; }

    /// <summary>The report interacted with.</summary>
    public required ReportId ReportId { get; init; }

    /// <summary>The citizen's account.</summary>
    public required string AccountId { get; init; }

    /// <summary>The agency that must answer; <see langword="null"/> for the centre.</summary>
    public string? AgencyId { get; init; }

    /// <summary>The kind.</summary>
    public required InteractionKind Kind { get; init; }

    /// <summary>The citizen's text.</summary>
    public required string Text { get; init; }

    /// <summary>When it was sent.</summary>
    public required Instant SentAt { get; init; }

    /// <summary>When the answer is due, for a clarification request.</summary>
    public Instant? DueAt { get; init; }

    /// <summary>The answer, once given.</summary>
    public string? Answer { get; init; }

    /// <summary>When it was answered.</summary>
    public Instant? AnsweredAt { get; init; }

    /// <summary>The account that answered.</summary>
    public string? AnsweredBy { get; init; }
}
