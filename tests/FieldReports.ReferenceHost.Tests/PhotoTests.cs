using System.Net;
using System.Text.RegularExpressions;
using FieldReports.AspNetCore.Tests;
using FieldReports.Reports;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.Extensions.DependencyInjection;
using ReferenceHost.Services;

namespace FieldReports.ReferenceHost.Tests;

/// <summary>
/// Photos sent through the host's own pages go through the library's upload checks and are served by its rules: the
/// centre gets the original, the reporter, the agency and the public (once published) a copy without metadata, anyone
/// else nothing.
/// </summary>
public sealed partial class PhotoTests
{
    private const string Citizen = "reporter;photo-citizen-1;;ca-mau";
    private const string OtherCitizen = "reporter;photo-citizen-2;;ca-mau";
    private const string Reception = "reception_staff;photo-rec-1;;ca-mau";
    private const string Handler = "handling_staff;photo-h-1;so-gtvt;ca-mau";

    private static readonly KeyValuePair<string, string>[] Form =
    [
        new("Title", "Ổ gà trên đường"), new("Description", "Ổ gà lớn giữa đường Trần Hưng Đạo gây nguy hiểm cho xe máy."),
        new("Latitude", "9.1769"), new("Longitude", "105.1524"), new("Address", "Đường Trần Hưng Đạo, Phường 1"),
        new("Name", "Võ Thị Lan"), new("Phone", "0912345678"), new("Truthful", "true"),
    ];

    [Fact]
    public async Task A_photo_sent_on_the_page_is_served_stripped_to_the_agency_and_the_public_and_unchanged_to_the_centre()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>());
        var actions = host.Services.GetRequiredService<ReportActions>();
        var photo = TestImages.JpegWithCanaries();
        Assert.NotEmpty(Metadata(photo).OfType<GpsDirectory>());
        using var citizen = host.As(Citizen);

        var sent = await HostFactory.PostFormAsync(citizen, "/ca-mau/submit", Form, ("Photos", "o-ga.jpg", photo));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = Guid.Parse(ReportPath().Match(sent.Headers.Location!.OriginalString).Groups[1].Value);

        // The report's page links the photo to the download that applies the rules.
        var page = await citizen.GetStringAsync(new Uri($"/ca-mau/reports/{id}", UriKind.Relative));
        var attachment = PhotoLink().Match(page).Groups[1].Value;
        Assert.NotEmpty(attachment);
        var download = $"/api/v1/provinces/ca-mau/reports/{id}/attachments/{attachment}";
        var published = $"/api/v1/provinces/ca-mau/public/reports/{id}/attachments/{attachment}";

        var centre = await GetAsync(host, Reception, download);
        Assert.Equal(photo, centre);

        AssertStripped(await GetAsync(host, Citizen, download));

        using (var other = host.As(OtherCitizen))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(download, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(published, UriKind.Relative))).StatusCode);
        }

        Assert.True((await actions.ApplyAsync("ca-mau", id, new ReceiveCommand("traffic"), Actor.Reception("photo-rec-1"), default)).IsSuccess);
        Assert.True((await actions.ApplyAsync("ca-mau", id, new AssignCommand("so-gtvt"), Actor.Reception("photo-rec-1"), default)).IsSuccess);
        Assert.True((await actions.ApplyAsync("ca-mau", id, new AcknowledgeCommand(), Actor.Handler("photo-h-1", "so-gtvt"), default)).IsSuccess);

        using var agency = host.As(Handler);
        var agencyCopy = await agency.GetAsync(new Uri(download, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, agencyCopy.StatusCode);
        Assert.Equal("nosniff", agencyCopy.Headers.GetValues("X-Content-Type-Options").Single());
        AssertStripped(await agencyCopy.Content.ReadAsByteArrayAsync());

        // The agency's result with a photo goes through the same checks.
        var result = await HostFactory.PostFormAsync(agency, $"/ca-mau/reports/{id}", [new("action", "result"), new("Text", "Đã vá ổ gà ngày 20/11.")], ("Photos", "ket-qua.jpg", TestImages.JpegWithCanaries()));
        Assert.Equal(HttpStatusCode.Redirect, result.StatusCode);
        var handled = await actions.FindAsync("ca-mau", id, default);
        var evidence = $"/api/v1/provinces/ca-mau/reports/{id}/attachments/{Assert.Single(handled!.Evidence)}";
        Assert.NotEmpty(Metadata(await GetAsync(host, Reception, evidence)).OfType<GpsDirectory>());
        AssertStripped(await GetAsync(host, Handler, evidence));

        // Recorded with their roles: the page's photo as the report's own, the result's photo as evidence.
        var attachments = host.Services.GetRequiredService<FieldReports.Stores.IAttachmentStore>();
        Assert.Equal(FieldReports.Stores.AttachmentRole.Report, (await attachments.FindAsync("ca-mau", attachment, default))!.Role);
        Assert.Equal(FieldReports.Stores.AttachmentRole.Evidence, (await attachments.FindAsync("ca-mau", handled.Evidence[0], default))!.Role);

        Assert.True((await actions.ApplyAsync("ca-mau", id, new ApproveCommand(), Actor.Approver("photo-appr-1"), default)).IsSuccess);
        AssertStripped(await GetAsync(host, null, published));
        AssertStripped(await GetAsync(host, null, published.Replace(attachment, handled.Evidence[0], StringComparison.Ordinal)));

        // Another citizen reading the published report on its page is sent to the public, stripped copy.
        using (var other = host.As(OtherCitizen))
        {
            var seen = await other.GetStringAsync(new Uri($"/ca-mau/reports/{id}", UriKind.Relative));
            Assert.Contains(published, seen, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(download, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task A_script_named_jpg_is_refused_on_the_page_with_a_clear_message_and_nothing_is_submitted()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>());
        var lists = host.Services.GetRequiredService<ReportLists>();
        using var citizen = host.As(OtherCitizen);

        var posted = await HostFactory.PostFormAsync(citizen, "/ca-mau/submit", Form, ("Photos", "anh.jpg", "<script>alert(document.cookie)</script>"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Contains("Tệp không phải là ảnh hoặc video được chấp nhận", page, StringComparison.Ordinal);
        Assert.Empty(await lists.ListAsync("ca-mau", reporterAccountId: "photo-citizen-2"));
    }

    private static async Task<byte[]> GetAsync(HostFactory host, string? user, string path)
    {
        using var client = host.As(user);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user ?? "anonymous"} {path}: {response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static IReadOnlyList<MetadataExtractor.Directory> Metadata(byte[] image) => ImageMetadataReader.ReadMetadata(new MemoryStream(image));

    [GeneratedRegex("/ca-mau/reports/([0-9a-f-]{36})")]
    private static partial Regex ReportPath();

    [GeneratedRegex("/api/v1/provinces/ca-mau/reports/[0-9a-f-]{36}/attachments/([0-9A-Za-z]+)")]
    private static partial Regex PhotoLink();

    /// <summary>The image is a JPEG without GPS coordinates, the camera's serial number or its owner.</summary>
    private static void AssertStripped(byte[] image)
    {
        var directories = Metadata(image);
        Assert.Empty(directories.OfType<GpsDirectory>());
        var text = string.Join('\n', directories.SelectMany(d => d.Tags).Select(t => t.Description));
        Assert.DoesNotContain(TestImages.CanarySerial, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestImages.CanaryOwner, text, StringComparison.Ordinal);
        Assert.Equal([0xFF, 0xD8, 0xFF], image[..3]);
    }
}
