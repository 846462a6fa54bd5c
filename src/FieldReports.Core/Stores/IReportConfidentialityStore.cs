using FieldReports.Confidentiality;
using FieldReports.Reports;

namespace FieldReports.Stores;

/// <summary>
/// Persists each report's <see cref="ReportConfidentiality"/> marks, with the history of the reporter's identity consents:
/// a consent once given is kept, and its withdrawal is recorded on it, never erased.
/// </summary>
/// <remarks>Every method is scoped to one province. Implementations are thread-safe; each call is its own unit of work.</remarks>
public interface IReportConfidentialityStore
{
    /// <summary>Reads a report's current marks.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="reportId">The report.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The marks, with the latest consent (standing or withdrawn); <see cref="ReportConfidentiality.None"/> when nothing was recorded.</returns>
    Task<ReportConfidentiality> FindAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a report's marks as returned by <see cref="ConfidentialityPolicy"/>. A consent with a new
    /// <see cref="IdentityConsent.GivenAt"/> is added to the history; a withdrawal of the latest consent is recorded on it.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="reportId">The report; it must be stored.</param>
    /// <param name="marks">The new marks.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Success; <see cref="ErrorCodes.ReportNotFound"/> when the province has no such report; or <see cref="ErrorCodes.ConsentInvalid"/> (nothing written) when the marks would rewrite the history: a
    /// consent older than the latest one stored, a withdrawal already recorded at another instant, or a consent given
    /// again with other wording.
    /// </returns>
    Task<DomainResult> SaveAsync(string provinceId, ReportId reportId, ReportConfidentiality marks, CancellationToken cancellationToken);

    /// <summary>Lists every consent given for a report, oldest first, with their withdrawals, for audit.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="reportId">The report.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The consents.</returns>
    Task<IReadOnlyList<IdentityConsent>> ListConsentsAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken);
}
