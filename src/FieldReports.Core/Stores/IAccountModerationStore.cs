using FieldReports.Moderation;

namespace FieldReports.Stores;

/// <summary>Keeps accounts' moderation records (violations and sanctions). Implementations are thread-safe.</summary>
public interface IAccountModerationStore
{
    /// <summary>Reads an account's moderation record.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record, or <see langword="null"/> when the account has none (no violations).</returns>
    Task<AccountModeration?> FindAsync(string provinceId, string accountId, CancellationToken cancellationToken);

    /// <summary>Stores an account's moderation record, replacing the one stored.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    Task SaveAsync(AccountModeration record, CancellationToken cancellationToken);
}
