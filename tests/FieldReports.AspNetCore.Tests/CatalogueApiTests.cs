using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FieldReports.Provinces;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.AspNetCore.Tests;

/// <summary>Administrators edit a province's fields and agency tree at run time (#5, #6). Each test has its own host and database.</summary>
public class CatalogueApiTests
{
    private const string Path = Api.Base + "/admin/catalogue";

    [Fact]
    public async Task Edit_adds_a_field_and_an_agency_and_the_next_report_is_received_and_assigned_by_the_new_tree_6()
    {
        using var factory = new ApiFactory();
        using var admin = factory.As(Api.Admin);
        var (catalogue, etag) = await ReadAsync(admin);
        Assert.Equal("\"0\"", etag);
        Assert.Equal(0, (int)catalogue["version"]!);
        var id = await Api.SubmitAsync(factory);
        var before = await Api.PostAsync(factory, Api.Reception, $"/reports/{id}/receive", new { fieldCode = "flooding" });
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Equal(ErrorCodes.FieldUnknown, await CodeOf(before));

        AddFloodingAndWard(catalogue);
        using var put = await PutAsync(admin, catalogue, etag);

        var saved = await Api.Ok(Task.FromResult(put));
        Assert.Equal("\"1\"", put.Headers.ETag?.Tag);
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        Assert.Equal("adm-1", saved.GetProperty("savedBy").GetString());
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/receive", new { fieldCode = "flooding" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/assign", new { agencyId = "ubnd-p2" }));
        var queue = await Api.Ok(Api.GetAsync(factory, "handling_staff;h-p2;ubnd-p2;ca-mau", "/agency-queue"));
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        var profile = await Api.Ok(Api.GetAsync(factory, Api.Admin, "/profile"));
        Assert.Contains(profile.GetProperty("fields").EnumerateArray(), f => f.GetString() == "flooding");
        Assert.Contains(profile.GetProperty("agencies").EnumerateArray(), a => a.GetString() == "ubnd-p2");
        var (reread, rereadTag) = await ReadAsync(admin);
        Assert.Equal("\"1\"", rereadTag);
        var flooding = reread["fields"]!.AsArray().Single(f => (string?)f!["code"] == "flooding")!;
        Assert.Equal("Độ sâu nước (cm)?", (string?)flooding["questions"]![0]);
        var versions = await Api.Ok(Api.GetAsync(factory, Api.Admin, "/admin/catalogue/versions"));
        var version = Assert.Single(versions.EnumerateArray());
        Assert.Equal(1, version.GetProperty("version").GetInt32());
        Assert.Equal("adm-1", version.GetProperty("savedBy").GetString());
    }

    [Fact]
    public async Task Invalid_edit_gets_400_listing_every_problem_and_changes_nothing_6()
    {
        using var factory = new ApiFactory();
        using var admin = factory.As(Api.Admin);
        var (catalogue, etag) = await ReadAsync(admin);
        var agencies = catalogue["agencies"]!.AsArray();
        agencies.Remove(agencies.Single(a => (string?)a!["id"] == "so-gtvt"));
        agencies.Add(new JsonObject { ["id"] = "loop-a", ["name"] = "A", ["parent"] = "loop-b" });
        agencies.Add(new JsonObject { ["id"] = "loop-b", ["name"] = "B", ["parent"] = "loop-a" });
        agencies.Add(new JsonObject { ["id"] = "orphan", ["name"] = "Mồ côi", ["parent"] = "nowhere" });
        catalogue["fields"]!.AsArray().Add(new JsonObject { ["code"] = "traffic", ["nameVi"] = "Giao thông (trùng)" });

        using var response = await PutAsync(admin, catalogue, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ErrorCodes.CatalogueInvalid, problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));
        Assert.Contains("Routing:Rules:3:Agency", errors.Keys);
        Assert.Contains("so-gtvt", errors["Routing:Rules:3:Agency"], StringComparison.Ordinal);
        Assert.Contains("Fields:3:Code", errors.Keys);
        Assert.Contains("cycle", errors["Agencies"], StringComparison.Ordinal);
        Assert.Contains(errors, e => e.Key.EndsWith(":Parent", StringComparison.Ordinal) && e.Value.Contains("'nowhere'", StringComparison.Ordinal));

        var (after, afterTag) = await ReadAsync(admin);
        Assert.Equal("\"0\"", afterTag);
        Assert.Contains(after["agencies"]!.AsArray(), a => (string?)a!["id"] == "so-gtvt");
        Assert.DoesNotContain(after["agencies"]!.AsArray(), a => (string?)a!["id"] == "orphan");
        Assert.Empty((await Api.Ok(Api.GetAsync(factory, Api.Admin, "/admin/catalogue/versions"))).EnumerateArray());
        var id = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/receive", new { fieldCode = "traffic" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/assign", new { agencyId = "so-gtvt" }));
    }

    [Fact]
    public async Task Malformed_catalogue_gets_400_per_member_and_changes_nothing_6()
    {
        using var factory = new ApiFactory();
        using var admin = factory.As(Api.Admin);
        var (catalogue, etag) = await ReadAsync(admin);
        catalogue["agencies"]![0]!["kind"] = "Castle";
        catalogue["fields"]![0]!["nameVi"] = new string('x', 5000);
        catalogue["fields"]![1]!["code"] = "bad\u0001code";

        using var response = await PutAsync(admin, catalogue, etag);
        using var noLists = await PutAsync(admin, new JsonObject(), etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Agencies:0:Kind", out _));
        Assert.True(errors.TryGetProperty("Fields:0:NameVi", out _));
        Assert.True(errors.TryGetProperty("Fields:1:Code", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noLists.StatusCode);
        Assert.Equal(ErrorCodes.CatalogueInvalid, await CodeOf(noLists));
        Assert.Equal("\"0\"", (await ReadAsync(admin)).ETag);
    }

    [Fact]
    public async Task Removing_an_agency_that_open_reports_are_assigned_to_is_refused_6()
    {
        using var factory = new ApiFactory();
        using var admin = factory.As(Api.Admin);
        var (catalogue, etag) = await ReadAsync(admin);
        AddFloodingAndWard(catalogue);
        using var added = await PutAsync(admin, catalogue, etag);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var id = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/receive", new { fieldCode = "flooding" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/assign", new { agencyId = "ubnd-p2" }));

        var (current, currentTag) = await ReadAsync(admin);
        var agencies = current["agencies"]!.AsArray();
        agencies.Remove(agencies.Single(a => (string?)a!["id"] == "ubnd-p2"));
        var fields = current["fields"]!.AsArray();
        fields.Remove(fields.Single(f => (string?)f!["code"] == "flooding"));
        using var removed = await PutAsync(admin, current, currentTag);

        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
        var errors = JsonDocument.Parse(await removed.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("'ubnd-p2' is removed, but 1 open report(s)", errors.GetProperty("Agencies")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'flooding' is removed, but 1 open report(s)", errors.GetProperty("Fields")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("\"1\"", (await ReadAsync(admin)).ETag);
    }

    [Fact]
    public async Task Missing_or_stale_If_Match_is_refused_and_of_two_concurrent_edits_one_wins_6()
    {
        using var factory = new ApiFactory();
        using var admin = factory.As(Api.Admin);
        var (catalogue, etag) = await ReadAsync(admin);
        var other = catalogue.DeepClone().AsObject();
        AddFloodingAndWard(catalogue);
        other["fields"]!.AsArray().Add(new JsonObject { ["code"] = "lighting", ["nameVi"] = "Chiếu sáng công cộng" });

        using var unconditional = await PutAsync(admin, catalogue, null);
        Assert.Equal((HttpStatusCode)428, unconditional.StatusCode);
        Assert.Equal(ErrorCodes.CataloguePreconditionRequired, await CodeOf(unconditional));

        using var second = factory.As(Api.Admin);
        var race = await Task.WhenAll(PutAsync(admin, catalogue, etag), PutAsync(second, other, etag));
        Assert.Single(race, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(race, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        Assert.Equal(ErrorCodes.CatalogueVersionMismatch, await CodeOf(loser));

        using var stale = await PutAsync(admin, other, etag);
        using var weak = await PutAsync(admin, other, "W/\"1\"");
        using var any = await PutAsync(admin, other, "*");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(ErrorCodes.CatalogueVersionMismatch, await CodeOf(stale));
        Assert.Equal(HttpStatusCode.PreconditionFailed, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, any.StatusCode);
        Assert.Equal("\"2\"", any.Headers.ETag?.Tag);
        Assert.Equal([1, 2], (await Api.Ok(Api.GetAsync(factory, Api.Admin, "/admin/catalogue/versions"))).EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Edit_survives_a_restart_and_reaches_a_running_instance_by_its_periodic_refresh_6()
    {
        using var factory = new ApiFactory();
        using var admin = factory.As(Api.Admin);
        var (catalogue, etag) = await ReadAsync(admin);
        AddFloodingAndWard(catalogue);
        using var first = await PutAsync(admin, catalogue, etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // A second host on the same database: a restart, or another instance behind the load balancer.
        using var restarted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<FieldReportsAspNetCoreOptions>(o => o.CatalogueRefreshInterval = TimeSpan.FromMilliseconds(100))));
        var catalog = restarted.Services.GetRequiredService<ProvinceCatalog>();
        Assert.Equal(1, catalog.Get("ca-mau").Catalogue.Version);
        Assert.NotNull(catalog.Get("ca-mau").Agencies.Find("ubnd-p2"));
        Assert.True(catalog.Get("ca-mau").Fields.ContainsKey("flooding"));

        // An edit on the first instance reaches the second without any request to it.
        var (current, currentTag) = await ReadAsync(admin);
        current["fields"]!.AsArray().Add(new JsonObject { ["code"] = "lighting", ["nameVi"] = "Chiếu sáng công cộng" });
        using var second = await PutAsync(admin, current, currentTag);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        for (var i = 0; i < 300 && catalog.Get("ca-mau").Catalogue.Version < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, catalog.Get("ca-mau").Catalogue.Version);
        Assert.True(catalog.Get("ca-mau").Fields.ContainsKey("lighting"));
    }

    private static void AddFloodingAndWard(JsonObject catalogue)
    {
        catalogue["fields"]!.AsArray().Add(new JsonObject
        {
            ["code"] = "flooding",
            ["nameVi"] = "Ngập úng đô thị",
            ["nameEn"] = "Urban flooding",
            ["questions"] = new JsonArray("Độ sâu nước (cm)?"),
        });
        catalogue["agencies"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "ubnd-p2",
            ["name"] = "UBND Phường 2",
            ["parent"] = "ubnd-tp",
            ["kind"] = "Commune",
            ["fields"] = new JsonArray("flooding"),
        });
    }

    private static async Task<(JsonObject Catalogue, string ETag)> ReadAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync(new Uri(Path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return (JsonNode.Parse(body)!.AsObject(), response.Headers.ETag!.Tag);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient admin, JsonObject catalogue, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Path, UriKind.Relative)) { Content = JsonContent.Create(catalogue) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await admin.SendAsync(request);
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
}
