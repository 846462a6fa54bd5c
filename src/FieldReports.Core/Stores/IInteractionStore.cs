using FieldReports.Rating;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// Persists citizens' <see cref="Interaction"/>s on published results and the agencies' answers, and counts the unanswered
/// clarification requests in the database.
/// </summary>
/// <remarks>
/// Every method is scoped to one province. Ratings need no store of their own: a rating is a workflow event of its report
/// (<see cref="RatingPolicy.FirstRatedAt"/>), kept by <see cref="IReportStore"/>. Implementations are thread-safe.
/// </remarks>
public interface IInteractionStore
{
    /// <summary>Stores a new interaction, as returned by <see cref="InteractionPolicy.Open"/>.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <see cref="ErrorCodes.ConcurrencyConflict"/> when an interaction with this id already exists.</returns>
    Task<DomainResult> AddAsync(Interaction interaction, CancellationToken cancellationToken);

    /// <summary>Reads an interaction.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="id">The interaction's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The interaction, or <see langword="null"/> when the province has none with this id.</returns>
    Task<Interaction?> FindAsync(string provinceId, Guid id, CancellationToken cancellationToken);

    /// <summary>Stores the answer given with <see cref="InteractionPolicy.Answer"/>.</summary>
    /// <param name="interaction">The interaction, now answered.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Success, or <see cref="ErrorCodes.InteractionAlreadyAnswered"/> (nothing written) when an answer was stored first —
    /// two staff answering at once: the first answer stands — or <see cref="ErrorCodes.ArgumentRequired"/> when the
    /// interaction carries no answer.
    /// </returns>
    Task<DomainResult> SaveAnswerAsync(Interaction interaction, CancellationToken cancellationToken);

    /// <summary>Lists the interactions on a report, oldest first.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="reportId">The report.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The interactions.</returns>
    Task<IReadOnlyList<Interaction>> ListForReportAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken);

    /// <summary>
    /// Counts, per agency, the clarification requests sent in a period that are unanswered at an instant
    /// (<see cref="Interaction.IsUnansweredAt"/>: due before it and not answered by the due instant), in the database.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="from">Interactions sent at or after this instant (for a year, its first day's start in the province's time zone).</param>
    /// <param name="to">Interactions sent before this instant.</param>
    /// <param name="asOf">The instant against which they count as unanswered; normally now.</param>
    /// <param name="agencyId">Only this agency; <see langword="null"/> for every agency and the centre.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counts by agency id, those the centre answers under <c>(centre)</c> as in <see cref="Statistics.StatisticsResult.UnansweredInteractions"/>; agencies with none are left out.</returns>
    Task<IReadOnlyDictionary<string, int>> CountUnansweredAsync(string provinceId, Instant from, Instant to, Instant asOf, string? agencyId, CancellationToken cancellationToken);
}
