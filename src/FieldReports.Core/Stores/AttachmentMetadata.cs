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

    /// <summary>Where the host's blob storage keeps the bytes.</summary>
    public required string StorageKey { get; init; }

    /// <summary>When the attachment was uploaded.</summary>
    public required Instant CreatedAt { get; init; }
}
