using FieldReports.AspNetCore.Endpoints;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.AspNetCore;

/// <summary>
/// Downloads of a report's attachments. The centre's staff get the bytes as uploaded; everybody else who may see the
/// report gets the copy whose metadata was stripped at upload (images, MP4 and QuickTime videos), and nothing when there
/// is no such copy (a WebM video) — except the reporter, who gets their own upload back.
/// </summary>
internal static class AttachmentEndpoints
{
    public static void Map(RouteGroupBuilder province)
    {
        province.MapGet("/reports/{id:guid}/attachments/{attachmentId}", Download)
            .WithName("DownloadAttachment")
            .WithSummary("An attachment of a report: the original for the centre's staff; for the reporter, the assigned agency and leaders, images and MP4/QuickTime videos without their metadata (EXIF, XMP, IPTC, comments; udta, meta, uuid boxes). Served with nosniff as a download.")
            .WithTags("Reports")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization();
        province.MapGet("/public/reports/{id:guid}/attachments/{attachmentId}", DownloadPublished)
            .WithName("DownloadPublishedAttachment")
            .WithSummary("An image or MP4/QuickTime video of a published, non-confidential report, without its metadata. Served with nosniff as a download.")
            .WithTags("Public")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string provinceId, Guid id, string attachmentId, HttpContext http, [FromServices] ApiContext api, CancellationToken ct)
    {
        if (!api.TryActor(http, out var actor))
        {
            return ApiContext.NoRole();
        }

        return await ServeAsync(provinceId, new ReportId(id), attachmentId, actor, http, api, ct);
    }

    private static Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadPublished(
        string provinceId, Guid id, string attachmentId, HttpContext http, [FromServices] ApiContext api, CancellationToken ct) =>
        ServeAsync(provinceId, new ReportId(id), attachmentId, null, http, api, ct);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ServeAsync(
        string provinceId, ReportId id, string attachmentId, Actor? actor, HttpContext http, ApiContext api, CancellationToken ct)
    {
        var profile = api.Province(provinceId)!;

        // The caller's view decides whether they may know the report and which attachments it lists (the public sees
        // only published, non-confidential reports).
        var (report, view) = await api.ViewAsync(profile, id, actor, ct);
        if (report is null || view is null || !(view.AttachmentIds.Contains(attachmentId) || view.Evidence.Contains(attachmentId)))
        {
            return ApiContext.NotFound(id);
        }

        var metadata = await http.RequestServices.GetRequiredService<IAttachmentStore>().FindAsync(profile.Id, attachmentId, ct);
        if (metadata is null || KeyFor(metadata, report, actor) is not { } key)
        {
            return ApiContext.NotFound(id);
        }

        var content = http.RequestServices.GetRequiredService<IAttachmentContentStore>();
        if (await DerivedCopies.OpenReadAsync(content, key, ct) is not { } stream)
        {
            return ApiContext.NotFound(id);
        }

        var type = key == metadata.StorageKey ? metadata.ContentType : await SniffAsync(stream, ct);

        // Only the sniffed media types were ever stored; anything else is served as opaque bytes, never as HTML or script.
        if (!type.StartsWith("image/", StringComparison.Ordinal) && !type.StartsWith("video/", StringComparison.Ordinal))
        {
            type = "application/octet-stream";
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.Stream(stream, type, DownloadName(metadata.FileName, type));
    }

    /// <summary>
    /// Which stored bytes the caller may download: the original for the centre's staff (Law 91/2025: they alone handle
    /// the reporter's personal data), the stripped copy for the others, and nothing for the others when no stripped copy
    /// exists — except the reporter, who gets their own upload back.
    /// </summary>
    internal static string? KeyFor(AttachmentMetadata metadata, Report report, Actor? actor)
    {
        var stripped = metadata.OriginalStorageKey is null ? null : metadata.StorageKey;
        return actor?.Role switch
        {
            ActorRole.ReceptionStaff or ActorRole.Approver or ActorRole.Administrator => metadata.OriginalStorageKey ?? metadata.StorageKey,
            ActorRole.Reporter => actor.AccountId == report.ReporterAccountId ? metadata.StorageKey : null,
            ActorRole.HandlingStaff => actor.AgencyId is not null && actor.AgencyId == report.AssignedAgencyId ? stripped : null,
            ActorRole.Leader => stripped,
            null => stripped,
            _ => null,
        };
    }

    /// <summary>The type of bytes kept as uploaded, from their first bytes; the stream is rewound when it can be.</summary>
    private static async Task<string> SniffAsync(Stream stream, CancellationToken ct)
    {
        if (!stream.CanSeek)
        {
            return "application/octet-stream";
        }

        var head = new byte[MediaSniffer.HeaderLength];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        stream.Position = 0;
        return MediaSniffer.Sniff(head.AsSpan(0, read)) ?? "application/octet-stream";
    }

    /// <summary>
    /// The sender's file name reduced to letters, digits and a few punctuation marks (never quotes, separators or control
    /// characters), with the extension of the type actually served.
    /// </summary>
    internal static string DownloadName(string fileName, string contentType)
    {
        var clean = new string([.. Path.GetFileName(fileName).Where(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '(' or ')')]).Trim(' ', '.');
        var stem = Path.GetFileNameWithoutExtension(clean);
        if (stem.Length == 0)
        {
            stem = "attachment";
        }

        var extension = contentType switch
        {
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            "image/gif" => ".gif",
            "image/webp" => ".webp",
            "image/heic" => ".heic",
            "video/mp4" => ".mp4",
            "video/quicktime" => ".mov",
            "video/webm" => ".webm",
            _ => ".bin",
        };
        return (stem.Length > 100 ? stem[..100] : stem) + extension;
    }
}
