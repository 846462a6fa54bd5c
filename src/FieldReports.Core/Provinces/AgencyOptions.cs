namespace FieldReports.Provinces;

/// <summary>An agency of the province's tree, which may be of any depth.</summary>
public sealed class AgencyOptions
{
    /// <summary>The agency's id, as actors and assignments carry it. Required, unique in the province.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The agency's name. Required.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The id of the agency above it; <see langword="null"/> for a root. Must exist; cycles are refused.</summary>
    public string? Parent { get; set; }

    /// <summary>What kind of agency it is. Default <see cref="AgencyKind.Department"/>.</summary>
    public AgencyKind Kind { get; set; } = AgencyKind.Department;

    /// <summary>The field codes the agency handles (informative; routing uses <see cref="RoutingOptions.Rules"/>).</summary>
    public IList<string> Fields { get; } = [];

    /// <summary>The area codes the agency covers (informative; routing uses <see cref="RoutingOptions.Rules"/>).</summary>
    public IList<string> Areas { get; } = [];
}
