using FieldReports.AspNetCore;
using FieldReports.AspNetCore.Open311;
using FieldReports.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Open311 GeoReport v2 endpoint.</summary>
public static class Open311EndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every method of GeoReport v2 under <paramref name="prefix"/>, each in XML and JSON by its suffix
    /// (<c>discovery</c>, <c>services</c>, <c>services/{service_code}</c>, <c>requests</c> GET and POST,
    /// <c>requests/{service_request_id}</c>, <c>tokens/{token}</c>), and the province administrators' api-key management
    /// (<c>admin/api-keys</c>: issue, list, revoke; policy <see cref="FieldReportsPolicies.Administrator"/>).
    /// </summary>
    /// <remarks>
    /// Reports are filed through <see cref="FieldReports.Services.ReportService"/>, so the province's intake rules, account
    /// locks, SLA deadline and outbox apply; every read goes through the province's confidentiality policy as the public sees
    /// it, with the report's confidentiality marks when an <see cref="IReportConfidentialityStore"/> is registered. Requires
    /// <c>AddFieldReports</c> with a report store; uses the registered <see cref="IApiKeyStore"/> (see <c>AddOpen311</c>), or
    /// an in-memory one when none is registered; accounts are checked for locks in the registered
    /// <see cref="IAccountModerationStore"/>, when there is one.
    /// </remarks>
    /// <param name="endpoints">The application's route builder.</param>
    /// <param name="prefix">The route prefix; include the version. Default <c>/open311/v2</c>.</param>
    /// <returns>The route group, to add conventions (rate limiting, CORS) to every Open311 endpoint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty.</exception>
    public static RouteGroupBuilder MapOpen311(this IEndpointRouteBuilder endpoints, string prefix = "/open311/v2")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var services = endpoints.ServiceProvider;
        var handlers = new Open311Endpoints(services.GetService<IApiKeyStore>() ?? new InMemoryApiKeyStore());

        // GeoReport v2 is described by its own specification; the OpenAPI document stays the native API's.
        var group = endpoints.MapGroup(prefix).WithTags("Open311").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/discovery.{format}", Open311Endpoints.Discovery).WithName("Open311Discovery").WithSummary("GeoReport v2 service discovery.");
        group.MapGet("/services.{format}", Open311Endpoints.ServiceList).WithName("Open311ServiceList").WithSummary("GeoReport v2 service list: the province's fields.");
        group.MapGet("/services/{service_code}.{format}", Open311Endpoints.ServiceDefinition).WithName("Open311ServiceDefinition").WithSummary("GeoReport v2 service definition: a field's attributes.");
        group.MapPost("/requests.{format}", handlers.PostRequest).WithName("Open311PostRequest").WithSummary("GeoReport v2 POST service request (api_key required).").DisableAntiforgery();
        group.MapGet("/requests.{format}", Open311Endpoints.GetRequests).WithName("Open311GetRequests").WithSummary("GeoReport v2 GET service requests.");
        group.MapGet("/requests/{service_request_id}.{format}", Open311Endpoints.GetRequest).WithName("Open311GetRequest").WithSummary("GeoReport v2 GET one service request.");
        group.MapGet("/tokens/{token}.{format}", Open311Endpoints.GetToken).WithName("Open311GetToken").WithSummary("GeoReport v2 GET service_request_id from a token.");

        var admin = endpoints.MapGroup(prefix + "/admin/api-keys").WithTags("Open311").RequireAuthorization(FieldReportsPolicies.Administrator).ExcludeFromDescription();
        admin.MapPost("/", handlers.IssueKey).WithName("Open311IssueApiKey").WithSummary("Issues an api key tied to an intake channel; the key is shown only in this response.");
        admin.MapGet("/", handlers.ListKeys).WithName("Open311ListApiKeys").WithSummary("Lists the province's api keys (never the keys themselves).");
        admin.MapDelete("/{id}", handlers.RevokeKey).WithName("Open311RevokeApiKey").WithSummary("Revokes an api key: it can no longer file reports.");
        return group;
    }
}
