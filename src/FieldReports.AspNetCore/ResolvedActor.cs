using FieldReports.Reports;

namespace FieldReports.AspNetCore;

/// <summary>The actor a principal acts as, and the province its account belongs to.</summary>
/// <param name="Actor">The actor.</param>
/// <param name="ProvinceId">The province of the account, or <see langword="null"/> for a deployment-wide account.</param>
public sealed record ResolvedActor(Actor Actor, string? ProvinceId);
