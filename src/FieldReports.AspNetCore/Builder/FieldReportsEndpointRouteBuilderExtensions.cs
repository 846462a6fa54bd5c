using FieldReports;
using FieldReports.AspNetCore;
using FieldReports.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the FieldReports HTTP API.</summary>
public static class FieldReportsEndpointRouteBuilderExtensions
{
    /// <summary>Maps the FieldReports endpoints under <paramref name="prefix"/> (for example <c>/api/v1</c>).</summary>
    /// <param name="endpoints">The application's route builder.</param>
    /// <param name="prefix">The route prefix; include the version.</param>
    /// <returns>The route group, to add conventions (rate limiting, CORS) to every FieldReports endpoint.</returns>
    public static RouteGroupBuilder MapFieldReports(this IEndpointRouteBuilder endpoints, string prefix = "/api/v1")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var group = endpoints.MapGroup(prefix).WithTags("FieldReports");

        // The caller's actor, read once per request before any handler (through the staff directory when the host has one).
        group.AddEndpointFilter(async (context, next) =>
        {
            await context.HttpContext.RequestServices.GetRequiredService<ActorResolution>().ResolveAsync(context.HttpContext);
            return await next(context);
        });

        group.MapGet("/me", Me)
            .WithName("GetCurrentActor")
            .WithSummary("The role, account and agency the signed-in user acts as.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization();

        group.MapGet("/workflow", Workflow)
            .WithName("GetWorkflow")
            .WithSummary("The report workflow: every transition and the roles that may fire it.")
            .AllowAnonymous();

        FieldReports.AspNetCore.Endpoints.ReportEndpoints.Map(group);
        FieldReports.AspNetCore.Endpoints.CatalogueEndpoints.Map(group);
        FieldReports.AspNetCore.Endpoints.StaffEndpoints.Map(group);
        return group;
    }

    private static Results<Ok<ActorDto>, ProblemHttpResult> Me(HttpContext context, ActorResolution resolution)
    {
        var resolved = resolution.Current(context);
        if (resolved is null)
        {
            return new DomainError(ErrorCodes.NoRole, ErrorKind.Forbidden, "The signed-in user has no FieldReports role; check the role claim mapping.").ToProblem();
        }

        return TypedResults.Ok(new ActorDto(resolved.Actor.Role.ToString(), resolved.Actor.AccountId, resolved.Actor.AgencyId, resolved.ProvinceId));
    }

    private static Ok<TransitionDto[]> Workflow() => TypedResults.Ok(
        ReportWorkflow.All.Select(t => new TransitionDto(t.From.ToString(), t.Trigger.ToString(), t.To.ToString(), [.. t.Roles.Select(r => r.ToString())], t.Conditions)).ToArray());
}
