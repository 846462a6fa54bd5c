using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// Persists <see cref="Report"/> aggregates with their append-only audit trail, the reporter's contact details (kept in a
/// separate place) and the outbox messages produced by each change, all in one transaction.
/// </summary>
/// <remarks>
/// <para>
/// Every method is scoped to one province: a report of another province is never read or written, and is reported as not
/// found. Concurrency is optimistic: <see cref="SaveAsync"/> succeeds only when the stored version is the version the
/// caller read; otherwise it returns <see cref="ErrorCodes.ConcurrencyConflict"/> and writes nothing.
/// </para>
/// <para>Implementations are thread-safe; each call is its own unit of work.</para>
/// </remarks>
public interface IReportStore
{
    /// <summary>Stores a new report, its reporter's contact details and the messages its submission produced.</summary>
    /// <param name="provinceId">The province; must be the report's.</param>
    /// <param name="report">The new report, as returned by <see cref="Report.Submit"/> (possibly with further events).</param>
    /// <param name="contact">The reporter's personal data, stored apart from the report; <see langword="null"/> when none was given.</param>
    /// <param name="currentDeadline">The deadline of the step the report is in, as computed by the SLA engine; <see langword="null"/> when no time limit runs.</param>
    /// <param name="messages">Outbox messages to store in the same transaction; may be empty.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <see cref="ErrorCodes.ConcurrencyConflict"/> when a report with the same id already exists.</returns>
    /// <exception cref="ArgumentException">The report or a message belongs to another province.</exception>
    Task<DomainResult> AddAsync(string provinceId, Report report, ReporterContact? contact, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new report as <see cref="AddAsync(string, Report, ReporterContact?, Instant?, IEnumerable{OutboxMessage}, CancellationToken)"/>
    /// does, with the metadata of its attachments in the same transaction, so that a stored report never lacks the rows of
    /// the files it lists. The default supports only an empty list; a store that keeps attachments must override it.
    /// </summary>
    /// <param name="provinceId">The province; must be the report's.</param>
    /// <param name="report">The new report.</param>
    /// <param name="contact">The reporter's personal data; <see langword="null"/> when none was given.</param>
    /// <param name="currentDeadline">The deadline of the step the report is in; <see langword="null"/> when no time limit runs.</param>
    /// <param name="messages">Outbox messages to store in the same transaction; may be empty.</param>
    /// <param name="attachments">The attachments' metadata, each of the report's province and naming the report; may be empty.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <see cref="ErrorCodes.ConcurrencyConflict"/> when the report or one of the attachments already exists; nothing is stored then.</returns>
    /// <exception cref="ArgumentException">The report, a message or an attachment belongs to another province or report.</exception>
    /// <exception cref="NotSupportedException">The store keeps no attachments and the list is not empty.</exception>
    Task<DomainResult> AddAsync(string provinceId, Report report, ReporterContact? contact, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, IReadOnlyCollection<AttachmentMetadata> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        return attachments.Count == 0
            ? AddAsync(provinceId, report, contact, currentDeadline, messages, cancellationToken)
            : throw new NotSupportedException("This report store keeps no attachments; override AddAsync with attachments to store them with the report.");
    }

    /// <summary>
    /// Stores a new report as <see cref="AddAsync(string, Report, ReporterContact?, Instant?, IEnumerable{OutboxMessage}, IReadOnlyCollection{AttachmentMetadata}, CancellationToken)"/>
    /// does, but only when its reporter's account (<see cref="Report.ReporterAccountId"/>) has no moderation record in the
    /// province, checked in the same atomic step as the insert. Nearly every submission comes from an account nobody ever
    /// moderated, so it is stored without reading the record first, and a lock still takes effect on the very next
    /// submission.
    /// </summary>
    /// <remarks>
    /// <see cref="Services.ReportService"/> calls this when it checks the account itself; on <see langword="null"/> it
    /// reads the record through <see cref="IAccountModerationStore"/>, refuses a locked account and otherwise stores the
    /// report with <c>AddAsync</c>. A store that keeps reports apart from moderation records keeps the default, which
    /// stores nothing and returns <see langword="null"/>.
    /// </remarks>
    /// <param name="provinceId">The province; must be the report's.</param>
    /// <param name="report">The new report.</param>
    /// <param name="contact">The reporter's personal data; <see langword="null"/> when none was given.</param>
    /// <param name="currentDeadline">The deadline of the step the report is in; <see langword="null"/> when no time limit runs.</param>
    /// <param name="messages">Outbox messages to store in the same transaction; may be empty.</param>
    /// <param name="attachments">The attachments' metadata, each of the report's province and naming the report; may be empty.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// What <c>AddAsync</c> returns; or <see langword="null"/>, with nothing stored, when the account has a moderation record
    /// (or the store cannot tell in the same step).
    /// </returns>
    /// <exception cref="ArgumentException">The report, a message or an attachment belongs to another province or report.</exception>
    Task<DomainResult?> AddUnlessAccountModeratedAsync(string provinceId, Report report, ReporterContact? contact, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, IReadOnlyCollection<AttachmentMetadata> attachments, CancellationToken cancellationToken) =>
        Task.FromResult<DomainResult?>(null);

    /// <summary>Reads a report with its whole audit trail.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="id">The report's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The report, or <see langword="null"/> when the province has no such report.</returns>
    Task<Report?> FindAsync(string provinceId, ReportId id, CancellationToken cancellationToken);

    /// <summary>
    /// Reads several reports with their whole audit trails, for a list that shows each report's SLA countdown. A store
    /// that can read them together should (the EF Core store reads a page of reports in two queries, whatever its length);
    /// the default reads them one by one through <see cref="FindAsync"/>.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="ids">The reports' ids.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The reports found, by id; an id the province does not have is left out.</returns>
    async Task<IReadOnlyDictionary<ReportId, Report>> FindManyAsync(string provinceId, IReadOnlyCollection<ReportId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<ReportId, Report>();
        foreach (var id in ids.Distinct())
        {
            if (await FindAsync(provinceId, id, cancellationToken).ConfigureAwait(false) is { } report)
            {
                found[id] = report;
            }
        }

        return found;
    }

    /// <summary>
    /// Saves the changes made to a report since it was read at <paramref name="expectedVersion"/>: its new state and the
    /// events appended since (earlier events are never rewritten), and the outbox messages the change produced.
    /// </summary>
    /// <param name="provinceId">The province; must be the report's.</param>
    /// <param name="report">The report, changed through <see cref="Report.Apply"/>.</param>
    /// <param name="expectedVersion">The <see cref="Report.Version"/> the report had when it was read.</param>
    /// <param name="currentDeadline">The deadline of the step the report is now in; <see langword="null"/> when no time limit runs. Replaces the stored one.</param>
    /// <param name="messages">Outbox messages to store in the same transaction; may be empty.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Success; or <see cref="ErrorCodes.ConcurrencyConflict"/> when someone else saved the report since it was read (read it
    /// again and retry) or it no longer exists. Nothing is written on failure.
    /// </returns>
    /// <exception cref="ArgumentException">The report or a message belongs to another province.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is below 1 or above the report's version.</exception>
    Task<DomainResult> SaveAsync(string provinceId, Report report, int expectedVersion, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken);
}
