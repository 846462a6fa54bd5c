using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// The default <see cref="IApiKeyStore"/>: keys in memory, lost when the process stops. Thread-safe. Fit for tests and a
/// single-instance host; a deployment with several instances registers a database-backed store instead.
/// </summary>
public sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly Lock _gate = new();
    private readonly List<ApiKey> _keys = [];

    /// <inheritdoc />
    public Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_keys.Any(k => k.Id == key.Id || k.KeyHash == key.KeyHash))
            {
                throw new ArgumentException($"An api key with the id '{key.Id}' or the same hash already exists.", nameof(key));
            }

            _keys.Add(key);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ApiKey?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_keys.FirstOrDefault(k => string.Equals(k.KeyHash, keyHash, StringComparison.Ordinal)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKey>> ListAsync(string provinceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ApiKey>>([.. _keys.Where(k => string.Equals(k.ProvinceId, provinceId, StringComparison.OrdinalIgnoreCase))]);
        }
    }

    /// <inheritdoc />
    public Task<ApiKey?> RevokeAsync(string provinceId, string id, Instant at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _keys.FindIndex(k => k.Id == id && string.Equals(k.ProvinceId, provinceId, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return Task.FromResult<ApiKey?>(null);
            }

            var key = _keys[index];
            if (!key.IsRevoked)
            {
                key = key with { RevokedAt = at };
                _keys[index] = key;
            }

            return Task.FromResult<ApiKey?>(key);
        }
    }
}
