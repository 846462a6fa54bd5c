using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace FieldReports.Provinces;

/// <summary>
/// The provinces a deployment serves, compiled from <see cref="FieldReportsOptions"/> after validation. Registered as a
/// singleton by <c>AddFieldReports</c>. Thread-safe.
/// </summary>
/// <remarks>
/// The set of provinces is fixed by configuration. A province's catalogue (fields and agency tree) may change at run time
/// through <see cref="ProvinceCatalogueService"/>: the catalog then swaps in a new, fully built profile with one atomic
/// reference write, so a reader gets either the old profile or the new one, never a mix.
/// </remarks>
public sealed class ProvinceCatalog
{
    private readonly FrozenDictionary<string, Slot> _slots;

    /// <summary>Compiles the configured provinces.</summary>
    /// <param name="options">The validated options.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ProvinceCatalog(IOptions<FieldReportsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _slots = options.Value.Provinces
            .ToFrozenDictionary(p => p.Key, p => new Slot(p.Value, new ProvinceProfile(p.Key, p.Value)), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The ids of the configured provinces.</summary>
    public IEnumerable<string> Ids => _slots.Keys;

    /// <summary>Finds a province's profile in force.</summary>
    /// <param name="provinceId">The province id (ignoring case).</param>
    /// <returns>The profile, or <see langword="null"/> when the province is not configured.</returns>
    public ProvinceProfile? Find(string provinceId) => _slots.GetValueOrDefault(provinceId)?.Current;

    /// <summary>Gets a province's profile in force.</summary>
    /// <param name="provinceId">The province id (ignoring case).</param>
    /// <returns>The profile.</returns>
    /// <exception cref="InvalidOperationException">The province is not configured (a configuration error, not a business outcome).</exception>
    public ProvinceProfile Get(string provinceId) =>
        Find(provinceId) ?? throw new InvalidOperationException($"The province '{provinceId}' is not configured. Add it under FieldReports:Provinces or with AddProvince.");

    /// <summary>
    /// Builds the profile a stored catalogue gives the province: its configuration with the catalogue's fields and agencies,
    /// checked by the same validation as the configuration at start-up.
    /// </summary>
    /// <param name="revision">The catalogue version.</param>
    /// <param name="failures">Receives what is wrong, each naming its key (for example <c>Agencies:2:Parent</c>).</param>
    /// <returns>The profile, or <see langword="null"/> when <paramref name="failures"/> received something.</returns>
    internal ProvinceProfile? Compile(ProvinceCatalogueRevision revision, List<string> failures)
    {
        var slot = _slots[revision.ProvinceId];
        var id = slot.Current.Id;
        var options = slot.Configured.WithCatalogue(revision.Catalogue);
        var found = new List<string>();
        FieldReportsOptionsValidator.ValidateProvince(id, options, found);
        var prefix = $"FieldReports:Provinces:{id}:";
        failures.AddRange(found.Select(f => f.StartsWith(prefix, StringComparison.Ordinal) ? f[prefix.Length..] : f));
        return found.Count == 0
            ? new ProvinceProfile(id, options, new ProvinceCatalogueRevision(id, revision.Version, revision.Catalogue, revision.SavedAt, revision.SavedBy))
            : null;
    }

    /// <summary>Puts a profile in force unless the one in force already holds the same or a later catalogue version.</summary>
    /// <param name="profile">A profile from <see cref="Compile"/>.</param>
    /// <returns>Whether it was put in force.</returns>
    internal bool TryReplace(ProvinceProfile profile)
    {
        var slot = _slots[profile.Id];
        while (true)
        {
            var current = Volatile.Read(ref slot.CurrentField);
            if (current.Catalogue.Version >= profile.Catalogue.Version)
            {
                return false;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref slot.CurrentField, profile, current), current))
            {
                return true;
            }
        }
    }

    private sealed class Slot(ProvinceOptions configured, ProvinceProfile current)
    {
        // A field, so that the swap can be an interlocked compare-and-exchange.
        public ProvinceProfile CurrentField = current;

        public ProvinceOptions Configured { get; } = configured;

        public ProvinceProfile Current => Volatile.Read(ref CurrentField);
    }
}
