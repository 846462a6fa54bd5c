using System.Collections.Concurrent;
using FieldReports.Moderation;

namespace FieldReports.Stores;

/// <summary>
/// The default <see cref="IAccountModerationStore"/>: records in memory, lost when the process stops. Thread-safe; the
/// records it returns are the stored instances, so a caller changes one only under its own unit of work.
/// </summary>
public sealed class InMemoryAccountModerationStore : IAccountModerationStore
{
    private readonly ConcurrentDictionary<(string, string), AccountModeration> _records = new();

    /// <inheritdoc />
    public Task<AccountModeration?> FindAsync(string provinceId, string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.GetValueOrDefault((provinceId.ToUpperInvariant(), accountId)));

    /// <inheritdoc />
    public Task SaveAsync(AccountModeration record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records[(record.ProvinceId.ToUpperInvariant(), record.AccountId)] = record;
        return Task.CompletedTask;
    }
}
