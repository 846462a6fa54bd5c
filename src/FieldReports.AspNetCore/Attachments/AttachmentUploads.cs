using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using FieldReports.AspNetCore.Endpoints;
using FieldReports.Intake;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace FieldReports.AspNetCore;

/// <summary>
/// Reads a multipart submission as a stream: the <c>report</c> part as JSON and each file part straight into the
/// attachment content store, refusing a file whose bytes are not an accepted image or video (415), and too many or too
/// large files (413) by the province's limits, before they are fully read. An image, an MP4 or a QuickTime video is kept as
/// uploaded for the centre's staff and as a copy without metadata for everybody else (<see cref="ImageSanitizer"/>,
/// <see cref="VideoSanitizer"/>); an image whose header declares an absurd size is refused (413) before it is decoded,
/// and an unreadable image or malformed video (422). A WebM video is kept as uploaded only. A body that breaks off is the
/// client's (400, or 408 when it arrived too slowly); a storage that cannot keep a file is the server's (503 with
/// <c>Retry-After</c>, logged without request data). Whatever the refusal, the files kept so far are deleted.
/// </summary>
internal sealed partial class AttachmentUploads(IAttachmentContentStore content, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<AttachmentUploads> logger) : IDisposable
{
    private readonly SemaphoreSlim _processors = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public void Dispose() => _processors.Dispose();

    public sealed record Upload(DraftAttachment Draft, string StorageKey, long Length, string? OriginalStorageKey = null);

    public sealed record ReadResult(SubmitReportRequest? Report, IReadOnlyList<DraftAttachment> Attachments, IReadOnlyList<Upload> Uploads, ProblemHttpResult? Problem);

    public async Task<(SubmitReportRequest? Report, IReadOnlyList<DraftAttachment> Attachments, ProblemHttpResult? Problem, IReadOnlyList<Upload> Uploads)> ReadCoreAsync(HttpRequest request, ProvinceProfile profile, CancellationToken ct)
    {
        var uploads = new List<Upload>();
        SubmitReportRequest? report = null;
        try
        {
            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            {
                return (null, [], Problem(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UploadTypeNotAllowed, "Send the report as multipart/form-data with a boundary."), uploads);
            }

            var limits = profile.Options.Intake;
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = (limits.MaxAttachments * limits.MaxAttachmentBytes) + (1024 * 1024);
            }

            // Failures to read the body are the client's (a reset connection, a body too slow or too large); the storage's
            // own failures are the server's, and are told apart below.
            var reader = new MultipartReader(boundary, new ClientBody(request.Body)) { HeadersLengthLimit = 16 * 1024 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    return Fail(Problem(StatusCodes.Status400BadRequest, ErrorCodes.RequestMalformed, "A multipart section has no valid Content-Disposition."));
                }

                if (disposition.IsFileDisposition())
                {
                    if (await AcceptAsync(profile, section.Body, disposition.FileNameStar.Value ?? disposition.FileName.Value, uploads, ct) is { } refused)
                    {
                        return Fail(refused);
                    }
                }
                else if (disposition.Name.Value == "report")
                {
                    report = await JsonSerializer.DeserializeAsync<SubmitReportRequest>(section.Body, json.Value.SerializerOptions, ct);
                }
            }

