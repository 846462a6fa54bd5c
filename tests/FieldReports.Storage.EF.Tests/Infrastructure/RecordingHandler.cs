using System.Collections.Concurrent;
using FieldReports.Stores;

namespace FieldReports.Storage.EF.Tests.Infrastructure;

/// <summary>An outbox handler that records deliveries, detects concurrent deliveries of one message, and can be told to fail.</summary>
public sealed class RecordingHandler : IOutboxMessageHandler
{
    private readonly ConcurrentDictionary<Guid, byte> _inFlight = new();

    public ConcurrentQueue<OutboxMessage> Delivered { get; } = new();

    public ConcurrentBag<Guid> Overlaps { get; } = [];

    public Func<OutboxMessage, CancellationToken, Task>? OnHandle { get; set; }

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!_inFlight.TryAdd(message.Id, 0))
        {
            Overlaps.Add(message.Id);
        }

        try
        {
            if (OnHandle is { } onHandle)
            {
                await onHandle(message, cancellationToken);
            }

            Delivered.Enqueue(message);
        }
        finally
        {
            _inFlight.TryRemove(message.Id, out _);
        }
    }
}
