using FieldReports.Moderation;
using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// Persists accounts' <see cref="AccountModeration"/> records: the violations staff recorded and the decisions (sanctions
/// imposed and lifted) they led to, kept append-only for audit.
/// </summary>
/// <remarks>
/// <para>
/// Every method is scoped to one province. Concurrency is optimistic on <see cref="AccountModeration.Version"/>: when two
/// staff record a violation on the same account at once, one save succeeds and the other gets
/// <see cref="ErrorCodes.ConcurrencyConflict"/> with nothing written, loads the record again (now with the first violation)
/// and records its own on it, so that no violation is lost and every count sees them all.
/// </para>
/// <para>Implementations are thread-safe; each call is its own unit of work.</para>
/// </remarks>
public interface IAccountModerationStore
{
    /// <summary>Loads an account's record.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record, oldest entries first; an empty record (version 0) when nothing was ever recorded.</returns>
    Task<AccountModeration> LoadAsync(string provinceId, string accountId, CancellationToken cancellationToken);

    /// <summary>Appends the violations and decisions added to a record since it was loaded.</summary>
    /// <param name="provinceId">The province; must be the record's.</param>
    /// <param name="account">The record, as loaded and then changed.</param>
    /// <param name="expectedVersion">The record's <see cref="AccountModeration.Version"/> when it was loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <see cref="ErrorCodes.ConcurrencyConflict"/> (nothing written) when the stored record has changed since.</returns>
    /// <exception cref="ArgumentException">The record belongs to another province.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative or above the record's version.</exception>
    Task<DomainResult> SaveAsync(string provinceId, AccountModeration account, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Lists the decisions taken in a province in a period, for audit.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="from">Decisions taken at or after this instant.</param>
    /// <param name="to">Decisions taken before this instant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The decisions with their account ids, oldest first.</returns>
    Task<IReadOnlyList<KeyValuePair<string, ModerationDecision>>> ListDecisionsAsync(string provinceId, Instant from, Instant to, CancellationToken cancellationToken);
}
