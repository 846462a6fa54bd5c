using FieldReports.Storage.EF;

namespace ReferenceHost.Services;

/// <summary>
/// Runs the storage package's outbox dispatcher for the lifetime of the host. The SLA monitor needs no worker here: the
/// library runs it (registered by <c>UseEntityFrameworkCore</c>), and its <c>sla.*</c> messages reach the inbox through
/// <see cref="NotificationOutboxHandler"/>.
/// </summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
