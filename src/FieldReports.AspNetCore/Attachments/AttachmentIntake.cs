using FieldReports.Intake;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.AspNetCore;

/// <summary>
/// The API's upload checks for a host's own pages (a form posting photos with a report or with a result): each file is
/// accepted by its content, not its name or declared type, within the province's limits; an image is refused when its
/// header declares an absurd size, kept as uploaded for the centre's staff and as a copy without metadata (EXIF with GPS,
/// serial and owner; XMP; IPTC; comments) for everybody else, and so is an MP4 or QuickTime video (without its
/// <c>udta</c>, <c>meta</c> and <c>uuid</c> boxes). Once the report exists, <see cref="CommitAsync"/> records
/// the files against it, after which the API's attachment downloads serve each caller the copy they may see.
/// </summary>
public sealed class AttachmentIntake
{
    private readonly AttachmentUploads _uploads;
    private readonly IServiceProvider _services;

    internal AttachmentIntake(AttachmentUploads uploads, IServiceProvider services) => (_uploads, _services) = (uploads, services);

    /// <summary>Checks and keeps the files; on a refusal nothing is kept and the batch holds the error.</summary>
    /// <param name="profile">The province whose limits apply.</param>
    /// <param name="files">The files posted with a form.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The accepted files, or the first file's refusal (codes <c>upload.*</c> of <see cref="ErrorCodes"/>).</returns>
    public async Task<AttachmentBatch> ReceiveAsync(ProvinceProfile profile, IEnumerable<IFormFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(files);
        var uploads = new List<AttachmentUploads.Upload>();
        foreach (var file in files)
        {
            Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? refused;
            try
            {
                await using var body = file.OpenReadStream();
                refused = await _uploads.AcceptAsync(profile, body, file.FileName, uploads, cancellationToken);
            }
            catch
            {
                await _uploads.DiscardAsync(uploads, CancellationToken.None);
                throw;
            }

            if (refused is not null)
            {
                await _uploads.DiscardAsync(uploads, CancellationToken.None);
                var code = refused.ProblemDetails.Extensions.TryGetValue(DomainErrorResults.CodeExtension, out var c) ? c as string : null;
                var kind = refused.StatusCode is StatusCodes.Status413PayloadTooLarge ? ErrorKind.Rule : ErrorKind.Validation;
                return new AttachmentBatch([], new DomainError(code ?? ErrorCodes.UploadTypeNotAllowed, kind, refused.ProblemDetails.Detail ?? "The file is not accepted."));
            }
        }

        return new AttachmentBatch(uploads, null);
    }

    /// <summary>
    /// Records the batch's files as attachments of a report that now exists: files the report lists as its own
    /// (<see cref="ReportContent.AttachmentIds"/>) as <see cref="AttachmentRole.Report"/>, the others as a result's
    /// <see cref="AttachmentRole.Evidence"/>, which the evidence cleanup removes if no result cites them.
    /// </summary>
    /// <param name="provinceId">The report's province.</param>
    /// <param name="reportId">The report.</param>
    /// <param name="batch">Files accepted by <see cref="ReceiveAsync"/>.</param>
    /// <param name="at">The instant of upload.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the files are recorded.</returns>
    public async Task CommitAsync(string provinceId, ReportId reportId, AttachmentBatch batch, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var report = await _services.GetRequiredService<IReportStore>().FindAsync(provinceId, reportId, cancellationToken);
        var own = report?.Content.AttachmentIds ?? [];
        await AttachmentUploads.CommitAsync(
            _services.GetRequiredService<IAttachmentStore>(), provinceId, reportId, batch.Uploads, at, id => own.Contains(id) ? AttachmentRole.Report : AttachmentRole.Evidence, cancellationToken);
    }

    /// <summary>Deletes the batch's files when the report or result they came with was refused.</summary>
    /// <param name="batch">Files accepted by <see cref="ReceiveAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the files are deleted.</returns>
    public Task DiscardAsync(AttachmentBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return _uploads.DiscardAsync(batch.Uploads, cancellationToken);
    }
}

/// <summary>Files checked and kept by <see cref="AttachmentIntake.ReceiveAsync"/>, or the reason they were refused.</summary>
public sealed class AttachmentBatch
{
    internal AttachmentBatch(IReadOnlyList<AttachmentUploads.Upload> uploads, DomainError? error)
    {
        Uploads = uploads;
        Error = error;
        Attachments = [.. uploads.Select(u => u.Draft)];
    }

    /// <summary>The accepted files, to put in <see cref="ReportDraft.Attachments"/> (their ids name the downloads).</summary>
    public IReadOnlyList<DraftAttachment> Attachments { get; }

    /// <summary>Why the files were refused (<c>upload.*</c>), or <see langword="null"/> when they were accepted.</summary>
    public DomainError? Error { get; }

    internal IReadOnlyList<AttachmentUploads.Upload> Uploads { get; }
}
