using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.AspNetCore;

/// <summary>
/// Runs <see cref="EvidenceCleanup.RunPassAsync"/> every <see cref="EvidenceCleanupOptions.Interval"/> while this instance
/// holds the <c>evidence-cleanup</c> lease (the SLA monitor's pattern), so that of several instances sharing a database
/// one sweeps and another takes over when it stops. Does nothing when the cleanup is off or the host registered no
/// attachment or report store.
/// </summary>
internal sealed partial class EvidenceCleanupService(IServiceProvider services, IOptions<FieldReportsAspNetCoreOptions> options, ILogger<EvidenceCleanupService> logger) : BackgroundService
{
    internal const string LeaseName = "evidence-cleanup";

    // Unique per service instance: two instances in one process (tests) are two holders, as two hosts would be.
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.EvidenceCleanup;
        if (!settings.Enabled || services.GetService<IAttachmentStore>() is null || services.GetService<IReportStore>() is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    /// <summary>Runs a pass when this instance holds (or takes) the lease.</summary>
    /// <returns>Whether this instance held the lease and ran the pass.</returns>
    internal async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var now = services.GetRequiredService<IClock>().GetCurrentInstant();
            var lease = Duration.FromTimeSpan(options.Value.EvidenceCleanup.LeaseDuration);
            if (!await services.GetRequiredService<ILeaseStore>().TryAcquireAsync(LeaseName, _holder, now, lease, stoppingToken))
            {
                return false;
            }

            await services.GetRequiredService<EvidenceCleanup>().RunPassAsync(now, stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The loop outlives a failing pass (a lost connection): it logs and tries again at the next tick.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPassFailed(logger, ex);
            return false;
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await services.GetRequiredService<ILeaseStore>().ReleaseAsync(LeaseName, _holder, CancellationToken.None);
        }
#pragma warning disable CA1031 // Stopping goes on: an unreleased lease only delays the next holder until it expires.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPassFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 1321, EventName = "EvidenceCleanupPassFailed", Level = LogLevel.Warning, Message = "An evidence cleanup pass failed; the next tick tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
