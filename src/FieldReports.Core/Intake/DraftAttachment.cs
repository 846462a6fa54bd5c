namespace FieldReports.Intake;

/// <summary>
/// A file that came with a draft: an image or video counts as media. The host stores the content and the report keeps
/// <see cref="Id"/> (see <c>ReportContent.AttachmentIds</c>).
/// </summary>
/// <param name="Id">An id unique within the report, chosen by the channel.</param>
/// <param name="FileName">The file name, as sent.</param>
/// <param name="ContentType">The MIME type, for example <c>image/jpeg</c>.</param>
/// <param name="Content">The bytes; empty when the channel stored the file itself.</param>
public sealed record DraftAttachment(string Id, string FileName, string ContentType, ReadOnlyMemory<byte> Content)
{
    /// <summary>Whether the attachment is an image or a video, which is what the media rule counts.</summary>
    public bool IsMedia =>
        ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
        || ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
}
