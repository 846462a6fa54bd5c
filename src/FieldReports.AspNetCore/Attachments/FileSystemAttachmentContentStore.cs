using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FieldReports.AspNetCore;

/// <summary>The default <see cref="IAttachmentContentStore"/>: one file per attachment under <see cref="FieldReportsAspNetCoreOptions.AttachmentDirectory"/>, named by a new GUID.</summary>
internal sealed partial class FileSystemAttachmentContentStore(IOptions<FieldReportsAspNetCoreOptions> options) : IAttachmentContentStore
{
    private string Root => Path.GetFullPath(options.Value.AttachmentDirectory);

    public async Task<string> SaveAsync(string provinceId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Root);
        var path = PathOf(key)!;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return key;
    }

    public Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(PathOf(storageKey) is { } path && File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);

    public Task DeleteAsync(string storageKey, CancellationToken cancellationToken)
    {
        if (PathOf(storageKey) is { } path)
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    // Keys are the store's own GUIDs; anything else is refused, so no path can come from outside.
    private string? PathOf(string key) => KeyPattern().IsMatch(key) ? Path.Combine(Root, key + ".bin") : null;

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex KeyPattern();
}
