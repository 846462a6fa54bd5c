using System.Globalization;
using System.Threading.RateLimiting;
using FieldReports;
using FieldReports.AspNetCore;
using FieldReports.AspNetCore.Endpoints;
using FieldReports.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using FieldReports.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ASP.NET Core integration to FieldReports.</summary>
public static class FieldReportsAspNetCoreBuilderExtensions
{
    /// <summary>
    /// Registers the principal-to-actor mapping, the role policies (<see cref="FieldReportsPolicies"/>), problem details
    /// with stable error codes, the exception handler, and a hosted service that picks up catalogue edits made on other
    /// instances (<see cref="FieldReportsAspNetCoreOptions.CatalogueRefreshInterval"/>), and one that deletes uncited
    /// evidence (<see cref="FieldReportsAspNetCoreOptions.EvidenceCleanup"/>). Authentication stays the host's.
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
        services.TryAddSingleton<ActorResolution>();
        services.TryAddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        services.TryAddSingleton<IAttachmentContentStore, FileSystemAttachmentContentStore>();
        services.TryAddSingleton<ApiContext>();
        services.TryAddSingleton<AttachmentUploads>();
        services.TryAddSingleton<UploadAdmission>();
        services.TryAddSingleton(sp => new AttachmentIntake(sp.GetRequiredService<AttachmentUploads>(), sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, ProvinceCatalogueRefresher>());
        // The evidence cleanup, under a lease (in memory unless a store package registers a shared one).
        services.TryAddSingleton<ILeaseStore, InMemoryLeaseStore>();
        services.TryAddSingleton<EvidenceCleanup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, EvidenceCleanupService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FieldReportsAspNetCoreOptions>, EvidenceCleanupOptionsValidator>());
        options.ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimited;
            o.AddPolicy(ReportEndpoints.SubmissionRateLimit, http =>
            {
                var account = http.RequestServices.GetRequiredService<IActorResolver>().Resolve(http.User)?.Actor.AccountId ?? "";
                var perMinute = http.RequestServices.GetRequiredService<IOptions<FieldReportsAspNetCoreOptions>>().Value.SubmissionsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, perMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        services.AddProblemDetails();

        // Problems written by the framework (binding failures, 401/403/404/415 from status-code pages) get a stable code too,
        // after whatever customisation the host configured.
        services.PostConfigure<ProblemDetailsOptions>(o =>
        {
            var previous = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                AddCode(context.ProblemDetails);
            };
        });
        services.AddExceptionHandler<FieldReportsExceptionHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(FieldReportsPolicies.Reporter, RolePolicy(ActorRole.Reporter))
            .AddPolicy(FieldReportsPolicies.Reception, RolePolicy(ActorRole.ReceptionStaff))
            .AddPolicy(FieldReportsPolicies.Approver, RolePolicy(ActorRole.Approver))
            .AddPolicy(FieldReportsPolicies.Handling, RolePolicy(ActorRole.HandlingStaff))
            .AddPolicy(FieldReportsPolicies.Leader, RolePolicy(ActorRole.Leader))
            .AddPolicy(FieldReportsPolicies.Administrator, RolePolicy(ActorRole.Administrator))
            .AddPolicy(FieldReportsPolicies.CentreOrReporter, RolePolicy(ActorRole.Reporter, ActorRole.ReceptionStaff, ActorRole.Approver, ActorRole.Administrator))
            .AddPolicy(FieldReportsPolicies.Centre, RolePolicy(ActorRole.ReceptionStaff, ActorRole.Approver, ActorRole.Administrator))
            .AddPolicy(FieldReportsPolicies.Staff, RolePolicy(ActorRole.ReceptionStaff, ActorRole.Approver, ActorRole.HandlingStaff, ActorRole.Leader, ActorRole.Administrator));
        return builder;
    }

    private static void AddCode(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem.Extensions.ContainsKey(DomainErrorResults.CodeExtension))
        {
            return;
        }

        var code = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ErrorCodes.RequestMalformed,
            StatusCodes.Status401Unauthorized => ErrorCodes.AuthenticationRequired,
            StatusCodes.Status403Forbidden => ErrorCodes.AccessDenied,
            StatusCodes.Status404NotFound => ErrorCodes.RouteNotFound,
            StatusCodes.Status413PayloadTooLarge => ErrorCodes.RequestTooLarge,
            StatusCodes.Status415UnsupportedMediaType => ErrorCodes.RequestUnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
            >= 500 => ErrorCodes.ServerError,
            _ => null,
        };
        if (code is not null)
        {
            problem.Extensions[DomainErrorResults.CodeExtension] = code;
        }
    }

    private static async ValueTask RateLimited(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = DomainErrorResults.TypePrefix + ErrorCodes.RateLimited,
                Title = "Too many requests.",
                Detail = "Too many submissions from this account; retry after the time in Retry-After.",
                Extensions = { [DomainErrorResults.CodeExtension] = ErrorCodes.RateLimited },
            },
        });
    }

    private static AuthorizationPolicy RolePolicy(params ActorRole[] roles) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(async context =>
        {
            // Through the staff directory when the host has one: a role changed or an account disabled counts from this request on.
            if (context.Resource is not HttpContext http || http.RequestServices.GetService<ActorResolution>() is not { } resolution)
            {
                return false;
            }

            var resolved = await resolution.ResolveAsync(http);
            return resolved is not null && roles.Contains(resolved.Actor.Role);
        })
        .Build();
}
