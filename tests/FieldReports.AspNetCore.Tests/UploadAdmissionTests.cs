using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FieldReports.Stores;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.AspNetCore.Tests;

/// <summary>Uploads beyond the instance's limit are refused with 503 and Retry-After before their body is read; the limit frees as uploads finish.</summary>
public class UploadAdmissionTests
{
    [Fact]
    public async Task An_upload_beyond_the_limit_is_a_503_with_retry_after_and_the_next_one_after_the_first_finishes_is_accepted()
    {
        using var factory = new OneUploadAtATimeApiFactory();
        // Straight to the server: the factory's default client buffers a request body (to replay it on a redirect).
        using var first = factory.Server.CreateClient();
        first.DefaultRequestHeaders.Add(TestAuthHandler.Header, "reporter;admission-1;;ca-mau");
        using var second = factory.As("reporter;admission-2;;ca-mau");

        // A first upload warms the pipeline, so that the held upload below is surely in its handler when the next arrives.
        using (var warm = factory.As("reporter;admission-0;;ca-mau"))
        {
            Assert.Equal(HttpStatusCode.Created, (await warm.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson(), TestImages.PlainJpeg()))).StatusCode);
        }

        // The first upload holds the only turn while its body is still arriving.
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var full = await Api.Multipart(Api.ReportJson(), TestImages.PlainJpeg()).ReadAsByteArrayAsync();
        var slow = new HeldContent(full, started, release.Task);
        slow.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=fr-boundary-1");
        var firstResponse = first.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), slow);
        await started.Task;
        await Task.Delay(500);

        var refused = await second.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson(), TestImages.PlainJpeg()));

        var text = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, text);
        Assert.Equal(ErrorCodes.ServerBusy, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        Assert.Empty(await factory.Services.GetRequiredService<IReporterDataStore>().ExportAsync("ca-mau", "admission-2", CancellationToken.None));

        release.SetResult();
        Assert.Equal(HttpStatusCode.Created, (await firstResponse).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson(), TestImages.PlainJpeg()))).StatusCode);
    }

    /// <summary>Sends the first half of a body, then waits before sending the rest.</summary>
    private sealed class HeldContent(byte[] body, TaskCompletionSource started, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
            await stream.FlushAsync();
            started.TrySetResult();
            await release;
            await stream.WriteAsync(body.AsMemory(body.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    /// <summary>The API reading one upload at a time, with no queue.</summary>
    private sealed class OneUploadAtATimeApiFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<FieldReportsAspNetCoreOptions>(o =>
            {
                o.Uploads.MaxConcurrent = 1;
                o.Uploads.QueueLimit = 0;
                o.Uploads.RetryAfterSeconds = 7;
            }));
        }
    }
}
