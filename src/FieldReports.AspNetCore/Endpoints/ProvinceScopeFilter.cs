using FieldReports.Provinces;
using FieldReports.Reports;
using Microsoft.AspNetCore.Http;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>
/// Scopes the endpoints under <c>/provinces/{provinceId}</c>: the province must be configured, and a signed-in staff
/// account must belong to it (a staff account of another province gets 404, as if the province's data did not exist).
/// Citizens without a province claim may report to any province; with one, it must match. Responses to signed-in
/// callers carry <c>Cache-Control: no-store</c>, since they may hold personal data.
/// </summary>
internal sealed class ProvinceScopeFilter(ProvinceCatalog provinces, ActorResolution resolution) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var provinceId = http.Request.RouteValues["provinceId"] as string;
        if (string.IsNullOrEmpty(provinceId) || provinces.Find(provinceId) is null)
        {
            return Unknown(provinceId ?? "");
        }

        if (await resolution.ResolveAsync(http) is { } resolved)
        {
            var mustMatch = resolved.Actor.Role != ActorRole.Reporter || resolved.ProvinceId is not null;
            if (mustMatch && !string.Equals(resolved.ProvinceId, provinceId, StringComparison.OrdinalIgnoreCase))
            {
                return Unknown(provinceId);
            }

            http.Response.Headers.CacheControl = "no-store";
        }

        return await next(context);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unknown(string provinceId) =>
        new DomainError(ErrorCodes.ProvinceUnknown, ErrorKind.NotFound, $"No province '{Truncate(provinceId)}' is served here.").ToProblem();

    private static string Truncate(string text) => text.Length > 64 ? text[..64] : text;
}
