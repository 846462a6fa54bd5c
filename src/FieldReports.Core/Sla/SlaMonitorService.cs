using FieldReports.Provinces;
using FieldReports.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.Sla;

/// <summary>
/// Runs <see cref="SlaMonitor.RunPassAsync"/> every <see cref="SlaMonitorOptions.Interval"/> while this instance holds the
/// <c>sla-monitor</c> lease, so that of several instances sharing a database one runs the passes and another takes over
/// when it stops. Does nothing when <see cref="SlaMonitorOptions.Enabled"/> is off.
/// </summary>
internal sealed partial class SlaMonitorService(SlaMonitor monitor, ILeaseStore leases, IClock clock, IOptions<FieldReportsOptions> options, ILogger logger) : BackgroundService
{
    internal const string LeaseName = "sla-monitor";

    // Unique per service instance: two instances in one process (tests) are two holders, as two hosts would be.
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.SlaMonitor;
        if (!settings.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval);
        try
        {
            do
            {
                await RunOnceAsync(settings, stoppingToken);
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

    internal async Task RunOnceAsync(SlaMonitorOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            var now = clock.GetCurrentInstant();
            if (await leases.TryAcquireAsync(LeaseName, _holder, now, Duration.FromTimeSpan(settings.LeaseDuration), stoppingToken))
            {
                await monitor.RunPassAsync(now, stoppingToken);
            }
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
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await leases.ReleaseAsync(LeaseName, _holder, CancellationToken.None);
        }
#pragma warning disable CA1031 // Stopping goes on: an unreleased lease only delays the next holder until it expires.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPassFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 1301, EventName = "SlaMonitorPassFailed", Level = LogLevel.Warning, Message = "An SLA monitor pass failed; the next tick tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
