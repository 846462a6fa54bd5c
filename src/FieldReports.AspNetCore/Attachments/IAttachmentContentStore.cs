namespace FieldReports.AspNetCore;

/// <summary>
/// Keeps the bytes of uploaded attachments (their metadata goes to <see cref="FieldReports.Stores.IAttachmentStore"/>).
/// The default writes to the file system; replace it to use the province's blob storage. Keys are chosen by the store,
/// never taken from user input. Implementations are thread-safe.
/// </summary>
public interface IAttachmentContentStore
{
    /// <summary>Stores the bytes of a new attachment.</summary>
    /// <param name="provinceId">The province (already checked to be configured).</param>
    /// <param name="content">The bytes; read to the end. May throw while it is read (for example when a size limit is passed).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The storage key.</returns>
    Task<string> SaveAsync(string provinceId, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens stored bytes for reading.</summary>
    /// <param name="storageKey">The key <see cref="SaveAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The bytes, or <see langword="null"/> when there is no such key.</returns>
    Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken);

    /// <summary>Deletes stored bytes, for example of a refused submission. Idempotent.</summary>
    /// <param name="storageKey">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the bytes are gone.</returns>
    Task DeleteAsync(string storageKey, CancellationToken cancellationToken);
}
