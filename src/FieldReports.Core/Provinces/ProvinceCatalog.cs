using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace FieldReports.Provinces;

/// <summary>
/// The provinces a deployment serves, compiled once from <see cref="FieldReportsOptions"/> after validation.
/// Registered as a singleton by <c>AddFieldReports</c>. Thread-safe.
/// </summary>
public sealed class ProvinceCatalog
{
    private readonly FrozenDictionary<string, ProvinceProfile> _profiles;

    /// <summary>Compiles the configured provinces.</summary>
    /// <param name="options">The validated options.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ProvinceCatalog(IOptions<FieldReportsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _profiles = options.Value.Provinces
            .ToFrozenDictionary(p => p.Key, p => new ProvinceProfile(p.Key, p.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The ids of the configured provinces.</summary>
    public IEnumerable<string> Ids => _profiles.Keys;

    /// <summary>Finds a province's profile.</summary>
    /// <param name="provinceId">The province id (ignoring case).</param>
    /// <returns>The profile, or <see langword="null"/> when the province is not configured.</returns>
    public ProvinceProfile? Find(string provinceId) => _profiles.GetValueOrDefault(provinceId);

    /// <summary>Gets a province's profile.</summary>
    /// <param name="provinceId">The province id (ignoring case).</param>
    /// <returns>The profile.</returns>
    /// <exception cref="InvalidOperationException">The province is not configured (a configuration error, not a business outcome).</exception>
    public ProvinceProfile Get(string provinceId) =>
        Find(provinceId) ?? throw new InvalidOperationException($"The province '{provinceId}' is not configured. Add it under FieldReports:Provinces or with AddProvince.");
}
