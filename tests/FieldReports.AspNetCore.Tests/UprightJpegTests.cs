using System.Net;
using System.Text;
using ImageMagick;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Xmp;
using Microsoft.Extensions.DependencyInjection;
using FieldReports.Stores;

namespace FieldReports.AspNetCore.Tests;

/// <summary>
/// A JPEG stored upright loses its metadata without being decoded: everyone but the centre gets exactly the uploaded
/// pixels, without EXIF, XMP, IPTC, comments or trailing data; a broken one is refused as before.
/// </summary>
public class UprightJpegTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Upright_jpeg_reaches_the_agency_without_metadata_or_trailer_with_the_same_pixels_and_colour_profile()
    {
        var original = TestImages.UprightJpegWithCanaries();
        Assert.NotNull(Metadata(original).OfType<GpsDirectory>().SingleOrDefault());
        Assert.Contains(TestImages.CanaryTrailer, Encoding.Latin1.GetString(original), StringComparison.Ordinal);

        var id = await Api.SubmitAsync(factory, Api.Citizen, original, "ổ gà.jpg");
        var own = await Api.Ok(Api.GetAsync(factory, Api.Citizen, $"/reports/{id}"));
        var path = $"/reports/{id}/attachments/{Assert.Single(own.GetProperty("attachmentIds").EnumerateArray()).GetString()}";
        await Api.AssignAsync(factory, id);

        var agency = await DownloadAsync(Api.Handler, path);

        var directories = Metadata(agency);
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<ExifIfd0Directory>());
        Assert.Empty(directories.OfType<ExifSubIfdDirectory>());
        Assert.Empty(directories.OfType<XmpDirectory>());
        Assert.Empty(directories.OfType<IptcDirectory>());
        Assert.DoesNotContain(directories, d => d.Name.Contains("Comment", StringComparison.OrdinalIgnoreCase));
        var text = Encoding.Latin1.GetString(agency);
        foreach (var canary in new[] { TestImages.CanarySerial, TestImages.CanaryOwner, TestImages.CanaryAuthor, TestImages.CanaryComment, TestImages.CanaryTrailer, "Canaryphone" })
        {
            Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
        }

        // Not re-encoded: the same frame, the same colour profile, every pixel identical.
        var jpeg = directories.OfType<JpegDirectory>().Single();
        Assert.Equal((64, 48), (jpeg.GetImageWidth(), jpeg.GetImageHeight()));
        Assert.Equal(0xFF, agency[^2]);
        Assert.Equal(0xD9, agency[^1]);
        using var before = new MagickImage(original);
        using var after = new MagickImage(agency);
        Assert.NotNull(after.GetColorProfile());
        Assert.Equal(0, before.Compare(after, ErrorMetric.Absolute));

        Assert.Equal(original, await DownloadAsync(Api.Reception, path));
    }

    [Fact]
    public async Task Upright_jpeg_is_stored_once_and_its_copy_for_others_is_stripped_when_read()
    {
        var original = TestImages.UprightJpegWithCanaries();
        var before = StoredFiles();

        var id = await Api.SubmitAsync(factory, Api.Citizen, original, "once.jpg");

        // One file, the original as uploaded; the copy others see is the original read through the stripper.
        var row = Assert.Single(await factory.Services.GetRequiredService<IAttachmentStore>().ListForReportAsync("ca-mau", new Reports.ReportId(Guid.Parse(id)), CancellationToken.None));
        var added = Assert.Single(StoredFiles().Except(before));
        Assert.Equal(row.OriginalStorageKey + ".bin", Path.GetFileName(added));
        Assert.Equal(original, await File.ReadAllBytesAsync(added));
        Assert.Equal(DerivedCopies.JpegStrippedOf(row.OriginalStorageKey!), row.StorageKey);

        await Api.AssignAsync(factory, id);
        var agency = await DownloadAsync(Api.Handler, $"/reports/{id}/attachments/{row.Id}");
        Assert.Equal(row.Length, agency.LongLength);
        Assert.Empty(Metadata(agency).OfType<GpsDirectory>());
    }

    [Theory]
    [InlineData(2)]     // cut inside the headers
    [InlineData(3)]     // cut inside the scan
    public async Task Truncated_upright_jpeg_is_a_422_problem_and_nothing_is_kept(int fraction)
    {
        var whole = TestImages.UprightJpegWithCanaries();
        var cut = whole[..(whole.Length * (fraction - 1) / fraction)];
        var account = "upright-" + Guid.NewGuid().ToString("N")[..8];
        using var client = factory.As($"reporter;{account};;ca-mau");

        var response = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson(), cut, "cut.jpg"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await factory.Services.GetRequiredService<IReporterDataStore>().ExportAsync("ca-mau", account, CancellationToken.None));
    }

    private async Task<byte[]> DownloadAsync(string user, string path)
    {
        var response = await Api.GetAsync(factory, user, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static IReadOnlyList<MetadataExtractor.Directory> Metadata(byte[] image) => ImageMetadataReader.ReadMetadata(new MemoryStream(image));

    private string[] StoredFiles() =>
        System.IO.Directory.Exists(factory.AttachmentDirectory) ? [.. System.IO.Directory.EnumerateFiles(factory.AttachmentDirectory)] : [];
}