            return (report, [.. uploads.Select(u => u.Draft)], null, uploads);
        }
        catch (ClientBodyException e)
        {
            return Fail(e.InnerException switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.UploadTooLarge, "The multipart body is larger than the province accepts."),
                BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => Problem(StatusCodes.Status408RequestTimeout, ErrorCodes.RequestTimeout, "The multipart body arrived too slowly; send it again."),
                _ => Problem(StatusCodes.Status400BadRequest, ErrorCodes.RequestMalformed, "The multipart body could not be read: it is truncated or the connection failed."),
            });
        }
        catch (StorageFailureException e)
        {
            // The attachment storage failed (a full or failing disk, an unreachable blob store): the client is not at fault.
            LogStorageFailed(logger, e.InnerException?.GetType().FullName ?? "IOException", profile.Id, request.HttpContext.TraceIdentifier);
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return Fail(Problem(StatusCodes.Status503ServiceUnavailable, ErrorCodes.StorageUnavailable, "The attachment storage could not keep the files; nothing was stored. Retry later."));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException)
        {
            // The multipart reader's own failures: a truncated body, a missing boundary.
            return Fail(Problem(StatusCodes.Status400BadRequest, ErrorCodes.RequestMalformed, "The multipart body could not be read: it is truncated or malformed."));
        }

        (SubmitReportRequest?, IReadOnlyList<DraftAttachment>, ProblemHttpResult?, IReadOnlyList<Upload>) Fail(ProblemHttpResult problem)
        {
            return (null, [], problem, uploads);
        }
    }

    /// <summary>
    /// Checks one file by its content and its limits, keeps it in the content store (with a stripped copy of an image) and
    /// adds it to <paramref name="uploads"/> at once, so that a refusal from here on deletes it with the others.
    /// </summary>
    /// <returns>The problem that refuses the file, or <see langword="null"/> when it is accepted.</returns>
    public async Task<ProblemHttpResult?> AcceptAsync(ProvinceProfile profile, Stream body, string? fileName, List<Upload> uploads, CancellationToken ct)
    {
        var limits = profile.Options.Intake;
        if (uploads.Count >= limits.MaxAttachments)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.UploadTooLarge, $"At most {limits.MaxAttachments} files may be sent with a report.");
        }

        var head = new byte[MediaSniffer.HeaderLength];
        var read = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var mediaType = MediaSniffer.Sniff(head.AsSpan(0, read));
        if (mediaType is null)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UploadTypeNotAllowed, "A file is not an accepted image or video (JPEG, PNG, GIF, WebP, HEIC, MP4, QuickTime, WebM); its content was checked, not its name.");
        }

        var limited = new LimitedStream(head.AsMemory(0, read), body, limits.MaxAttachmentBytes);

        // An image is kept in memory as it streams to the store, so that its copy is made without reading the file back.
        using var captured = mediaType.StartsWith("image/", StringComparison.Ordinal) ? new CapturedBytes() : null;
        string key;
        try
        {
            key = await Stored(() => content.SaveAsync(profile.Id, captured is null ? limited : new CapturingStream(limited, captured), ct));
        }
        catch (UploadTooLargeException)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.UploadTooLarge, $"A file is larger than the {limits.MaxAttachmentBytes} bytes the province accepts.");
        }

        var id = Guid.NewGuid().ToString("N");
        var draft = new DraftAttachment(id, SafeName(fileName), mediaType, ReadOnlyMemory<byte>.Empty);

        // Listed at once, so that a refusal from here on deletes the file with the others.
        uploads.Add(new Upload(draft, key, limited.Consumed));
        if (VideoSanitizer.CanStrip(mediaType))
        {
            return await StripVideoAsync(profile, key, limited.Consumed, uploads, ct);
        }

        if (captured is null)
        {
            // WebM (Matroska) is kept as uploaded: its metadata is not stripped, so it is served to the centre and the reporter only.
            return null;
        }

        // Cleaning an image that must be decoded and encoded again is processor work: at most one per processor at a time,
        // so that many concurrent uploads (which mostly wait for the disk and the network) cannot starve the others' reads.
        ImageSanitizer.Result clean;
        await _processors.WaitAsync(ct);
        try
        {
            clean = ImageSanitizer.Sanitize(captured.Buffer, captured.Count, mediaType, limits);
        }
        finally
        {
            _processors.Release();
        }

        switch (clean.Verdict)
        {
            case ImageSanitizer.Verdict.TooLarge:
                return Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.UploadImageTooLarge, clean.Detail);
            case ImageSanitizer.Verdict.Unreadable:
                return Problem(StatusCodes.Status422UnprocessableEntity, ErrorCodes.UploadImageUnreadable, clean.Detail);
        }

        string cleanKey;
        try
        {
            // A JPEG stored upright is stripped the same way whenever it is read: only its original is stored.
            cleanKey = clean.StrippedOnRead
                ? DerivedCopies.JpegStrippedOf(key)
                : await Stored(() => content.SaveAsync(profile.Id, new MemoryStream(clean.Content!, 0, clean.Length, writable: false), ct));
        }
        finally
        {
            if (clean.Pooled)
            {
                ArrayPool<byte>.Shared.Return(clean.Content!);
            }
        }

        uploads[^1] = new Upload(draft with { ContentType = clean.MediaType! }, cleanKey, clean.Length, key);
        return null;
    }

    public async Task<ReadResult> ReadAsync(HttpRequest request, ProvinceProfile profile, CancellationToken ct)
    {
        var (report, attachments, problem, uploads) = await ReadCoreAsync(request, profile, ct);
        if (problem is not null)
        {
            await DeleteAsync(uploads, CancellationToken.None);
            return new ReadResult(null, [], [], problem);
        }

        return new ReadResult(report, attachments, uploads, null);
    }

    /// <summary>The uploads' metadata, stored with the report in its transaction.</summary>
    public static AttachmentMetadata[] MetadataOf(string provinceId, IReadOnlyList<Upload> uploads, Instant at) =>
    [
        .. uploads.Select(u => new AttachmentMetadata
        {
            Id = u.Draft.Id,
            ProvinceId = provinceId,
            FileName = u.Draft.FileName,
            ContentType = u.Draft.ContentType,
            Length = u.Length,
            StorageKey = u.StorageKey,
            OriginalStorageKey = u.OriginalStorageKey,
            CreatedAt = at,
        }),
    ];

    /// <summary>Records the uploads' metadata under a report that already exists, each with the role <paramref name="roleOf"/> gives its id.</summary>
    public static async Task CommitAsync(IAttachmentStore store, string provinceId, ReportId reportId, IReadOnlyList<Upload> uploads, Instant at, Func<string, AttachmentRole> roleOf, CancellationToken ct)
    {
        foreach (var metadata in MetadataOf(provinceId, uploads, at))
        {
            await store.AddAsync(metadata with { ReportId = reportId, Role = roleOf(metadata.Id) }, ct);
        }
    }

    public Task DiscardAsync(IReadOnlyList<Upload> uploads, CancellationToken ct) => DeleteAsync(uploads, ct);

    private async Task DeleteAsync(IEnumerable<Upload> uploads, CancellationToken ct)
    {
        foreach (var u in uploads)
        {
            await DerivedCopies.DeleteAsync(content, u.StorageKey, ct);
            if (u.OriginalStorageKey is { } original)
            {
                await DerivedCopies.DeleteAsync(content, original, ct);
            }
        }
    }

    /// <summary>
    /// Streams a stored MP4/QuickTime upload through <see cref="VideoSanitizer"/> into a new stored copy (a pipe between
    /// the two: memory stays bounded whatever the size) and lists it as the copy others see; a malformed file is 422.
    /// </summary>
    private async Task<ProblemHttpResult?> StripVideoAsync(ProvinceProfile profile, string key, long length, List<Upload> uploads, CancellationToken ct)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024, useSynchronizationContext: false));
        var writing = Task.Run(
            async () =>
            {
                try
                {
                    await using var original = await Stored(() => content.OpenReadAsync(key, ct)) ?? throw new InvalidOperationException("The attachment content store lost a file it has just saved.");
                    await using var output = pipe.Writer.AsStream(leaveOpen: true);
                    await VideoSanitizer.StripAsync(original, length, output, ct);
                    await pipe.Writer.CompleteAsync();
                }
                catch (Exception e)
                {
                    await pipe.Writer.CompleteAsync(e);
                    throw;
                }
            },
            CancellationToken.None);

        string? cleanKey = null;
        Exception? saveFailed = null;
        try
        {
            await using var input = pipe.Reader.AsStream();
            cleanKey = await Stored(() => content.SaveAsync(profile.Id, input, ct));
        }
