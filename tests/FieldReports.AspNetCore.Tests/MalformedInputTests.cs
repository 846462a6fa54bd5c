using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using FieldReports.Stores;

namespace FieldReports.AspNetCore.Tests;

public class MalformedInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> BadJsonBodies => new()
    {
        """{"description": 42, "latitude": "north"}""",
        """{"description": "x""",
        """{"latitude": 95, "longitude": 105, "description": "Ổ gà lớn giữa đường phố."}""",
        """{"latitude": 9.1, "description": "Ổ gà lớn giữa đường phố."}""",
        """{"latitude": 9.1, "longitude": 1e400, "description": "Ổ gà lớn giữa đường phố."}""",
        """{"description": "\ud800 lone surrogate here", "latitude": 9.1, "longitude": 105.1}""",
        """{"description": "control \u0007 bell", "latitude": 9.1, "longitude": 105.1}""",
        """{"confidential": "maybe"}""",
        """[]""",
        "",
    };

    [Theory]
    [MemberData(nameof(BadJsonBodies))]
    public async Task Malformed_json_submission_is_a_4xx_problem_and_stores_nothing(string body)
    {
        var response = await PostRawAsync("/reports", body);

        await AssertProblem(response, 400, 499);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Huge_strings_are_refused_per_field()
    {
        var body = JsonSerializer.Serialize(new { description = new string('a', 9000), title = new string('b', 300), latitude = 9.1, longitude = 105.1 });

        var response = await PostRawAsync("/reports", body);

        var problem = await AssertProblem(response, 400, 400);
        Assert.Equal("request.invalid", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("description", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Invalid_utf8_bytes_are_a_400_problem()
    {
        using var client = factory.As("reporter;malformed-1;;ca-mau");
        var bytes = Encoding.UTF8.GetBytes("""{"description": "abc""").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync(new Uri(Api.Base + "/reports", UriKind.Relative), content);

        await AssertProblem(response, 400, 400);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Unknown_enum_value_in_a_command_is_a_400_problem()
    {
        var id = await Api.SubmitAsync(factory);

        foreach (var reason in new[] { "Bogus", "42", "" })
        {
            var response = await Api.PostAsync(factory, Api.Reception, $"/reports/{id}/reject", new { reason, explanation = "x" });
            await AssertProblem(response, 400, 400);
        }

        var report = await Api.Ok(Api.GetAsync(factory, Api.Reception, $"/reports/{id}"));
        Assert.Equal("Submitted", report.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Script_disguised_as_a_jpeg_is_a_415_problem_and_nothing_is_kept()
    {
        using var client = factory.As("reporter;malformed-2;;ca-mau");
        var script = Encoding.UTF8.GetBytes("<script>alert(document.cookie)</script>");

        var response = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson(), script, "photo.jpg", "image/jpeg"));

        var problem = await AssertProblem(response, 415, 415);
        Assert.Equal("upload.type_not_allowed", problem.GetProperty("code").GetString());
        await AssertNothingStoredAsync("malformed-2");
        Assert.False(Directory.Exists(factory.AttachmentDirectory) && Directory.EnumerateFiles(factory.AttachmentDirectory).Any(f => File.ReadAllText(f).Contains("<script>", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Truncated_multipart_is_a_400_problem()
    {
        using var client = factory.As("reporter;malformed-3;;ca-mau");
        var full = await Api.Multipart(Api.ReportJson()).ReadAsByteArrayAsync();
        var content = new ByteArrayContent(full[..(full.Length - 30)]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=fr-boundary-1");

        var response = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), content);

        await AssertProblem(response, 400, 400);
        await AssertNothingStoredAsync("malformed-3");
    }

    [Fact]
    public async Task Multipart_without_multipart_content_type_is_415()
    {
        var response = await PostRawAsync("/reports/multipart", "{}");

        await AssertProblem(response, 415, 415);
    }

    [Fact]
    public async Task Too_many_files_is_413()
    {
        using var client = factory.As("reporter;malformed-4;;ca-mau");
        var form = Api.Multipart(Api.ReportJson());
        for (var i = 0; i < 11; i++)
        {
            var bytes = new ByteArrayContent(Api.Jpeg);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(bytes, "files", $"p{i}.jpg");
        }

        var response = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), form);

        await AssertProblem(response, 413, 413);
        await AssertNothingStoredAsync("malformed-4");
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E.jpg")]
    [InlineData("%F0%9F%92%A3%ED%A0%80")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Attachment_ids_that_are_not_the_reports_are_a_404_problem_on_both_downloads(string attachmentId)
    {
        var id = await Api.PublishedAsync(factory);

        foreach (var (user, prefix) in new[] { (Api.Reception, ""), ((string?)null, "/public") })
        {
            var response = await Api.GetAsync(factory, user, $"{prefix}/reports/{id}/attachments/{attachmentId}");

            var problem = await AssertProblem(response, 404, 404);
            Assert.Equal("report.not_found", problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Bad_cursor_and_page_size_on_the_public_list_are_400()
    {
        using var client = factory.As(null);

        var cursor = await client.GetAsync(new Uri(Api.Base + "/public/reports?cursor=not-a-cursor", UriKind.Relative));
        var size = await client.GetAsync(new Uri(Api.Base + "/public/reports?pageSize=100000", UriKind.Relative));
        var type = await client.GetAsync(new Uri(Api.Base + "/public/reports?pageSize=many", UriKind.Relative));

        await AssertProblem(cursor, 400, 400);
        await AssertProblem(size, 400, 400);
        await AssertProblem(type, 400, 400);
    }

    [Fact]
    public async Task Unknown_province_is_404()
    {
        using var client = factory.As(null);

        var response = await client.GetAsync(new Uri("/api/v1/provinces/atlantis/public/reports", UriKind.Relative));

        var problem = await AssertProblem(response, 404, 404);
        Assert.Equal("province.unknown", problem.GetProperty("code").GetString());
    }

    private async Task<HttpResponseMessage> PostRawAsync(string path, string body)
    {
        using var client = factory.As("reporter;malformed-1;;ca-mau");
        return await client.PostAsync(new Uri(Api.Base + path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, int min, int max)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode >= min && (int)response.StatusCode <= max, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.TryGetProperty("code", out _), text);
        return problem;
    }

    private async Task AssertNothingStoredAsync(string account = "malformed-1")
    {
        var data = factory.Services.GetRequiredService<IReporterDataStore>();
        Assert.Empty(await data.ExportAsync("ca-mau", account, CancellationToken.None));
    }
}
