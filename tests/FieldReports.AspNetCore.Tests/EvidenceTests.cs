using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace FieldReports.AspNetCore.Tests;

/// <summary>Handling staff upload the evidence of a result through the same pipeline as citizens' photos, and cite only their report's files.</summary>
public class EvidenceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Evidence_with_gps_is_cited_in_the_result_and_published_without_its_metadata()
    {
        var original = TestImages.JpegWithCanaries();
        Assert.NotNull(Metadata(original).OfType<GpsDirectory>().SingleOrDefault());
        var id = await InHandlingAsync();

        var upload = await UploadAsync(Api.Handler, id, original, "sau-khi-va.jpg");
        var text = await upload.Content.ReadAsStringAsync();
        Assert.True(upload.StatusCode == HttpStatusCode.Created, text);
        var evidence = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("attachmentIds").EnumerateArray()).GetString()!;

        var submitted = await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/result", new { result = "Đã vá ổ gà, có ảnh.", evidenceAttachmentIds = new[] { evidence } }));
        Assert.Equal([evidence], submitted.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        await Api.Ok(Api.PostAsync(factory, Api.Approver, $"/reports/{id}/approve", new { }));

        var published = await Api.GetAsync(factory, null, $"/public/reports/{id}/attachments/{evidence}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var copy = await published.Content.ReadAsByteArrayAsync();
        Assert.Empty(Metadata(copy).OfType<GpsDirectory>());
        Assert.DoesNotContain(TestImages.CanarySerial, Encoding.Latin1.GetString(copy), StringComparison.Ordinal);
        Assert.Equal("image/jpeg", published.Content.Headers.ContentType?.MediaType);

        // The centre keeps the evidence as it was taken.
        var centre = await Api.GetAsync(factory, Api.Reception, $"/reports/{id}/attachments/{evidence}");
        Assert.Equal(original, await centre.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Another_agency_cannot_upload_evidence_and_nothing_is_kept()
    {
        var id = await InHandlingAsync();
        var before = StoredFiles();

        var response = await UploadAsync(Api.OtherAgency, id, TestImages.PlainJpeg(), "x.jpg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("report.not_found", (await ProblemAsync(response)).GetProperty("code").GetString());
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task Script_disguised_as_a_jpeg_is_a_415_problem_and_nothing_is_kept()
    {
        var id = await InHandlingAsync();
        var before = StoredFiles();

        var response = await UploadAsync(Api.Handler, id, Encoding.UTF8.GetBytes("<script>alert(document.cookie)</script>"), "evidence.jpg");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ErrorCodes.UploadTypeNotAllowed, (await ProblemAsync(response)).GetProperty("code").GetString());
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task Evidence_is_refused_with_409_before_the_agency_acknowledges_the_report()
    {
        var id = await Api.SubmitAsync(factory);
        await Api.AssignAsync(factory, id);
        var before = StoredFiles();

        var response = await UploadAsync(Api.Handler, id, TestImages.PlainJpeg(), "early.jpg");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ErrorCodes.TransitionNotPermitted, (await ProblemAsync(response)).GetProperty("code").GetString());
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task A_result_citing_an_unknown_id_or_another_reports_file_is_refused_and_changes_nothing()
    {
        var other = await InHandlingAsync();
        var otherUpload = await UploadAsync(Api.Handler, other, TestImages.PlainJpeg(), "other.jpg");
        var foreign = JsonDocument.Parse(await otherUpload.Content.ReadAsStringAsync()).RootElement.GetProperty("attachmentIds")[0].GetString()!;
        var id = await InHandlingAsync();

        foreach (var cited in new[] { "no-such-attachment", foreign })
        {
            var response = await Api.PostAsync(factory, Api.Handler, $"/reports/{id}/result", new { result = "Đã xử lý.", evidenceAttachmentIds = new[] { cited } });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(ErrorCodes.EvidenceNotAttached, (await ProblemAsync(response)).GetProperty("code").GetString());
        }

        var report = await Api.Ok(Api.GetAsync(factory, Api.Handler, $"/reports/{id}"));
        Assert.Equal("InHandling", report.GetProperty("state").GetString());
        Assert.Empty(report.GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public async Task An_upload_without_files_is_a_400_problem()
    {
        var id = await InHandlingAsync();
        using var client = factory.As(Api.Handler);
        using var form = new MultipartFormDataContent("fr-boundary-2") { { new StringContent("nothing"), "note" } };

        var response = await client.PostAsync(new Uri($"{Api.Base}/reports/{id}/evidence", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> InHandlingAsync()
    {
        var id = await Api.SubmitAsync(factory);
        await Api.AssignAsync(factory, id);
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/acknowledge", new { }));
        return id;
    }

    private async Task<HttpResponseMessage> UploadAsync(string user, string id, byte[] file, string fileName)
    {
        using var client = factory.As(user);
        using var form = new MultipartFormDataContent("fr-boundary-2");
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(bytes, "files", fileName);
        return await client.PostAsync(new Uri($"{Api.Base}/reports/{id}/evidence", UriKind.Relative), form);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    private string[] StoredFiles() =>
        System.IO.Directory.Exists(factory.AttachmentDirectory) ? [.. System.IO.Directory.EnumerateFiles(factory.AttachmentDirectory).Order(StringComparer.Ordinal)] : [];

    private static IReadOnlyList<MetadataExtractor.Directory> Metadata(byte[] image) => ImageMetadataReader.ReadMetadata(new MemoryStream(image));
}
