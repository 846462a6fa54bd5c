namespace FieldReports.Routing;

/// <summary>The agency routing proposes for a report, and why.</summary>
/// <param name="AgencyId">The proposed agency.</param>
/// <param name="Basis">Why: <c>rule</c> (a routing rule; see <paramref name="RuleArea"/>), <c>proposal</c> (the returning agency's proposal) or <c>fallback</c>.</param>
/// <param name="RuleArea">The area of the matching rule; <see langword="null"/> for a province-wide rule or a non-rule basis.</param>
public sealed record RoutingProposal(string AgencyId, string Basis, string? RuleArea = null);
