using NodaTime;

namespace FieldReports.Stores;

/// <summary>Keeps the api keys provinces issue to client systems, by the hash of the key. Implementations are thread-safe.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a newly issued key.</summary>
    /// <param name="key">The key's record (with its hash, never the key itself).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is stored.</returns>
    /// <exception cref="ArgumentException">A key with the same id or hash already exists.</exception>
    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    /// <summary>Finds a key by the SHA-256 hash of its text, revoked or not.</summary>
    /// <param name="keyHash">The lowercase hexadecimal hash.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key, or <see langword="null"/> when no key has this hash.</returns>
    Task<ApiKey?> FindByHashAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Lists a province's keys, revoked ones included, the oldest first.</summary>
    /// <param name="provinceId">The province (ignoring case).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The keys.</returns>
    Task<IReadOnlyList<ApiKey>> ListAsync(string provinceId, CancellationToken cancellationToken);

    /// <summary>Revokes a key of a province. Revoking a revoked key keeps its first revocation time.</summary>
    /// <param name="provinceId">The province (ignoring case); a key of another province is not found.</param>
    /// <param name="id">The key's id.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The revoked key, or <see langword="null"/> when the province has no such key.</returns>
    Task<ApiKey?> RevokeAsync(string provinceId, string id, Instant at, CancellationToken cancellationToken);
}
