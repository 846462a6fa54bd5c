using System.Net;
using System.Text;
using System.Text.Json;
using FieldReports.Stores;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.Xmp;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.AspNetCore.Tests;

/// <summary>Uploaded images lose their metadata before anyone but the centre's staff sees them; pixel floods are refused.</summary>
public class AttachmentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Jpeg_with_gps_serial_and_owner_reaches_the_agency_and_the_public_without_them_while_the_centre_keeps_the_original()
    {
        var original = TestImages.JpegWithCanaries();
        Assert.NotNull(Metadata(original).OfType<GpsDirectory>().SingleOrDefault());
        Assert.Contains(TestImages.CanarySerial, Describe(original), StringComparison.Ordinal);
        Assert.Equal(6, Metadata(original).OfType<ExifIfd0Directory>().Single().GetInt32(ExifDirectoryBase.TagOrientation));

        var id = await Api.SubmitAsync(factory, Api.Citizen, original, "../../ảnh hiện trường<script>.jpeg");
        var attachment = await AttachmentOfAsync(id);
        var path = $"/reports/{id}/attachments/{attachment}";

        // Before publication the public, another citizen and, before assignment, any agency get nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(factory, null, "/public" + path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(factory, Api.OtherCitizen, path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(factory, Api.Handler, path)).StatusCode);

        await Api.AssignAsync(factory, id);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(factory, Api.OtherAgency, path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(factory, null, "/public" + path)).StatusCode);
        var agency = await DownloadAsync(Api.Handler, path);
        await Api.PublishAssignedAsync(factory, id);
        var published = await DownloadAsync(null, "/public" + path);
        var reporter = await DownloadAsync(Api.Citizen, path);

        foreach (var copy in new[] { agency, published, reporter })
        {
            AssertStripped(copy);
            var jpeg = Metadata(copy).OfType<JpegDirectory>().Single();

            // Turned upright by the orientation the camera recorded, which is then dropped.
            Assert.Equal(32, jpeg.GetImageWidth());
            Assert.Equal(64, jpeg.GetImageHeight());
            Assert.DoesNotContain(Metadata(copy).OfType<ExifIfd0Directory>(), d => d.ContainsTag(ExifDirectoryBase.TagOrientation));
        }

        var centre = await DownloadAsync(Api.Reception, path);
        Assert.Equal(original, centre);
        Assert.NotNull(Metadata(centre).OfType<GpsDirectory>().SingleOrDefault());

        // The download is a file named without the sender's path, quotes or markup, never content a browser renders.
        var response = await Api.GetAsync(factory, null, "/public" + path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("ảnh hiện trườngscript.jpg", disposition.FileNameStar);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Png_with_text_and_exif_chunks_reaches_the_agency_without_them()
    {
        var original = TestImages.PngWithCanaries();
        Assert.Contains(TestImages.CanaryAuthor, Describe(original), StringComparison.Ordinal);
        Assert.Contains(TestImages.CanarySerial, Describe(original), StringComparison.Ordinal);

        var id = await Api.SubmitAsync(factory, Api.Citizen, original, "scan.png");
        var path = $"/reports/{id}/attachments/{await AttachmentOfAsync(id)}";
        await Api.AssignAsync(factory, id);

        var agency = await DownloadAsync(Api.Handler, path);
        AssertStripped(agency);
        Assert.DoesNotContain(Metadata(agency).OfType<PngDirectory>(), d => d.Name is "PNG-tEXt" or "PNG-zTXt" or "PNG-iTXt");
        var header = Metadata(agency).OfType<PngDirectory>().Single(d => d.Name == "PNG-IHDR");
        Assert.Equal(20, header.GetInt32(PngDirectory.TagImageWidth));
        Assert.Equal(original, await DownloadAsync(Api.Approver, path));
    }

    [Fact]
    public async Task Mp4_video_reaches_the_agency_leaders_and_the_public_without_its_metadata_while_the_centre_keeps_the_original()
    {
        var original = TestVideos.Mp4WithCanaries();
        var id = await Api.SubmitAsync(factory, Api.Citizen, original, "clip<1>.mp4");
        var path = $"/reports/{id}/attachments/{await AttachmentOfAsync(id)}";
        await Api.AssignAsync(factory, id);
        var agency = await DownloadAsync(Api.Handler, path);
        await Api.PublishAssignedAsync(factory, id);

        foreach (var copy in new[] { agency, await DownloadAsync(Api.Leader, path), await DownloadAsync(null, "/public" + path), await DownloadAsync(Api.Citizen, path) })
        {
            Assert.Equal(original.Length, copy.Length);
            var text = Encoding.Latin1.GetString(copy) + Encoding.UTF8.GetString(copy);
            Assert.All(TestVideos.Canaries, c => Assert.DoesNotContain(c, text, StringComparison.Ordinal));
            var chunk = TestVideos.ChunkOffset(copy);
            Assert.Equal(TestVideos.Samples, copy.AsSpan((int)chunk, TestVideos.Samples.Length).ToArray());
        }

        Assert.Equal(original, await DownloadAsync(Api.Reception, path));
        var response = await Api.GetAsync(factory, null, "/public" + path);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("clip1.mp4", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task WebM_video_is_served_to_the_centre_and_the_reporter_only_since_its_metadata_is_not_stripped()
    {
        byte[] webm = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m'];
        var id = await Api.SubmitAsync(factory, Api.Citizen, webm, "clip.webm");
        var path = $"/reports/{id}/attachments/{await AttachmentOfAsync(id)}";
        await Api.PublishAsync(factory, id);

        Assert.Equal(webm, await DownloadAsync(Api.Citizen, path));
        Assert.Equal(webm, await DownloadAsync(Api.Reception, path));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(factory, Api.Handler, path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(factory, Api.Leader, path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(factory, null, "/public" + path)).StatusCode);
    }

    [Fact]
    public async Task Mp4_whose_box_runs_past_its_container_is_a_422_problem_and_nothing_is_kept()
    {
        var video = TestVideos.Mp4WithCanaries();
        var moov = TestVideos.Boxes(video).Single(b => b.Type == "moov");
        TestVideos.U32((uint)moov.Size).CopyTo(video, moov.Offset + 8);

        var problem = await RefusedAsync(video, "clip.mp4", 422);

        Assert.Equal(ErrorCodes.UploadVideoUnreadable, problem.GetProperty("code").GetString());
        Assert.Contains("mvhd", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100_000, 100_000)]
    [InlineData(30_000, 10)]
    [InlineData(8_000, 8_000)]
    public async Task Pixel_flood_png_is_refused_before_decoding_and_nothing_is_kept(int width, int height)
    {
        var flood = TestImages.PixelFloodPng(width, height);
        Assert.True(flood.Length < 100);

        var problem = await RefusedAsync(flood, "flood.png", 413);

        Assert.Equal(ErrorCodes.UploadImageTooLarge, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Pixel_flood_jpeg_header_is_refused_and_nothing_is_kept()
    {
        var problem = await RefusedAsync(TestImages.PixelFloodJpeg(), "flood.jpg", 413, 422);

        Assert.StartsWith("upload.image_", problem.GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_jpeg_is_a_422_problem_and_nothing_is_kept()
    {
        var whole = TestImages.JpegWithCanaries();

        var problem = await RefusedAsync(whole[..(whole.Length * 2 / 3)], "cut.jpg", 422);

        Assert.Equal(ErrorCodes.UploadImageUnreadable, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_refused_image_after_an_accepted_one_removes_both_files()
    {
        var account = "reporter;attach-mixed;;ca-mau";
        var before = StoredFiles();
        var form = Api.Multipart(Api.ReportJson(), TestImages.JpegWithCanaries());
        var flood = new ByteArrayContent(TestImages.PixelFloodPng(100_000, 100_000));
        form.Add(flood, "files", "flood.png");
        using var client = factory.As(account);

        var response = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, StoredFiles());
        Assert.Empty(await factory.Services.GetRequiredService<IReporterDataStore>().ExportAsync("ca-mau", "attach-mixed", CancellationToken.None));
    }

    [Fact]
    public async Task A_province_with_a_lower_pixel_limit_refuses_images_the_default_accepts()
    {
        using var strict = new SmallImagesApiFactory();
        using var client = strict.As("reporter;attach-strict;;ca-mau");

        var response = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson(), TestImages.PlainJpeg()));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, text);
        Assert.Equal(ErrorCodes.UploadImageTooLarge, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
        using var lenient = factory.As(Api.Citizen);
        Assert.Equal(HttpStatusCode.Created, (await lenient.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson(), TestImages.PlainJpeg()))).StatusCode);
    }

    [Fact]
    public async Task When_the_submission_is_acknowledged_its_attachment_rows_are_stored_and_their_files_are_complete_on_disk()
    {
        var original = TestImages.JpegWithCanaries();

        var id = await Api.SubmitAsync(factory, Api.Citizen, original, "hien-truong.jpg");

        // Read straight after the 201, from the stores themselves: nothing is left to finish after the acknowledgement.
        var rows = await factory.Services.GetRequiredService<IAttachmentStore>().ListForReportAsync("ca-mau", new Reports.ReportId(Guid.Parse(id)), CancellationToken.None);
        var row = Assert.Single(rows);
        var served = await File.ReadAllBytesAsync(Path.Combine(factory.AttachmentDirectory, row.StorageKey + ".bin"));
        Assert.Equal(row.Length, served.LongLength);
        AssertStripped(served);
        Assert.Equal(original, await File.ReadAllBytesAsync(Path.Combine(factory.AttachmentDirectory, row.OriginalStorageKey + ".bin")));
    }

    private async Task<JsonElement> RefusedAsync(byte[] file, string name, int status, int? otherStatus = null)
    {
        var account = "attach-" + Guid.NewGuid().ToString("N")[..8];
        var before = StoredFiles();
        using var client = factory.As($"reporter;{account};;ca-mau");

        var response = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson(), file, name));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status || (int)response.StatusCode == otherStatus, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, StoredFiles());
        Assert.Empty(await factory.Services.GetRequiredService<IReporterDataStore>().ExportAsync("ca-mau", account, CancellationToken.None));
        return JsonDocument.Parse(text).RootElement;
    }

    private string[] StoredFiles() =>
        System.IO.Directory.Exists(factory.AttachmentDirectory) ? [.. System.IO.Directory.EnumerateFiles(factory.AttachmentDirectory).Order(StringComparer.Ordinal)] : [];

    private async Task<string> AttachmentOfAsync(string id)
    {
        var own = await Api.Ok(Api.GetAsync(factory, Api.Citizen, $"/reports/{id}"));
        return Assert.Single(own.GetProperty("attachmentIds").EnumerateArray()).GetString()!;
    }

    private async Task<byte[]> DownloadAsync(string? user, string path)
    {
        var response = await Api.GetAsync(factory, user, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user ?? "public"} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static void AssertStripped(byte[] image)
    {
        var directories = Metadata(image);
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<ExifSubIfdDirectory>());
        Assert.Empty(directories.OfType<XmpDirectory>());
        Assert.Empty(directories.OfType<IptcDirectory>());
        Assert.DoesNotContain(directories, d => d.Name.Contains("Comment", StringComparison.OrdinalIgnoreCase));
        var text = Describe(image) + Encoding.Latin1.GetString(image);
        foreach (var canary in new[] { TestImages.CanarySerial, TestImages.CanaryOwner, TestImages.CanaryAuthor, TestImages.CanaryComment, "Canaryphone" })
        {
            Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
        }
    }

    private static IReadOnlyList<MetadataExtractor.Directory> Metadata(byte[] image) => ImageMetadataReader.ReadMetadata(new MemoryStream(image));

    private static string Describe(byte[] image) =>
        string.Join('\n', Metadata(image).SelectMany(d => d.Tags.Select(t => $"[{d.Name}] {t.Name} = {t.Description}")));
}
