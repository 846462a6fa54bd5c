namespace FieldReports.AspNetCore;

/// <summary>
/// Copies that are made from their original when read instead of being stored. A JPEG stored upright loses its metadata
/// segment by segment (<see cref="JpegMetadataStripper"/>: the same bytes every time), so its copy for people other than
/// the centre's staff is the original read through the stripper, and an upload writes and flushes one file instead of two.
/// Such a copy's storage key is its original's with a prefix; it never reaches the <see cref="IAttachmentContentStore"/>,
/// whose keys are its own.
/// </summary>
internal static class DerivedCopies
{
    private const string JpegStrippedPrefix = "jpeg-stripped:";

    /// <summary>The key of the stripped copy of the upright JPEG stored under <paramref name="originalKey"/>.</summary>
    public static string JpegStrippedOf(string originalKey) => JpegStrippedPrefix + originalKey;

    /// <summary>Opens stored bytes, or makes a derived copy from its original; null when there are none.</summary>
    public static async Task<Stream?> OpenReadAsync(IAttachmentContentStore content, string key, CancellationToken cancellationToken)
    {
        if (!key.StartsWith(JpegStrippedPrefix, StringComparison.Ordinal))
        {
            return await content.OpenReadAsync(key, cancellationToken);
        }

        byte[] original;
        await using (var stored = await content.OpenReadAsync(key[JpegStrippedPrefix.Length..], cancellationToken))
        {
            if (stored is null)
            {
                return null;
            }

            using var buffer = stored.CanSeek ? new MemoryStream(checked((int)stored.Length)) : new MemoryStream();
            await stored.CopyToAsync(buffer, cancellationToken);
            original = buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        }

        var clean = new byte[original.Length];
        if (!JpegMetadataStripper.TryStrip(original, clean, out var written))
        {
            // It was stripped when it was accepted: a file that no longer strips was changed in the storage.
            throw new InvalidDataException("A stored JPEG no longer has the structure it was accepted with.");
        }

        return new MemoryStream(clean, 0, written, writable: false);
    }

    /// <summary>Deletes stored bytes; a derived copy has none of its own (its original is deleted under its own key).</summary>
    public static Task DeleteAsync(IAttachmentContentStore content, string key, CancellationToken cancellationToken) =>
        key.StartsWith(JpegStrippedPrefix, StringComparison.Ordinal) ? Task.CompletedTask : content.DeleteAsync(key, cancellationToken);
}
