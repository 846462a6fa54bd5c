using System.Net;
using System.Text;
using System.Text.Json;
using FieldReports.Stores;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.AspNetCore.Tests;

/// <summary>
/// Whose fault a failed upload is: a body that arrives too slowly is 408, a broken connection 400, and a storage that
/// cannot keep the file is the server's (503 with Retry-After, logged) — never the client's 400.
/// </summary>
public class UploadFailureTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_storage_that_fails_is_a_503_with_retry_after_and_nothing_is_stored()
    {
        using var failing = new FailingStorageApiFactory();
        using var client = failing.As("reporter;upload-disk-full;;ca-mau");

        var response = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson(), TestImages.PlainJpeg()));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, text);
        Assert.Equal(ErrorCodes.StorageUnavailable, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(await failing.Services.GetRequiredService<IReporterDataStore>().ExportAsync("ca-mau", "upload-disk-full", CancellationToken.None));
    }

    [Fact]
    public async Task A_body_that_arrives_too_slowly_is_a_408_and_its_files_are_deleted()
    {
        var (problem, saved) = await ReadWithBodyFailureAsync(new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", StatusCodes.Status408RequestTimeout));

        Assert.Equal(StatusCodes.Status408RequestTimeout, problem.StatusCode);
        Assert.Equal(ErrorCodes.RequestTimeout, problem.ProblemDetails.Extensions["code"]);
        Assert.Empty(saved.Kept);
        Assert.NotEmpty(saved.Deleted);
    }

    [Fact]
    public async Task A_connection_reset_while_the_body_is_read_is_the_clients_400()
    {
        var (problem, saved) = await ReadWithBodyFailureAsync(new IOException("The client reset the request stream."));

        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Equal(ErrorCodes.RequestMalformed, problem.ProblemDetails.Extensions["code"]);
        Assert.Empty(saved.Kept);
    }

    // A multipart body whose first photo arrives whole and whose second breaks off with the given failure.
    private async Task<(ProblemHttpResult Problem, RecordingStore Saved)> ReadWithBodyFailureAsync(Exception failure)
    {
        const string boundary = "upload-boundary";
        var photo = TestImages.PlainJpeg();
        var head = new MemoryStream();
        void Write(string text) => head.Write(Encoding.UTF8.GetBytes(text));
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"report\"\r\nContent-Type: application/json\r\n\r\n{JsonSerializer.Serialize(Api.ReportJson())}\r\n");
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        head.Write(photo);
        Write($"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"b.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        head.Write(photo.AsSpan(0, photo.Length / 2));

        var store = new RecordingStore();
        var uploads = ActivatorUtilities.CreateInstance<AttachmentUploads>(factory.Services, store);
        var http = new DefaultHttpContext { RequestServices = factory.Services };
        http.Request.ContentType = $"multipart/form-data; boundary={boundary}";
        http.Request.Body = new BreakingStream(head.ToArray(), failure);
        var profile = factory.Services.GetRequiredService<FieldReports.Provinces.ProvinceCatalog>().Find("ca-mau")!;

        var read = await uploads.ReadAsync(http.Request, profile, CancellationToken.None);

        return (Assert.IsType<ProblemHttpResult>(read.Problem), store);
    }

    /// <summary>Gives its bytes, then fails as a connection would.</summary>
    private sealed class BreakingStream(byte[] bytes, Exception failure) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, bytes.Length - _position);
            if (n == 0)
            {
                throw failure;
            }

            bytes.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Keeps files in memory and records what is kept and deleted.</summary>
    private sealed class RecordingStore : IAttachmentContentStore
    {
        private readonly Dictionary<string, byte[]> _files = [];

        public List<string> Deleted { get; } = [];

        public IReadOnlyCollection<string> Kept => _files.Keys;

        public async Task<string> SaveAsync(string provinceId, Stream content, CancellationToken cancellationToken)
        {
            var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            var key = Guid.NewGuid().ToString("N");
            _files[key] = buffer.ToArray();
            return key;
        }

        public Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken) =>
            Task.FromResult<Stream?>(_files.TryGetValue(storageKey, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

        public Task DeleteAsync(string storageKey, CancellationToken cancellationToken)
        {
            Deleted.Add(storageKey);
            _files.Remove(storageKey);
            return Task.CompletedTask;
        }
    }
}

/// <summary>The API with an attachment storage whose disk is full.</summary>
public sealed class FailingStorageApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IAttachmentContentStore, DiskFullStore>());
    }

    private sealed class DiskFullStore : IAttachmentContentStore
    {
        public async Task<string> SaveAsync(string provinceId, Stream content, CancellationToken cancellationToken)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken);
            throw new IOException("No space left on device");
        }

        public Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken) => Task.FromResult<Stream?>(null);

        public Task DeleteAsync(string storageKey, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
