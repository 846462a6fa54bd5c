using FieldReports.Provinces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FieldReports.AspNetCore;

/// <summary>
/// Puts in force, every <see cref="FieldReportsAspNetCoreOptions.CatalogueRefreshInterval"/>, the catalogue versions that
/// other instances stored, so that an administrator's edit reaches every instance within that delay. The instance that
/// saves an edit puts it in force at once. A failure (the database unreachable) is logged and retried at the next tick.
/// </summary>
internal sealed partial class ProvinceCatalogueRefresher(ProvinceCatalogueService catalogues, IOptions<FieldReportsAspNetCoreOptions> options, ILogger<ProvinceCatalogueRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CatalogueRefreshInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var problem in await catalogues.RefreshAsync(stoppingToken))
                {
                    LogProblem(logger, problem);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 1310, EventName = "CatalogueRefreshProblem", Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 1311, EventName = "CatalogueRefreshFailed", Level = LogLevel.Warning, Message = "Refreshing the provinces' catalogues failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
