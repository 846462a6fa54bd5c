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
    public async Task Evidence_upload_that_is_not_multipart_truncated_or_too_many_files_is_a_4xx_problem_and_nothing_is_kept()
    {
        var id = await Api.SubmitAsync(factory);
        await Api.AssignAsync(factory, id);
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/acknowledge", new { }));
        var path = new Uri($"{Api.Base}/reports/{id}/evidence", UriKind.Relative);
        using var client = factory.As(Api.Handler);
        var before = Directory.Exists(factory.AttachmentDirectory) ? Directory.GetFiles(factory.AttachmentDirectory).Length : 0;

        await AssertProblem(await client.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json")), 415, 415);

        var full = await Api.Multipart(Api.ReportJson()).ReadAsByteArrayAsync();
        var truncated = new ByteArrayContent(full[..(full.Length - 30)]);
        truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=fr-boundary-1");
        await AssertProblem(await client.PostAsync(path, truncated), 400, 400);

        var many = new MultipartFormDataContent("fr-boundary-1");
        for (var i = 0; i < 11; i++)
        {
            var bytes = new ByteArrayContent(Api.Jpeg);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            many.Add(bytes, "files", $"p{i}.jpg");
        }

        await AssertProblem(await client.PostAsync(path, many), 413, 413);
        Assert.Equal(before, Directory.Exists(factory.AttachmentDirectory) ? Directory.GetFiles(factory.AttachmentDirectory).Length : 0);
        var report = await Api.Ok(Api.GetAsync(factory, Api.Handler, $"/reports/{id}"));
        Assert.Equal("InHandling", report.GetProperty("state").GetString());
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

    public static TheoryData<string, string, string> BadParticipationBodies => new()
    {
        // Consent: wrong types, huge and invalid text, an array.
        { "citizen", "/reports/{id}/consent", """{"purpose": 42}""" },
        { "citizen", "/reports/{id}/consent", "{\"purpose\": \"" + new string('p', 5000) + "\"}" },
        { "citizen", "/reports/{id}/consent", """{"purpose": "\ud800 lone surrogate"}""" },
        { "citizen", "/reports/{id}/consent", """{"purpose": ""}""" },
        { "citizen", "/reports/{id}/consent", """[]""" },
        { "citizen", "/reports/{id}/consent", """{"purpose": "ok", "wordingVersion": "\u0007"}""" },
        // Interactions: unknown and numeric kinds, wrong types, huge and invalid text, a report that is not published.
        { "other-citizen", "/reports/{id}/interactions", """{"kind": "Bogus", "text": "Góp ý."}""" },
        { "other-citizen", "/reports/{id}/interactions", """{"kind": "1", "text": "Góp ý."}""" },
        { "other-citizen", "/reports/{id}/interactions", """{"text": 5}""" },
        { "other-citizen", "/reports/{id}/interactions", "{\"text\": \"" + new string('t', 9000) + "\"}" },
        { "other-citizen", "/reports/{id}/interactions", """{"text": "bell \u0007"}""" },
        { "other-citizen", "/reports/{id}/interactions", """{"text": "   "}""" },
        { "other-citizen", "/reports/{unpublished}/interactions", """{"text": "Góp ý."}""" },
        { "handler", "/reports/{id}/interactions/{interaction}/answer", """{"answer": ["a"]}""" },
        { "handler", "/reports/{id}/interactions/{interaction}/answer", "{\"answer\": \"" + new string('a', 9000) + "\"}" },
        { "handler", "/reports/{id}/interactions/{interaction}/answer", """{"answer": ""}""" },
        { "handler", "/reports/{id}/interactions/00000000-0000-0000-0000-000000000001/answer", """{"answer": "Trả lời."}""" },
        // Moderation: missing, huge and mistyped accounts, unknown kinds, bad ids and instants.
        { "admin", "/moderation/accounts/record", """{}""" },
        { "admin", "/moderation/accounts/record", """{"accountId": 12}""" },
        { "admin", "/moderation/accounts/record", "{\"accountId\": \"" + new string('x', 300) + "\"}" },
        { "reception", "/moderation/accounts/violations", """{"accountId": "target-1", "kind": "Nope"}""" },
        { "reception", "/moderation/accounts/violations", """{"accountId": "target-1", "kind": "0"}""" },
        { "reception", "/moderation/accounts/violations", """{"kind": "AbusiveReport"}""" },
        { "reception", "/moderation/accounts/violations", """{"kind": "AbusiveReport", "reportId": "not-a-guid"}""" },
        { "reception", "/moderation/accounts/violations", """{"kind": "AbusiveReport", "reportId": "00000000-0000-0000-0000-000000000002"}""" },
        { "reception", "/moderation/accounts/violations", "{\"accountId\": \"target-1\", \"kind\": \"AbusiveReport\", \"note\": \"" + new string('n', 3000) + "\"}" },
        { "admin", "/moderation/accounts/lock", """{"accountId": "target-1", "reason": ""}""" },
        { "admin", "/moderation/accounts/lock", """{"accountId": "target-1", "reason": "r", "until": "yesterday"}""" },
        { "admin", "/moderation/accounts/lock", """{"accountId": "target-1", "reason": "r", "until": "2000-01-01T00:00:00Z"}""" },
        { "admin", "/moderation/accounts/lock", "{\"accountId\": \"target-1\", \"reason\": \"" + new string('r', 3000) + "\"}" },
        { "admin", "/moderation/accounts/interaction-ban", """{"accountId": "target-1", "reason": "\ud800"}""" },
        { "admin", "/moderation/accounts/unlock", """{"accountId": "target-1", "reason": "Không có khóa."}""" },
        { "admin", "/moderation/accounts/interaction-unban", """{"accountId": 5, "reason": "r"}""" },
    };

    [Theory]
    [MemberData(nameof(BadParticipationBodies))]
    public async Task Malformed_consent_interaction_and_moderation_input_is_a_4xx_problem_and_changes_nothing(string role, string path, string body)
    {
        var (published, interaction) = await PublishedWithInteractionAsync();
        var unpublished = await Api.SubmitAsync(factory);
        var user = role switch
        {
            "citizen" => Api.Citizen,
            "other-citizen" => Api.OtherCitizen,
            "handler" => Api.Handler,
            "reception" => Api.Reception,
            _ => Api.Admin,
        };
        using var client = factory.As(user);
        var url = path.Replace("{id}", published, StringComparison.Ordinal).Replace("{unpublished}", unpublished, StringComparison.Ordinal).Replace("{interaction}", interaction, StringComparison.Ordinal);

        var response = await client.PostAsync(new Uri(Api.Base + url, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblem(response, 400, 499);
        Assert.Empty((await Api.Ok(Api.GetAsync(factory, Api.Reception, $"/reports/{published}/consents"))).EnumerateArray());
        var interactions = await Api.Ok(Api.GetAsync(factory, Api.Reception, $"/reports/{published}/interactions"));
        Assert.Equal(JsonValueKind.Null, Assert.Single(interactions.EnumerateArray()).GetProperty("answer").ValueKind);
        Assert.Empty((await Api.Ok(Api.GetAsync(factory, Api.Reception, $"/reports/{unpublished}/interactions"))).EnumerateArray());
        var moderation = factory.Services.GetRequiredService<IAccountModerationStore>();
        Assert.Equal(0, (await moderation.LoadAsync("ca-mau", "target-1", CancellationToken.None)).Version);
        Assert.Equal(0, (await moderation.LoadAsync("ca-mau", "citizen-1", CancellationToken.None)).Version);
    }

    [Theory]
    [InlineData("GET", "/reports/not-a-guid/consents")]
    [InlineData("DELETE", "/reports/not-a-guid/consent")]
    [InlineData("DELETE", "/reports/00000000-0000-0000-0000-000000000003/consent")]
    [InlineData("GET", "/reports/not-a-guid/interactions")]
    [InlineData("GET", "/reports/00000000-0000-0000-0000-000000000003/interactions")]
    [InlineData("GET", "/public/reports/%F0%9F%92%A9/interactions")]
    [InlineData("POST", "/reports/not-a-guid/interactions/also-not/answer")]
    public async Task Malformed_or_unknown_ids_on_the_new_endpoints_are_4xx_problems(string method, string path)
    {
        using var client = factory.As(Api.Citizen);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Api.Base + path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent("""{"answer": "x"}""", Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);

        await AssertProblem(response, 400, 499);
    }

    [Theory]
    [InlineData("/my/reports?pageSize=0")]
    [InlineData("/my/reports?pageSize=many")]
    [InlineData("/my/reports?cursor=%00%FF")]
    [InlineData("/moderation/decisions?from=soon")]
    [InlineData("/moderation/decisions?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    public async Task Malformed_query_strings_on_the_new_lists_are_400_problems(string path)
    {
        var user = path.StartsWith("/my", StringComparison.Ordinal) ? Api.Citizen : Api.Admin;

        var response = await Api.GetAsync(factory, user, path);

        await AssertProblem(response, 400, 400);
    }

    [Theory]
    [InlineData("POST", "/admin/staff", """{"userName": 42}""")]
    [InlineData("POST", "/admin/staff", """{"userName": "a.b", "displayName": "A", "role": "wizard"}""")]
    [InlineData("POST", "/admin/staff", """{"userName": "a.b", "displayName": "\u0007", "role": "leader"}""")]
    [InlineData("PUT", "/admin/staff/%F0%9F%92%A9", """{"userName": "a.b", "displayName": "A", "role": "leader"}""")]
    [InlineData("POST", "/admin/staff/not-an-account/disable", """{"reason": ["x"]}""")]
    [InlineData("GET", "/admin/staff?pageSize=1000&role=System", null)]
    public async Task Malformed_staff_account_requests_are_4xx_problems(string method, string path, string? body)
    {
        using var client = factory.As(Api.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Api.Base + path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        await AssertProblem(await client.SendAsync(request), 400, 499);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string path, string body)
    {
        using var client = factory.As("reporter;malformed-1;;ca-mau");
        return await client.PostAsync(new Uri(Api.Base + path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
    }

    private (string Report, string Interaction)? _published;

    private async Task<(string Report, string Interaction)> PublishedWithInteractionAsync()
    {
        if (_published is { } known)
        {
            return known;
        }

        var id = await Api.PublishedAsync(factory);
        var interaction = await Api.Ok(Api.PostAsync(factory, "reporter;asker-1;;ca-mau", $"/reports/{id}/interactions", new { kind = "ClarificationRequest", text = "Khi nào xong?" }));
        _published = (id, interaction.GetProperty("id").GetString()!);
        return _published.Value;
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
