using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReferenceHost.Hosting;

namespace FieldReports.ReferenceHost.Tests;

/// <summary>
/// The measurement endpoints the load harness compares FieldReports with (docs/performance.md): they exist only when
/// enabled, and the bare upload keeps what a submission with photos keeps at least — its files on disk and its row.
/// </summary>
public sealed class BenchmarkEndpointTests
{
    [Fact]
    public async Task Without_the_setting_no_measurement_endpoint_is_mapped()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>());
        using var client = host.As(null);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/bench/runtime", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(new Uri("/bench/bare-upload", UriKind.Relative), Upload([1, 2, 3]))).StatusCode);
    }

    [Fact]
    public async Task A_bare_upload_writes_each_file_whole_and_one_row_and_its_delete_removes_the_files()
    {
        await using var host = new HostFactory(new Dictionary<string, string?> { ["FieldReports:Benchmark:Enabled"] = "true" });
        using var client = host.As(null);
        var directory = Path.Combine(host.Services.GetRequiredService<HostSettings>().DataDirectory, "bench-uploads");
        byte[] first = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i % 251))];
        byte[] second = [.. Enumerable.Range(0, 1_000).Select(i => (byte)(i % 7))];

        var posted = await client.PostAsync(new Uri("/bench/bare-upload?provinceId=ca-mau", UriKind.Relative), Upload(first, second));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var row = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Cống bị tắc", row.GetProperty("title").GetString());
        var stored = Directory.GetFiles(directory).Select(File.ReadAllBytes).OrderByDescending(b => b.Length).ToArray();
        Assert.Equal(2, stored.Length);
        Assert.Equal(first, stored[0]);
        Assert.Equal(second, stored[1]);
        var read = await client.GetFromJsonAsync<JsonElement>(new Uri("/bench/bare-read?provinceId=ca-mau", UriKind.Relative));
        Assert.Contains(read.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == row.GetProperty("id").GetString());

        var deleted = await client.DeleteAsync(new Uri("/bench/bare-upload", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task A_bare_upload_without_a_report_part_or_boundary_is_refused_and_keeps_no_row()
    {
        await using var host = new HostFactory(new Dictionary<string, string?> { ["FieldReports:Benchmark:Enabled"] = "true" });
        using var client = host.As(null);
        var noReport = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "files", "a.jpg" } };

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/bench/bare-upload?provinceId=ca-mau", UriKind.Relative), noReport)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/bench/bare-upload?provinceId=ca-mau", UriKind.Relative), new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")))).StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>(new Uri("/bench/bare-read?provinceId=ca-mau", UriKind.Relative));
        Assert.Empty(read.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_runtime_figures_count_collections_as_they_happen()
    {
        await using var host = new HostFactory(new Dictionary<string, string?> { ["FieldReports:Benchmark:Enabled"] = "true" });
        using var client = host.As(null);

        var before = await client.GetFromJsonAsync<JsonElement>(new Uri("/bench/runtime", UriKind.Relative));
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var after = await client.GetFromJsonAsync<JsonElement>(new Uri("/bench/runtime", UriKind.Relative));

        // The in-memory host shares this process, so the forced collection is counted.
        Assert.True(after.GetProperty("gen2").GetInt32() > before.GetProperty("gen2").GetInt32());
        Assert.True(after.GetProperty("gcPauseMilliseconds").GetDouble() >= before.GetProperty("gcPauseMilliseconds").GetDouble());
        Assert.True(after.GetProperty("poolThreads").GetInt32() > 0);
    }

    private static MultipartFormDataContent Upload(params byte[][] files)
    {
        var form = new MultipartFormDataContent { { JsonContent.Create(new { title = "Cống bị tắc", description = "Nước tràn lên đường." }), "report" } };
        for (var i = 0; i < files.Length; i++)
        {
            var file = new ByteArrayContent(files[i]);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "files", $"anh{i}.jpg");
        }

        return form;
    }
}
