using FieldReports.Provinces;

namespace FieldReports.Routing;

/// <summary>An agency of a province's tree. Immutable.</summary>
/// <param name="Id">The agency's id.</param>
/// <param name="Name">The agency's name.</param>
/// <param name="ParentId">The agency above it, or <see langword="null"/> for a root.</param>
/// <param name="Kind">What kind of agency it is.</param>
/// <param name="Depth">0 for a root, 1 for its children, and so on.</param>
public sealed record Agency(string Id, string Name, string? ParentId, AgencyKind Kind, int Depth);
