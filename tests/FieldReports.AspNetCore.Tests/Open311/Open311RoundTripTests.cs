using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FieldReports.Moderation;
using FieldReports.Reports;
using FieldReports.Services;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static FieldReports.AspNetCore.Tests.Open311.Open311Client;

namespace FieldReports.AspNetCore.Tests.Open311;

/// <summary>A report filed through Open311, handled through the workflow, read back through Open311; and the api keys (#7).</summary>
public class Open311RoundTripTests(Open311Factory factory) : IClassFixture<Open311Factory>
{
    [Fact]
    public async Task Filed_through_Open311_handled_through_the_native_API_reads_back_closed_with_notes_and_no_personal_data()
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var (status, body, _) = await PostAsync(client, "json", TrafficRequest(key, "Xe tải đỗ chắn lối đi trước cổng trường Tiểu học số 1."));
        Assert.True(status == HttpStatusCode.OK, body);
        var id = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
        Assert.True(ReportId.TryParse(id, out var reportId));

        // The report records the key's channel and the answers.
        var store = factory.Services.GetRequiredService<IReportStore>();
        var filed = (await store.FindAsync(Open311Factory.Province, reportId, default))!;
        Assert.Equal("open311", filed.Channel);
        Assert.Contains("51C-123.45", filed.Content.Description, StringComparison.Ordinal);
        Assert.Contains("Xe tải", filed.Content.Description, StringComparison.Ordinal);
        Assert.Equal("https://img.example.vn/anh/xe-tai.jpg", Assert.Single(filed.Content.AttachmentIds));

