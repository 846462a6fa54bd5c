using System.Collections.Frozen;
using FieldReports.Provinces;

namespace FieldReports.Routing;

/// <summary>
/// A province's agencies as a tree of any depth (the 2025 reform left two tiers, province and commune; nothing here
/// assumes a number of levels). Immutable and thread-safe.
/// </summary>
public sealed class AgencyTree
{
    private readonly FrozenDictionary<string, Agency> _byId;
    private readonly FrozenDictionary<string, Agency[]> _children;

    internal AgencyTree(IEnumerable<AgencyOptions> agencies)
    {
        var options = agencies.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var byId = new Dictionary<string, Agency>(StringComparer.Ordinal);
        foreach (var a in options.Values)
        {
            var depth = 0;
            var parent = a.Parent;
            while (parent is not null && options.TryGetValue(parent, out var p) && depth <= options.Count)
            {
                depth++;
                parent = p.Parent;
            }

            byId[a.Id] = new Agency(a.Id, a.Name, a.Parent, a.Kind, depth);
        }

        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
        _children = byId.Values.Where(a => a.ParentId is not null)
            .GroupBy(a => a.ParentId!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(a => a.Id, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every agency, in no particular order.</summary>
    public IEnumerable<Agency> All => _byId.Values;

    /// <summary>Finds an agency by id (ordinal, case-sensitive).</summary>
    /// <param name="id">The agency's id.</param>
    /// <returns>The agency, or <see langword="null"/> when the province has none with that id.</returns>
    public Agency? Find(string? id) => id is not null && _byId.TryGetValue(id, out var a) ? a : null;

    /// <summary>The agencies directly below an agency, ordered by id; empty for a leaf or an unknown id.</summary>
    /// <param name="id">The agency's id.</param>
    public IReadOnlyList<Agency> ChildrenOf(string id) => _children.TryGetValue(id, out var c) ? c : [];

    /// <summary>The agencies above an agency, nearest first; empty for a root or an unknown id.</summary>
    /// <param name="id">The agency's id.</param>
    public IReadOnlyList<Agency> AncestorsOf(string id)
    {
        var list = new List<Agency>();
        var current = Find(id);
        while (current?.ParentId is { } parent && Find(parent) is { } p)
        {
            list.Add(p);
            current = p;
        }

        return list;
    }
}
