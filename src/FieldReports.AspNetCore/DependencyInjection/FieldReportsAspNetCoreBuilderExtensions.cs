using FieldReports.AspNetCore;
using FieldReports.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ASP.NET Core integration to FieldReports.</summary>
public static class FieldReportsAspNetCoreBuilderExtensions
{
    /// <summary>
    /// Registers the principal-to-actor mapping, the role policies (<see cref="FieldReportsPolicies"/>), problem details
    /// with stable error codes, and the exception handler. Authentication stays the host's.
    /// </summary>
    /// <param name="builder">The FieldReports builder.</param>
    /// <param name="configure">Configures the claim types, optionally.</param>
    /// <returns>The builder, for chaining.</returns>
    public static FieldReportsBuilder AddAspNetCore(this FieldReportsBuilder builder, Action<FieldReportsAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<FieldReportsAspNetCoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IActorResolver, ClaimsActorResolver>();
        services.AddProblemDetails();
        services.AddExceptionHandler<FieldReportsExceptionHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(FieldReportsPolicies.Reporter, RolePolicy(ActorRole.Reporter))
            .AddPolicy(FieldReportsPolicies.Reception, RolePolicy(ActorRole.ReceptionStaff))
            .AddPolicy(FieldReportsPolicies.Approver, RolePolicy(ActorRole.Approver))
            .AddPolicy(FieldReportsPolicies.Handling, RolePolicy(ActorRole.HandlingStaff))
            .AddPolicy(FieldReportsPolicies.Leader, RolePolicy(ActorRole.Leader))
            .AddPolicy(FieldReportsPolicies.Administrator, RolePolicy(ActorRole.Administrator))
            .AddPolicy(FieldReportsPolicies.Staff, RolePolicy(ActorRole.ReceptionStaff, ActorRole.Approver, ActorRole.HandlingStaff, ActorRole.Leader, ActorRole.Administrator));
        return builder;
    }

    private static AuthorizationPolicy RolePolicy(params ActorRole[] roles) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(context =>
        {
            var resolver = (context.Resource as Microsoft.AspNetCore.Http.HttpContext)?.RequestServices.GetService<IActorResolver>();
            var resolved = resolver?.Resolve(context.User);
            return resolved is not null && roles.Contains(resolved.Actor.Role);
        })
        .Build();
}
