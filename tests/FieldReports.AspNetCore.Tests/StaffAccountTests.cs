using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FieldReports.Reports;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FieldReports.AspNetCore.Tests;

/// <summary>Administrators manage staff accounts through admin/staff; the directory is read on every request.</summary>
public class StaffAccountTests(StaffApiFactory factory) : IClassFixture<StaffApiFactory>
{
    private const string Staff = "/admin/staff";
    private const string HueAdmin = "administrator;adm-9;;hue";

    [Fact]
    public async Task Administrator_creates_reads_lists_and_edits_a_staff_account_with_ETag_and_If_Match()
    {
        const string password = "Kh0ng-Ai-Biet#Canary";
        var created = await Api.PostAsync(factory, Api.Admin, Staff, new { userName = "canbo.moi", displayName = "Nguyễn Văn Mới", role = "handling_staff", agencyId = "so-gtvt", password });
        var createdText = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain(password, createdText, StringComparison.Ordinal);
        var account = JsonDocument.Parse(createdText).RootElement;
        var id = account.GetProperty("id").GetString()!;
        Assert.Equal("HandlingStaff", account.GetProperty("role").GetString());
        Assert.Equal("so-gtvt", account.GetProperty("agencyId").GetString());
        Assert.False(account.GetProperty("disabled").GetBoolean());
        Assert.Equal(account.GetProperty("eTag").GetString(), created.Headers.ETag!.ToString());
        Assert.EndsWith($"staff/{id}", created.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(factory.Directory.HasPassword(id, password));
        Assert.DoesNotContain(factory.Logs, line => line.Contains(password, StringComparison.Ordinal));

        var read = await Api.GetAsync(factory, Api.Admin, $"{Staff}/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag!.ToString();
        Assert.DoesNotContain(password, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var filtered = await Api.Ok(Api.GetAsync(factory, Api.Admin, $"{Staff}?role=HandlingStaff&agencyId=so-gtvt"));
        var ids = filtered.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains(id, ids);
        Assert.Contains("h-1", ids);
        Assert.DoesNotContain("h-2", ids);
        Assert.DoesNotContain("rec-1", ids);

        // Keyset paging walks every account of the province once, and none of another province.
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.Ok(Api.GetAsync(factory, Api.Admin, $"{Staff}?pageSize=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))));
            var items = page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Contains(id, seen);
        Assert.Contains("adm-1", seen);
        Assert.DoesNotContain("adm-9", seen);

        var changes = new { displayName = "Nguyễn Văn Mới", role = "HandlingStaff", agencyId = "so-tnmt" };
        var without = await PutAsync(Api.Admin, $"{Staff}/{id}", changes, ifMatch: null);
        await AssertProblem(without, HttpStatusCode.PreconditionRequired, "accounts.precondition_required");

        var updated = await PutAsync(Api.Admin, $"{Staff}/{id}", changes, etag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.ToString());
        Assert.Equal("so-tnmt", (await factory.Directory.FindAsync(id, default))!.AgencyId);

        var stale = await PutAsync(Api.Admin, $"{Staff}/{id}", changes with { }, etag);
        await AssertProblem(stale, HttpStatusCode.PreconditionFailed, "accounts.version_mismatch");
    }

    public static TheoryData<string, int, string> RefusedAccounts => new()
    {
        { """{"userName":"x.reporter","displayName":"A","role":"reporter"}""", 400, "accounts.role_invalid" },
        { """{"userName":"x.system","displayName":"A","role":"System"}""", 400, "accounts.role_invalid" },
        { """{"userName":"x.wizard","displayName":"A","role":"wizard"}""", 400, "accounts.role_invalid" },
        { """{"userName":"x.number","displayName":"A","role":"5"}""", 400, "accounts.role_invalid" },
        { """{"userName":"x.noagency","displayName":"A","role":"handling_staff"}""", 400, "accounts.agency_required" },
        { """{"userName":"x.badagency","displayName":"A","role":"handling_staff","agencyId":"so-khong-co"}""", 400, "accounts.agency_unknown" },
        { """{"userName":"x.hueagency","displayName":"A","role":"handling_staff","agencyId":"agency-roads"}""", 400, "accounts.agency_unknown" },
        { """{"userName":"x.leader","displayName":"A","role":"leader","agencyId":"so-gtvt"}""", 400, "accounts.agency_not_allowed" },
        { """{"userName":"x.noname","displayName":" ","role":"leader"}""", 400, "validation.required" },
        { """{"displayName":"A","role":"leader"}""", 400, "validation.required" },
        { """{"userName":"REC-1","displayName":"A","role":"leader"}""", 409, "accounts.user_name_taken" },
    };

    [Theory]
    [MemberData(nameof(RefusedAccounts))]
    public async Task A_refused_account_has_its_rule_s_code_and_nothing_is_created(string body, int status, string code)
    {
        var before = await CountAsync();

        var response = await SendRawAsync(Api.Admin, HttpMethod.Post, Staff, body);

        await AssertProblem(response, (HttpStatusCode)status, code);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_demoted_and_nobody_disables_themselves()
    {
        using var hue = factory.As(HueAdmin);
        var own = await hue.GetAsync(new Uri("/api/v1/provinces/hue/admin/staff/adm-9", UriKind.Relative));
        var demote = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/v1/provinces/hue/admin/staff/adm-9", UriKind.Relative))
        {
            Content = JsonContent.Create(new { displayName = "Quản trị Huế", role = "leader" }),
        };
        demote.Headers.IfMatch.Add(own.Headers.ETag!);
        await AssertProblem(await hue.SendAsync(demote), HttpStatusCode.Conflict, "accounts.last_administrator");
        Assert.Equal(ActorRole.Administrator, (await factory.Directory.FindAsync("adm-9", default))!.Role);

        await AssertProblem(await Api.PostAsync(factory, Api.Admin, $"{Staff}/adm-1/disable", new { reason = "Thử" }), HttpStatusCode.UnprocessableEntity, "accounts.cannot_disable_self");
        await AssertProblem(await Api.PostAsync(factory, Api.Admin, $"{Staff}/adm-2/disable", new { reason = " " }), HttpStatusCode.BadRequest, "validation.required");
        Assert.False((await factory.Directory.FindAsync("adm-1", default))!.IsDisabled);
        Assert.False((await factory.Directory.FindAsync("adm-2", default))!.IsDisabled);
    }

    [Fact]
    public async Task A_reassignment_and_a_disabled_account_take_effect_on_the_very_next_request()
    {
        factory.Directory.Seed("h-mv", "ca-mau", ActorRole.HandlingStaff, "so-gtvt");

        // The sign-in's claims keep saying so-gtvt throughout: the directory, not the token, decides.
        const string mover = "handling_staff;h-mv;so-gtvt;ca-mau";
        var id = await Api.SubmitAsync(factory);
        await Api.AssignAsync(factory, id);
        Assert.Contains(id, await QueueAsync(mover));
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(factory, mover, $"/reports/{id}")).StatusCode);

        var etag = (await Api.GetAsync(factory, Api.Admin, $"{Staff}/h-mv")).Headers.ETag!.ToString();
        var moved = await PutAsync(Api.Admin, $"{Staff}/h-mv", new { displayName = "Cán bộ luân chuyển", role = "handling_staff", agencyId = "so-tnmt" }, etag);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var me = await Api.Ok(MeAsync(mover));
        Assert.Equal("so-tnmt", me.GetProperty("agencyId").GetString());
        Assert.DoesNotContain(id, await QueueAsync(mover));
        await AssertProblem(await Api.GetAsync(factory, mover, $"/reports/{id}"), HttpStatusCode.NotFound, "report.not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(factory, mover, $"/reports/{id}/acknowledge", new { })).StatusCode);
        var other = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{other}/receive", new { fieldCode = "traffic" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{other}/assign", new { agencyId = "so-tnmt" }));
        Assert.Contains(other, await QueueAsync(mover));

        var disabled = await Api.Ok(Api.PostAsync(factory, Api.Admin, $"{Staff}/h-mv/disable", new { reason = "Nghỉ việc từ 23/11" }));
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.Equal("adm-1: Nghỉ việc từ 23/11", factory.Directory.Reasons["h-mv"]);
        // The audit line names the account, the change and the administrator; the reason stays with the directory.
        Assert.Contains(factory.Logs, l => l.Contains("Staff account h-mv of province ca-mau disabled (HandlingStaff) by administrator adm-1", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, l => l.Contains("Nghỉ việc từ 23/11", StringComparison.Ordinal));
        await AssertProblem(await MeAsync(mover), HttpStatusCode.Forbidden, "auth.no_role");
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(factory, mover, "/agency-queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(factory, mover, $"/reports/{other}/acknowledge", new { })).StatusCode);

        var enabled = await Api.Ok(Api.PostAsync(factory, Api.Admin, $"{Staff}/h-mv/enable", new { reason = "Quay lại làm việc" }));
        Assert.False(enabled.GetProperty("disabled").GetBoolean());
        Assert.Contains(other, await QueueAsync(mover));

        factory.Directory.Delete("h-mv");
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(factory, mover, "/agency-queue")).StatusCode);
    }

    [Fact]
    public async Task Claims_that_promote_an_account_beyond_its_directory_role_are_not_trusted()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(factory, "administrator;lead-1;;ca-mau", Staff)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(factory, "administrator;nobody-1;;ca-mau", Staff)).StatusCode);
        Assert.Equal("Leader", (await Api.Ok(MeAsync("administrator;lead-1;;ca-mau"))).GetProperty("role").GetString());
    }

    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", Staff },
        { "GET", $"{Staff}/h-1" },
        { "POST", Staff },
        { "PUT", $"{Staff}/h-1" },
        { "POST", $"{Staff}/h-1/disable" },
        { "POST", $"{Staff}/h-1/enable" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Only_the_province_s_administrators_reach_the_staff_endpoints(string method, string path)
    {
        var version = (await factory.Directory.FindAsync("h-1", default))!.Version;
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendRawAsync(null, new HttpMethod(method), path, "{}")).StatusCode);
        foreach (var user in new[] { Api.Citizen, Api.Reception, Api.Approver, Api.Handler, Api.Leader, Api.OtherProvinceReception })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await SendRawAsync(user, new HttpMethod(method), path, "{}")).StatusCode);
        }

        // An administrator of another province: as if the province's data did not exist.
        await AssertProblem(await SendRawAsync(HueAdmin, new HttpMethod(method), path, "{}"), HttpStatusCode.NotFound, "province.unknown");
        Assert.Equal(version, (await factory.Directory.FindAsync("h-1", default))!.Version);
    }

    [Fact]
    public async Task Another_province_s_account_is_not_found_from_this_province()
    {
        await AssertProblem(await Api.GetAsync(factory, Api.Admin, $"{Staff}/adm-9"), HttpStatusCode.NotFound, "accounts.not_found");
        await AssertProblem(await Api.PostAsync(factory, Api.Admin, $"{Staff}/rec-9/disable", new { reason = "x" }), HttpStatusCode.NotFound, "accounts.not_found");
        Assert.False((await factory.Directory.FindAsync("rec-9", default))!.IsDisabled);
    }

    public static TheoryData<string, string, string?> MalformedRequests => new()
    {
        { "POST", Staff, """{"userName": 42, "role": "leader"}""" },
        { "POST", Staff, "[]" },
        { "POST", Staff, """{"userName": "x""" },
        { "POST", Staff, JsonSerializer.Serialize(new { userName = new string('u', 10_000), displayName = "A", role = "leader" }) },
        { "POST", Staff, JsonSerializer.Serialize(new { userName = "x.long", displayName = new string('d', 100_000), role = "leader" }) },
        { "POST", Staff, JsonSerializer.Serialize(new { userName = "x.pass", displayName = "A", role = "leader", password = new string('p', 50_000) }) },
        { "POST", Staff, """{"userName": "x.bell", "displayName": "A\u0007", "role": "leader"}""" },
        { "POST", Staff, """{"userName": "x.surrogate", "displayName": "\ud800", "role": "leader"}""" },
        { "POST", Staff, JsonSerializer.Serialize(new { userName = "x.role", displayName = "A", role = new string('r', 5000) }) },
        { "GET", $"{Staff}/{new string('a', 600)}", null },
        { "GET", $"{Staff}/%F0%9F%92%A9", null },
        { "GET", $"{Staff}?pageSize=0", null },
        { "GET", $"{Staff}?pageSize=many", null },
        { "GET", $"{Staff}?cursor=%00%FF", null },
        { "GET", $"{Staff}?role=wizard", null },
        { "GET", $"{Staff}?agencyId={new string('a', 500)}", null },
        { "PUT", $"{Staff}/h-1", """{"role": 7, "displayName": "A"}""" },
        { "PUT", $"{Staff}/h-1", """{"role": "HandlingStaff", "displayName": "A", "agencyId": "so-gtvt", "extra": [}""" },
        { "PUT", $"{Staff}/h-1", JsonSerializer.Serialize(new { role = "Reporter", displayName = "A" }) },
        { "POST", $"{Staff}/h-1/disable", """{"reason": 5}""" },
        { "POST", $"{Staff}/h-1/disable", JsonSerializer.Serialize(new { reason = new string('r', 20_000) }) },
        { "POST", $"{Staff}/{new string('a', 600)}/enable", """{"reason": "x"}""" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task Malformed_input_is_a_4xx_problem_and_changes_nothing(string method, string path, string? body)
    {
        var before = await CountAsync();
        var version = (await factory.Directory.FindAsync("h-1", default))!.Version;

        var response = await SendRawAsync(Api.Admin, new HttpMethod(method), path, body, ifMatch: "*");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(text).RootElement.TryGetProperty("code", out _), text);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(version, (await factory.Directory.FindAsync("h-1", default))!.Version);
    }

    [Fact]
    public async Task Without_a_directory_every_staff_endpoint_answers_501_with_its_code()
    {
        await using var plain = new ApiFactory();
        await using var host = plain.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.RemoveAll<Accounts.IStaffDirectory>()));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, Api.Admin);
        foreach (var (method, path) in new[] { ("GET", Staff), ("GET", $"{Staff}/h-1"), ("POST", Staff), ("PUT", $"{Staff}/h-1"), ("POST", $"{Staff}/h-1/disable"), ("POST", $"{Staff}/h-1/enable") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Api.Base + path, UriKind.Relative))
            {
                Content = method == "GET" ? null : JsonContent.Create(new { userName = "a.b", displayName = "A", role = "leader", reason = "x" }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            await AssertProblem(await client.SendAsync(request), HttpStatusCode.NotImplemented, "accounts.directory_unavailable");
        }
    }

    private async Task<List<string?>> QueueAsync(string user)
    {
        var queue = await Api.Ok(Api.GetAsync(factory, user, "/agency-queue"));
        return [.. queue.EnumerateArray().Select(r => r.GetProperty("id").GetString())];
    }

    private async Task<HttpResponseMessage> MeAsync(string user)
    {
        using var client = factory.As(user);
        return await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
    }

    private async Task<int> CountAsync() => (await factory.Directory.ListAsync("ca-mau", null, null, null, 100, default)).Items.Count;

    private async Task<HttpResponseMessage> PutAsync(string user, string path, object body, string? ifMatch)
    {
        using var client = factory.As(user);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Api.Base + path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendRawAsync(string? user, HttpMethod method, string path, string? body, string? ifMatch = null)
    {
        using var client = factory.As(user);
        using var request = new HttpRequestMessage(method, new Uri(Api.Base + path, UriKind.Relative));
        if (body is not null && method != HttpMethod.Get)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }
}
