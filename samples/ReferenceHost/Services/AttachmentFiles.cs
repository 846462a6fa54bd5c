using FieldReports.Intake;

namespace ReferenceHost.Services;

/// <summary>Photos kept on disk under the data directory, named by a random id; served only to signed-in users.</summary>
public sealed class AttachmentFiles(Hosting.HostSettings settings)
{
    public static readonly string[] AllowedTypes = ["image/jpeg", "image/png", "image/webp", "image/gif"];

    public const long MaxBytes = 10 * 1024 * 1024;

    public async Task<DraftAttachment?> SaveAsync(string provinceId, IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length == 0 || file.Length > MaxBytes || !AllowedTypes.Contains(file.ContentType))
        {
            return null;
        }

        var id = Guid.NewGuid().ToString("N") + Extension(file.ContentType);
        var folder = Path.Combine(settings.AttachmentDirectory, provinceId);
        Directory.CreateDirectory(folder);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, id), buffer.ToArray(), cancellationToken);
        return new DraftAttachment(id, Path.GetFileName(file.FileName), file.ContentType, buffer.ToArray());
    }

    public string? PathOf(string provinceId, string id)
    {
        if (id.Contains('/') || id.Contains('\\') || id.Contains("..", StringComparison.Ordinal) || provinceId.Contains('/') || provinceId.Contains(".."))
        {
            return null;
        }

        var path = Path.Combine(settings.AttachmentDirectory, provinceId, id);
        return File.Exists(path) ? path : null;
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        _ => ".jpg",
    };
}

public static class AttachmentEndpoints
{
    public static void MapFiles(this WebApplication app) =>
        app.MapGet("/files/{province}/{id}", (string province, string id, AttachmentFiles files) =>
            files.PathOf(province, id) is { } path
                ? Results.File(path, id.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : id.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : id.EndsWith(".gif", StringComparison.Ordinal) ? "image/gif" : "image/jpeg")
                : Results.NotFound())
            .RequireAuthorization()
            .ExcludeFromDescription();
}
