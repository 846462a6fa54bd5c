using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FieldReports.AspNetCore;

/// <summary>The default <see cref="IAttachmentContentStore"/>: one file per attachment under <see cref="FieldReportsAspNetCoreOptions.AttachmentDirectory"/>, named by a new GUID.</summary>
internal sealed partial class FileSystemAttachmentContentStore(IOptions<FieldReportsAspNetCoreOptions> options) : IAttachmentContentStore
{
    private readonly CoalescedFlush _directoryFlushes = new(FlushDirectory);

    private string Root => Path.GetFullPath(options.Value.AttachmentDirectory);

    public async Task<string> SaveAsync(string provinceId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Root);
        var path = PathOf(key)!;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);

                // The bytes reach the disk before the report that lists them is acknowledged, so a power loss cannot keep
                // the attachment's row and lose its content.
                file.Flush(flushToDisk: true);
            }

            await _directoryFlushes.FlushAsync(Root);
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

    // A new file's name lives in its directory: on Linux and macOS the directory is flushed too, so the file is found after
    // a power loss. Windows offers no flush of a directory (NTFS journals the entry itself).
    private static void FlushDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // .NET opens no handle on a directory, so the directory is opened read-only through libc.
        var fd = open(System.Text.Encoding.UTF8.GetBytes(directory + "\0"), 0);
        if (fd < 0)
        {
            throw new IOException($"Could not open the attachment directory to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (fsync(fd) != 0)
            {
                throw new IOException($"Could not flush the attachment directory to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int close(int fd);

    // Keys are the store's own GUIDs; anything else is refused, so no path can come from outside.
    private string? PathOf(string key) => KeyPattern().IsMatch(key) ? Path.Combine(Root, key + ".bin") : null;

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex KeyPattern();

    /// <summary>
    /// Shares one directory flush among the files saved at the same time: a caller waits for a flush that begins after
    /// its file was created (the one running may have begun before), and everybody who arrives while that flush waits
    /// to begin is covered by it. Concurrent uploads then pay one fsync of the directory instead of one each.
    /// </summary>
    private sealed class CoalescedFlush(Action<string> flush)
    {
        private readonly Lock _lock = new();
        private Task _running = Task.CompletedTask;
        private Task? _waiting;

        public Task FlushAsync(string directory)
        {
            lock (_lock)
            {
                if (_waiting is not null)
                {
                    return _waiting;
                }

                if (_running.IsCompleted)
                {
                    return _running = Task.Run(() => flush(directory));
                }

                Task? next = null;
                next = _running.ContinueWith(
                    _ =>
                    {
                        lock (_lock)
                        {
                            _running = next!;
                            _waiting = null;
                        }

                        flush(directory);
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.None,
                    TaskScheduler.Default);
                return _waiting = next;
            }
        }
    }
}
