namespace FieldReports.Provinces;

/// <summary>A routing rule: reports of a field (and, optionally, in an area) go to an agency.</summary>
public sealed class RoutingRuleOptions
{
    /// <summary>The field code the rule applies to. Required; must be a field of the province.</summary>
    public string Field { get; set; } = string.Empty;

    /// <summary>
    /// The area the rule applies to, including the areas it contains; <see langword="null"/> for the whole province.
    /// When several rules match, the one whose area is the most specific (deepest) wins.
    /// </summary>
    public string? Area { get; set; }

    /// <summary>The agency the rule proposes. Required; must be an agency of the province.</summary>
    public string Agency { get; set; } = string.Empty;
}
