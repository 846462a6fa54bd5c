using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReferenceHost.Data;

namespace ReferenceHost.Hosting;

/// <summary>Readiness: the database answers.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<HostDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
