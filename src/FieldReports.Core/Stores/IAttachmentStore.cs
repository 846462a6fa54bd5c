using FieldReports.Reports;

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
}
