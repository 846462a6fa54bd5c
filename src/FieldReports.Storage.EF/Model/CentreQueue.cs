using System.Globalization;
using FieldReports.Reports;

namespace FieldReports.Storage.EF.Model;

/// <summary>
/// The reports in the coordination centre's queue (<see cref="FieldReports.Stores.IReportQueries.GetCentreQueueAsync"/>): submitted,
/// received, returned by an agency, with a result to check, escalated. Their partial index holds only these.
/// </summary>
internal static class CentreQueue
{
    public static readonly ReportState[] States =
        [ReportState.Submitted, ReportState.Received, ReportState.ReturnedToCentre, ReportState.ResultSubmitted, ReportState.Escalated];

    /// <summary>
    /// The partial index's filter. A query uses the index only when its own condition is this one, as written: both
    /// databases prove that a query's rows are in a partial index by matching its terms, so the query inlines the same
    /// list of constants (<c>EF.Constant</c>) rather than sending it as a parameter.
    /// </summary>
    public static string IndexFilter { get; } =
        "\"state\" IN (" + string.Join(", ", States.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))) + ")";
}
