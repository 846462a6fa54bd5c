using FieldReports.Stores;
using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>The metadata of an attachment (image, video, document); the bytes live in the host's blob storage.</summary>
internal sealed class AttachmentRow
{
    public string Id { get; set; } = "";

    public string ProvinceId { get; set; } = "";

    public Guid? ReportId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public string? Sha256 { get; set; }

    public string StorageKey { get; set; } = "";

    public string? OriginalStorageKey { get; set; }

    public AttachmentRole Role { get; set; }

    public Instant CreatedAt { get; set; }
}