#pragma warning disable CA1031 // The copy's own failure decides the answer: it is awaited below, then this one is rethrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            saveFailed = e;
        }

        try
        {
            await writing;
        }
        catch (VideoSanitizer.MalformedException malformed)
        {
            if (cleanKey is not null)
            {
                await content.DeleteAsync(cleanKey, CancellationToken.None);
            }

            return Problem(StatusCodes.Status422UnprocessableEntity, ErrorCodes.UploadVideoUnreadable, malformed.Message);
        }

        if (saveFailed is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(saveFailed);
        }

        uploads[^1] = uploads[^1] with { StorageKey = cleanKey!, OriginalStorageKey = key };
        return null;
    }

    private static string SafeName(string? name)
    {
        var file = Path.GetFileName(name ?? "") ?? "";
        var clean = new string([.. file.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/' or ';'))]);
        return clean.Length == 0 ? "attachment" : clean.Length > 100 ? clean[..100] : clean;
    }

    private static ProblemHttpResult Problem(int status, string code, string detail) => TypedResults.Problem(
        detail: detail,
        statusCode: status,
        title: "The upload is not accepted.",
        type: DomainErrorResults.TypePrefix + code,
        extensions: new Dictionary<string, object?> { [DomainErrorResults.CodeExtension] = code });

    [LoggerMessage(EventId = 1100, EventName = "AttachmentStorageFailed", Level = LogLevel.Error, Message = "The attachment storage failed with {ExceptionType} while keeping an upload for {ProvinceId} (request {TraceId})")]
    private static partial void LogStorageFailed(ILogger logger, string exceptionType, string provinceId, string traceId);

    // Runs a call of the content store: its I/O failures are the server's, told apart from the body's (which the store
    // reads, and which come out as ClientBodyException or a refusal of the limit).
    private static async Task<T> Stored<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (IOException e) when (e is not ClientBodyException and not UploadTooLargeException)
        {
            throw new StorageFailureException(e);
        }
    }

    /// <summary>The attachment content store failed (not the request).</summary>
    private sealed class StorageFailureException(IOException inner) : Exception(inner.Message, inner);

    /// <summary>A failure to read the request body: the client's connection or body, not the server.</summary>
    private sealed class ClientBodyException(IOException inner) : IOException(inner.Message, inner);

    /// <summary>The request body, whose read failures become <see cref="ClientBodyException"/>.</summary>
    private sealed class ClientBody(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (IOException e)
            {
                throw new ClientBodyException(e);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException e)
            {
                throw new ClientBodyException(e);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// Bytes kept as they stream by, in a buffer lent by the shared pool and returned on dispose, so that images megabytes
    /// long leave no large-object garbage behind.
    /// </summary>
    private sealed class CapturedBytes : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);

        public byte[] Buffer => _buffer;

        /// <summary>How many bytes of <see cref="Buffer"/> were kept.</summary>
        public int Count { get; private set; }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (Count + bytes.Length > _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Count + bytes.Length, checked(_buffer.Length * 2)));
                _buffer.AsSpan(0, Count).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            bytes.CopyTo(_buffer.AsSpan(Count));
            Count += bytes.Length;
        }

        public void Dispose()
        {
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
            }
        }
    }

    /// <summary>Passes a stream through, keeping what was read in <see cref="CapturedBytes"/>.</summary>
    private sealed class CapturingStream(Stream inner, CapturedBytes into) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => into.Count; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            into.Append(buffer.Span[..n]);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class UploadTooLargeException : IOException
    {
        public UploadTooLargeException()
            : base("The file is larger than the limit.")
        {
        }
    }

    /// <summary>The sniffed head, then the rest of the section, failing once more than the limit has been read.</summary>
    private sealed class LimitedStream(ReadOnlyMemory<byte> head, Stream rest, long limit) : Stream
    {
        private int _headPos;

        public long Consumed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Consumed; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int n;
            if (_headPos < head.Length)
            {
                n = Math.Min(buffer.Length, head.Length - _headPos);
                head.Slice(_headPos, n).CopyTo(buffer);
                _headPos += n;
            }
            else
            {
                try
                {
                    n = await rest.ReadAsync(buffer, cancellationToken);
                }
                catch (IOException e) when (e is not ClientBodyException)
                {
                    // The multipart reader's own failure (a truncated part) while the store reads it: the body's fault.
                    throw new ClientBodyException(e);
                }
            }

            Consumed += n;
            if (Consumed > limit)
            {
                throw new UploadTooLargeException();
            }

            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
