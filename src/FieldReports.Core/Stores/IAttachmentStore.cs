using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Stores;

/// <summary>Keeps the metadata of attachments, per province. Implementations are thread-safe.</summary>
public interface IAttachmentStore
{
    /// <summary>Records an uploaded attachment.</summary>
    /// <param name="attachment">The metadata.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <see cref="ErrorCodes.ConcurrencyConflict"/> when the province already has an attachment with this id.</returns>
    Task<DomainResult> AddAsync(AttachmentMetadata attachment, CancellationToken cancellationToken);

    /// <summary>Reads an attachment's metadata.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="id">The attachment's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The metadata, or <see langword="null"/> when the province has no such attachment.</returns>
    Task<AttachmentMetadata?> FindAsync(string provinceId, string id, CancellationToken cancellationToken);

    /// <summary>Lists the attachments of a report, oldest first.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="reportId">The report.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attachments.</returns>
    Task<IReadOnlyList<AttachmentMetadata>> ListForReportAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists, oldest first, the attachments of role <see cref="AttachmentRole.Evidence"/> uploaded before
    /// <paramref name="uploadedBefore"/> whose report is now in one of <paramref name="settledStates"/> (states from which
    /// no result can be submitted any more): the evidence the cleanup has to look at.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="uploadedBefore">Only evidence uploaded strictly before this instant.</param>
    /// <param name="settledStates">The report states in which evidence can no longer be cited.</param>
    /// <param name="limit">The most attachments to return; positive.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attachments, at most <paramref name="limit"/>.</returns>
    Task<IReadOnlyList<AttachmentMetadata>> ListEvidenceToReviewAsync(string provinceId, Instant uploadedBefore, IReadOnlyCollection<ReportState> settledStates, int limit, CancellationToken cancellationToken);

    /// <summary>Marks evidence found cited by a result as <see cref="AttachmentRole.RetainedEvidence"/>, so the cleanup no longer looks at it.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="ids">The attachments; those not of role <see cref="AttachmentRole.Evidence"/> are left as they are.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the attachments are marked.</returns>
    Task RetainEvidenceAsync(string provinceId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the metadata of uncited evidence whose bytes were already deleted. Only attachments of role
    /// <see cref="AttachmentRole.Evidence"/> are deleted; any other id is left alone. Idempotent.
    /// </summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="ids">The attachments.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many rows were deleted.</returns>
    Task<int> RemoveEvidenceAsync(string provinceId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
