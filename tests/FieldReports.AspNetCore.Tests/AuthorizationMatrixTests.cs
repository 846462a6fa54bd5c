using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.AspNetCore.Tests;

public class AuthorizationMatrixTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Anyone = "anonymous";
    private const string SignedIn = "signed-in";

    private static readonly string[] Reporter = ["reporter"];
    private static readonly string[] Reception = ["reception"];
    private static readonly string[] Approver = ["approver"];
    private static readonly string[] Handling = ["handling"];
    private static readonly string[] Leader = ["leader"];
    private static readonly string[] Admin = ["administrator"];
    private static readonly string[] Staff = ["reception", "approver", "handling", "leader", "administrator"];
    private static readonly string[] Centre = ["reception", "approver", "administrator"];

    // Who may call each endpoint. An endpoint missing here fails the test: every new endpoint must say who may call it.
    private static readonly Dictionary<string, string[]> Matrix = new(StringComparer.Ordinal)
    {
        ["GetCurrentActor"] = [SignedIn],
        ["GetWorkflow"] = [Anyone],
        ["SubmitReport"] = Reporter,
        ["SubmitReportWithMedia"] = Reporter,
        ["ListMyReports"] = Reporter,
        ["ExportMyData"] = Reporter,
        ["EraseMyData"] = Reporter,
        ["WithdrawReport"] = Reporter,
        ["RateReport"] = Reporter,
        ["GetReport"] = [SignedIn],
        ["DownloadAttachment"] = [SignedIn],
        ["GetIntakeQueue"] = Reception,
        ["ReceiveReport"] = Reception,
        ["RejectReport"] = Reception,
        ["AssignReport"] = Reception,
        ["AnswerReportDirectly"] = Reception,
        ["RedistributeReport"] = Reception,
        ["EscalateReport"] = Reception,
        ["ResumeReport"] = Reception,
        ["ApproveResult"] = Approver,
        ["ReplyPrivately"] = Approver,
        ["SendBackResult"] = Approver,
        ["CloseReport"] = Centre,
        ["GetAgencyQueue"] = Handling,
        ["AcknowledgeReport"] = Handling,
        ["ReturnReport"] = Handling,
        ["SubmitResult"] = Handling,
        ["UploadEvidence"] = Handling,
        ["AnswerFollowUp"] = Staff,
        ["GetStatistics"] = Leader,
        ["ExportStatisticsCsv"] = Leader,
        ["ExportStatisticsXlsx"] = Leader,
        ["GetProvinceProfile"] = Admin,
        ["GiveIdentityConsent"] = Reporter,
        ["WithdrawIdentityConsent"] = Reporter,
        ["ListIdentityConsents"] = ["reporter", "reception", "approver", "administrator"],
        ["PostInteraction"] = Reporter,
        ["AnswerInteraction"] = Staff,
        ["ListInteractions"] = [SignedIn],
        ["GetAccountModeration"] = Admin,
        ["RecordViolation"] = Centre,
        ["LockAccount"] = Admin,
        ["UnlockAccount"] = Admin,
        ["BanInteraction"] = Admin,
        ["UnbanInteraction"] = Admin,
        ["ListModerationDecisions"] = Admin,
        ["GetCatalogue"] = Admin,
        ["ReplaceCatalogue"] = Admin,
        ["ListCatalogueVersions"] = Admin,
        ["ListStaffAccounts"] = Admin, ["GetStaffAccount"] = Admin, ["CreateStaffAccount"] = Admin,
        ["UpdateStaffAccount"] = Admin, ["DisableStaffAccount"] = Admin, ["EnableStaffAccount"] = Admin,
        ["ListPublishedReports"] = [Anyone],
        ["ListPublishedInteractions"] = [Anyone],
        ["GetPublishedReport"] = [Anyone],
        ["DownloadPublishedAttachment"] = [Anyone],
    };

    private static readonly Dictionary<string, string> Users = new(StringComparer.Ordinal)
    {
        ["reporter"] = Api.Citizen,
        ["reception"] = Api.Reception,
        ["approver"] = Api.Approver,
        ["handling"] = Api.Handler,
        ["leader"] = Api.Leader,
        ["administrator"] = Api.Admin,
    };

    [Fact]
    public void Every_endpoint_has_an_entry_in_the_matrix()
    {
        var names = Endpoints().Select(e => e.Name).ToList();

        Assert.All(names, n => Assert.True(Matrix.ContainsKey(n), $"Endpoint {n} has no entry in the authorization matrix."));
        Assert.All(Matrix.Keys, k => Assert.Contains(k, names));
    }

    [Fact]
    public async Task Every_role_gets_what_the_matrix_says_on_every_endpoint()
    {
        var id = await Api.SubmitAsync(factory);
        var failures = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var allowed = Matrix[endpoint.Name];
            var anonymous = await SendAsync(endpoint, null, id);
            Check(failures, endpoint, Anyone, anonymous, allowed.Contains(Anyone) ? null : HttpStatusCode.Unauthorized);

            foreach (var (role, user) in Users)
            {
                var status = await SendAsync(endpoint, user, id);
                var may = allowed.Contains(Anyone) || allowed.Contains(SignedIn) || allowed.Contains(role);
                Check(failures, endpoint, role, status, may ? null : HttpStatusCode.Forbidden);
            }

            if (endpoint.Route.Contains("{provinceId}", StringComparison.Ordinal))
            {
                // Staff of another province: denied by role (403) or, when the role fits, as if the province did not exist (404).
                var status = await SendAsync(endpoint, Api.OtherProvinceReception, id);
                var roleFits = allowed.Contains(Anyone) || allowed.Contains(SignedIn) || allowed.Contains("reception");
                Check(failures, endpoint, "other-province reception", status, roleFits ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Other_agency_and_other_citizen_get_404_on_the_report_endpoints_of_their_role()
    {
        var id = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/receive", new { fieldCode = "traffic" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/assign", new { agencyId = "so-gtvt" }));
        var failures = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.Route.Contains("{id", StringComparison.Ordinal) && e.Method is "POST" or "DELETE"))
        {
            var allowed = Matrix[endpoint.Name];
            if (allowed.Contains("handling"))
            {
                Check(failures, endpoint, "other agency", await SendAsync(endpoint, Api.OtherAgency, id), HttpStatusCode.NotFound);
            }

            if (allowed.Contains("reporter"))
            {
                Check(failures, endpoint, "other citizen", await SendAsync(endpoint, Api.OtherCitizen, id), HttpStatusCode.NotFound);
            }
        }

        // Reads: another citizen never learns an unpublished report exists; another agency never reads a report not assigned to it.
        foreach (var name in new[] { "GetReport", "ListInteractions", "ListIdentityConsents" })
        {
            var read = Endpoints().Single(e => e.Name == name);
            Check(failures, read, "other citizen", await SendAsync(read, Api.OtherCitizen, id), HttpStatusCode.NotFound);
            if (Matrix[name].Contains(SignedIn) || Matrix[name].Contains("handling"))
            {
                Check(failures, read, "other agency", await SendAsync(read, Api.OtherAgency, id), HttpStatusCode.NotFound);
            }
        }

        var own = await Api.PostAsync(factory, Api.Handler, $"/reports/{id}/acknowledge", new { });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static void Check(List<string> failures, EndpointInfo endpoint, string who, HttpStatusCode actual, HttpStatusCode? expected)
    {
        if ((int)actual >= 500)
        {
            failures.Add($"{endpoint.Name} as {who}: {(int)actual}");
        }
        else if (expected is { } e && actual != e)
        {
            failures.Add($"{endpoint.Name} as {who}: expected {(int)e}, got {(int)actual}");
        }
        else if (expected is null && actual is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            failures.Add($"{endpoint.Name} as {who}: expected access, got {(int)actual}");
        }
    }

    private async Task<HttpStatusCode> SendAsync(EndpointInfo endpoint, string? user, string id)
    {
        using var client = factory.As(user);
        var path = endpoint.Route.Replace("{provinceId}", "ca-mau", StringComparison.Ordinal).Replace("{id:guid}", id, StringComparison.Ordinal).Replace("{attachmentId}", "none", StringComparison.Ordinal)
            .Replace("{interactionId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path, UriKind.Relative));
        if (endpoint.Method is "POST")
        {
            request.Content = endpoint.Name is "SubmitReportWithMedia" or "UploadEvidence" ? Api.Multipart(Api.ReportJson()) : JsonContent.Create(new { });
        }

        var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private List<EndpointInfo> Endpoints() =>
    [
        .. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .Select(e => new EndpointInfo(
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.RoutePattern.RawText!,
                e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Single() ?? "GET")),
    ];

    private sealed record EndpointInfo(string Name, string Route, string Method);
}
