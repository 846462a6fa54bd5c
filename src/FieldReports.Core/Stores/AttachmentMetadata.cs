using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Stores;

/// <summary>What is known about an attachment (image, video, document) without its bytes, which live in the host's blob storage.</summary>
public sealed record AttachmentMetadata
{
    /// <summary>The attachment's id, as listed in <see cref="ReportContent.AttachmentIds"/> or a result's evidence.</summary>
    public required string Id { get; init; }

    /// <summary>The province the attachment belongs to.</summary>
    public required string ProvinceId { get; init; }

    /// <summary>The report it belongs to, once attached.</summary>
    public ReportId? ReportId { get; init; }

    /// <summary>The file name the sender gave.</summary>
    public required string FileName { get; init; }

    /// <summary>The media type, for example <c>image/jpeg</c>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The size in bytes.</summary>
    public required long Length { get; init; }

    /// <summary>The SHA-256 of the bytes, in lowercase hexadecimal, when computed.</summary>
    public string? Sha256 { get; init; }

    /// <summary>
    /// Where the host's blob storage keeps the bytes served to the people who may see the report. For an image or video
    /// whose metadata was stripped, the stripped copy; <see cref="FileName"/>, <see cref="ContentType"/>, <see cref="Length"/>
    /// and <see cref="Sha256"/> describe these bytes.
    /// </summary>
    public required string StorageKey { get; init; }

    /// <summary>
    /// Where the bytes as uploaded are kept when <see cref="StorageKey"/> holds a copy with their metadata (EXIF, XMP,
    /// IPTC, comments; a video's <c>udta</c>, <c>meta</c> and <c>uuid</c> boxes) removed; only the centre's staff may read
    /// them. <see langword="null"/> when nothing was stripped (a WebM video, or an attachment stored before stripping
    /// existed): such bytes are served only to the centre and the reporter.
    /// </summary>
    public string? OriginalStorageKey { get; init; }

    /// <summary>Why it was uploaded: with the report (the default) or as evidence of a result.</summary>
    public AttachmentRole Role { get; init; }

    /// <summary>When the attachment was uploaded.</summary>
    public required Instant CreatedAt { get; init; }
}
