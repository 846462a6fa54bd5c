using FieldReports.Reports;

namespace FieldReports.Routing;

/// <summary>An earlier report that may describe the same situation.</summary>
/// <param name="Report">The earlier report.</param>
/// <param name="DistanceMetres">How far apart the two places are.</param>
public sealed record DuplicateCandidate(Report Report, double DistanceMetres);