        // Handled through the native API, as the centre's and the agency's applications do.
        async Task Apply(string user, string command, object body)
        {
            factory.Clock.Advance(Duration.FromMinutes(30));
            using var staff = factory.CreateClient();
            staff.DefaultRequestHeaders.Add(TestAuthHandler.Header, user);
            using var response = await staff.PostAsJsonAsync(new Uri($"/api/v1/provinces/{Open311Factory.Province}/reports/{id}/{command}", UriKind.Relative), body);
            Assert.True(response.IsSuccessStatusCode, $"{command}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        const string reception = $"reception_staff;reception-1;;{Open311Factory.Province}";
        const string handler = $"handling_staff;handler-1;csgt;{Open311Factory.Province}";
        const string approver = $"approver;approver-1;;{Open311Factory.Province}";
        await Apply(reception, "receive", new { fieldCode = "traffic_safety" });
        await Apply(reception, "assign", new { agencyId = "csgt", instructions = "Xử lý trong ngày" });

        var (_, assigned) = await GetJsonAsync(client, $"requests/{id}.json?{Jurisdiction}&extensions=true");
        var open = assigned[0];
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal("Phòng Cảnh sát giao thông", open.GetProperty("agency_responsible").GetString());
        Assert.Equal("traffic_safety", open.GetProperty("service_code").GetString());
        Assert.EndsWith("+07:00", open.GetProperty("expected_datetime").GetString(), StringComparison.Ordinal);
        Assert.Equal("Assigned", open.GetProperty("extended_attributes").GetProperty("state").GetString());

        await Apply(handler, "acknowledge", new { });
        await Apply(handler, "result", new { result = "Đã lập biên bản và yêu cầu di dời phương tiện." });
        await Apply(approver, "approve", new { remark = "Kết quả đạt yêu cầu" });

        var (okStatus, xml) = await GetXmlAsync(client, $"requests/{id}.xml?{Jurisdiction}&extensions=true");
        Assert.Equal(HttpStatusCode.OK, okStatus);
        var request = Assert.Single(xml.Root!.Elements("request"));
        Assert.Equal("closed", request.Element("status")!.Value);
        Assert.Contains("Đã công khai kết quả", request.Element("status_notes")!.Value, StringComparison.Ordinal);
        Assert.Contains("Đã lập biên bản", request.Element("status_notes")!.Value, StringComparison.Ordinal);
        Assert.Contains("Xe tải", request.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Equal("10.7769", request.Element("lat")!.Value);
        Assert.Equal("https://img.example.vn/anh/xe-tai.jpg", request.Element("media_url")!.Value);
        Assert.Equal("", request.Element("expected_datetime")!.Value);
        var extended = request.Element("extended_attributes")!;
        Assert.Equal("Published", extended.Element("state")!.Value);
        var notes = extended.Element("notes")!.Elements("note").ToList();
        Assert.Equal(["Submitted", "Received", "Assigned", "InHandling", "ResultSubmitted", "Published"], notes.Select(n => n.Element("state")!.Value));
        Assert.Contains(notes, n => n.Element("description")!.Value == "Kết quả đạt yêu cầu");

        // No personal data anywhere, in either format, listed or alone.
        var (_, list) = await GetJsonAsync(client, $"requests.json?{Jurisdiction}&status=closed&service_code=traffic_safety&extensions=true");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        foreach (var text in new[] { xml.ToString(), list.GetRawText() })
        {
            foreach (var personal in new[] { "Nguyễn", "Văn A", "0912345678", "84912345678", "nguoidan@example.vn", "citizen-42", "device-1" })
            {
                Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
            }
        }

        // Filters and the default window.
        var (_, open311Open) = await GetJsonAsync(client, $"requests.json?{Jurisdiction}&status=open");
        Assert.DoesNotContain(open311Open.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var (_, otherService) = await GetJsonAsync(client, $"requests.json?{Jurisdiction}&service_code=environment");
        Assert.Empty(otherService.EnumerateArray());
        var (_, before) = await GetJsonAsync(client, $"requests.json?{Jurisdiction}&end_date=2026-11-22T00:00:00%2B07:00");
        Assert.Empty(before.EnumerateArray());
        var (_, paged) = await GetJsonAsync(client, $"requests.json?{Jurisdiction}&page=2&page_size=1");
        Assert.Empty(paged.EnumerateArray());
    }

    [Fact]
    public async Task A_confidential_request_is_never_shown_beyond_its_status()
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var (status, body, _) = await PostAsync(client, "json", TrafficRequest(key).Append(new("attribute[confidential]", "true")));
        Assert.True(status == HttpStatusCode.OK, body);
        var id = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
        var (_, json) = await GetJsonAsync(client, $"requests/{id}.json?{Jurisdiction}&extensions=true");
        var request = json[0];
        Assert.Equal(JsonValueKind.Null, request.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("address").ValueKind);
        Assert.All(request.GetProperty("extended_attributes").GetProperty("notes").EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("description").ValueKind));
    }

    [Fact]
    public async Task Administrators_issue_list_and_revoke_keys_and_a_revoked_key_cannot_file()
    {
        var (keyId, key) = await factory.IssueKeyAsync();
        Assert.True(key.Length >= 43);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, Open311Factory.Admin);

        var listed = await client.GetFromJsonAsync<JsonElement>(new Uri("/open311/v2/admin/api-keys", UriKind.Relative));
        var entry = Assert.Single(listed.EnumerateArray(), k => k.GetProperty("id").GetString() == keyId);
        Assert.Equal("open311", entry.GetProperty("channel").GetString());
        Assert.DoesNotContain(key, listed.GetRawText(), StringComparison.Ordinal);
        Assert.False(entry.TryGetProperty("keyHash", out _));

        using (var revoke = await client.DeleteAsync(new Uri($"/open311/v2/admin/api-keys/{keyId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        var (status, body, _) = await PostAsync(factory.CreateClient(), "xml", TrafficRequest(key));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Open311ConformanceTests.AssertErrors(body, "xml", 403);

        using var missing = await client.DeleteAsync(new Uri("/open311/v2/admin/api-keys/no-such-key", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Keys_are_stored_as_the_SHA256_of_the_key_only()
    {
        var (keyId, key) = await factory.IssueKeyAsync();
        var stored = await factory.Services.GetRequiredService<IApiKeyStore>().ListAsync(Open311Factory.Province, default);
        var record = Assert.Single(stored, k => k.Id == keyId);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), record.KeyHash);
        Assert.DoesNotContain(stored, k => k.KeyHash == key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Reception;reception-1;;alpha")]
    public async Task Only_administrators_manage_keys(string? user)
    {
        using var client = factory.CreateClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.Header, user);
        }

        using var response = await client.GetAsync(new Uri("/open311/v2/admin/api-keys", UriKind.Relative));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task A_key_for_a_channel_the_province_lacks_is_refused()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, Open311Factory.Admin);
        using var response = await client.PostAsJsonAsync(new Uri("/open311/v2/admin/api-keys", UriKind.Relative), new { channel = "fax" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_key_whose_account_is_locked_cannot_file()
    {
        var (keyId, key) = await factory.IssueKeyAsync();
        var profile = factory.Services.GetRequiredService<FieldReports.Provinces.ProvinceCatalog>().Get(Open311Factory.Province);
        var store = factory.Services.GetRequiredService<IAccountModerationStore>();
        var record = await store.LoadAsync(Open311Factory.Province, $"open311:{keyId}", default);
        var version = record.Version;
        for (var i = 0; i < 3; i++)
        {
            var (result, _) = record.RecordViolation(profile, ViolationKind.AbusiveReport, Actor.Reception("reception-1"), factory.Clock.GetCurrentInstant());
            Assert.True(result.IsSuccess);
        }

        Assert.True(record.IsLocked(factory.Clock.GetCurrentInstant()));
        Assert.True((await store.SaveAsync(Open311Factory.Province, record, version, default)).IsSuccess);

        using var client = factory.CreateClient();
        var (status, body, _) = await PostAsync(client, "json", TrafficRequest(key));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Open311ConformanceTests.AssertErrors(body, "json", 403);
    }
}
