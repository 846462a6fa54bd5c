using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// The reporters' personal data, kept apart from report content so that it can be protected, exported and erased on a
/// lawful request without breaking any report's history.
/// </summary>
/// <remarks>Callers check that the viewer may see personal data (the province's confidentiality policy); this store does not.</remarks>
public interface IReporterDataStore
{
    /// <summary>Reads the contact details given with a report.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="reportId">The report.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The contact, or <see langword="null"/> when none was given, it was erased, or the province has no such report.</returns>
    Task<ReporterContact?> FindContactAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken);

    /// <summary>Exports every contact detail a reporter gave in a province, for a request of access to personal data.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="reporterAccountId">The reporter's account.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The contacts by report, oldest report first; erased ones are left out.</returns>
    Task<IReadOnlyList<KeyValuePair<ReportId, ReporterContact>>> ExportAsync(string provinceId, string reporterAccountId, CancellationToken cancellationToken);

    /// <summary>
    /// Erases a reporter's personal data in a province on a lawful request. The reports, their content and their audit
    /// trails stay; only the contact details go, and the erasure time is kept. Idempotent.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="reporterAccountId">The reporter's account.</param>
    /// <param name="at">When the erasure happens.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many reports' contact details were erased by this call.</returns>
    Task<int> EraseReporterAsync(string provinceId, string reporterAccountId, Instant at, CancellationToken cancellationToken);
}
