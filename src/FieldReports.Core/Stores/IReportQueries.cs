using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// The read-side lists and statistics the product needs, computed in the database (with indexes) rather than by loading
/// reports. Every method is scoped to one province. Implementations are thread-safe.
/// </summary>
public interface IReportQueries
{
    /// <summary>
    /// An agency's queue: the reports waiting for the agency (assigned, in handling, or with a follow-up to answer), the
    /// nearest deadline first, reports without a deadline last.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="agencyId">The agency.</param>
    /// <param name="offset">How many items to skip (queues are short; deep pages are not expected).</param>
    /// <param name="limit">The page size, from 1 to 500.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page of the queue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> or <paramref name="offset"/> is out of range.</exception>
    Task<IReadOnlyList<ReportSummary>> GetAgencyQueueAsync(string provinceId, string agencyId, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The coordination centre's queue: the reports waiting for the centre (submitted, received, returned by an agency as
    /// outside its competence, with a result to check, or escalated and waiting for direction), the nearest deadline
    /// first, reports without a deadline last. Reports waiting for an agency or the reporter are not in it.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="offset">How many items to skip.</param>
    /// <param name="limit">The page size, from 1 to 500.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page of the queue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> or <paramref name="offset"/> is out of range.</exception>
    Task<IReadOnlyList<ReportSummary>> GetCentreQueueAsync(string provinceId, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The open reports whose deadline is before <paramref name="deadlineBefore"/>, the earliest first. Pass now to get the
    /// overdue reports, or now plus a threshold to get those at risk as well.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="deadlineBefore">The exclusive upper bound of the deadline.</param>
    /// <param name="agencyId">Only this agency's reports; <see langword="null"/> for all.</param>
    /// <param name="limit">The page size, from 1 to 500.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The reports.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is out of range.</exception>
    Task<IReadOnlyList<ReportSummary>> GetDeadlineWatchAsync(string provinceId, Instant deadlineBefore, string? agencyId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Every open report whose deadline is before <paramref name="deadlineBefore"/>, the earliest first, with keyset paging
    /// on (deadline, id) so that a caller can walk all of them, however many (the SLA monitor does, each pass).
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="deadlineBefore">The exclusive upper bound of the deadline.</param>
    /// <param name="cursor">The <see cref="ReportPage{T}.NextCursor"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="pageSize">The page size, from 1 to 500.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException"><paramref name="cursor"/> is not a cursor this method returned.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range.</exception>
    Task<ReportPage<ReportSummary>> GetDeadlineWatchPageAsync(string provinceId, Instant deadlineBefore, string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// The public list: reports whose result was published (never confidential ones), the most recently published first,
    /// with keyset paging so that the last page costs what the first does.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="filter">The filters.</param>
    /// <param name="cursor">The <see cref="ReportPage{T}.NextCursor"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="pageSize">The page size, from 1 to 500.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException"><paramref name="cursor"/> is not a cursor this method returned.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range.</exception>
    Task<ReportPage<PublishedReport>> GetPublishedAsync(string provinceId, PublishedReportFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// A reporter's own reports in a province, the most recently submitted first, with keyset paging. Summaries hold no
    /// personal data; the reporter reads a whole report through the confidentiality policy.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="reporterAccountId">The reporter's account.</param>
    /// <param name="cursor">The <see cref="ReportPage{T}.NextCursor"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="pageSize">The page size, from 1 to 500.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page; reports of other reporters and other provinces never appear.</returns>
    /// <exception cref="ArgumentException"><paramref name="cursor"/> is not a cursor this method returned, or an id is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range.</exception>
    Task<ReportPage<ReportSummary>> GetReporterReportsAsync(string provinceId, string reporterAccountId, string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the reports submitted in a period by agency, field and current state, computed with GROUP BY in the database.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="query">The period and cut.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One row per non-empty group, ordered by agency, field and state.</returns>
    Task<IReadOnlyList<ReportStatisticsRow>> GetStatisticsAsync(string provinceId, ReportStatisticsQuery query, CancellationToken cancellationToken);
}
