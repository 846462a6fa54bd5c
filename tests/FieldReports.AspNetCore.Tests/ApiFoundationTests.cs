using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FieldReports.AspNetCore.Tests;

public class ApiFoundationTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Workflow_is_public_and_lists_every_transition_with_its_roles()
    {
        using var client = factory.CreateClient();

        var transitions = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/workflow");

        Assert.NotNull(transitions);
        Assert.Equal(FieldReports.Reports.ReportWorkflow.All.Count, transitions.Length);
        var approve = transitions.Single(t => t.GetProperty("trigger").GetString() == "Approve");
        Assert.Equal("Published", approve.GetProperty("to").GetString());
        Assert.Equal(["Approver"], approve.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["report is not confidential"], approve.GetProperty("conditions").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Me_maps_the_principals_claims_to_role_account_and_agency()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, "handling_staff;user-17;agency-roads;hue");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal("HandlingStaff", me.GetProperty("role").GetString());
        Assert.Equal("user-17", me.GetProperty("accountId").GetString());
        Assert.Equal("agency-roads", me.GetProperty("agencyId").GetString());
        Assert.Equal("hue", me.GetProperty("provinceId").GetString());
    }

    [Fact]
    public async Task Me_without_sign_in_is_401()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("wizard;user-1")]
    [InlineData("system;user-1")]
    [InlineData("1;user-1")]
    [InlineData("handling_staff;user-1")]
    public async Task Me_with_an_unusable_role_is_a_403_problem_with_a_code(string user)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, user);

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ErrorCodes.NoRole, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unknown_api_route_is_a_404_problem()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync(new Uri("/api/v1/nothing-here", UriKind.Relative), new StringContent("{", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
