using FieldReports.Stores;

namespace FieldReports.Storage.EF.Tests.Infrastructure;

/// <summary>An outbox handler that takes a pass's messages together, records each batch, and can be told to fail one.</summary>
public sealed class RecordingBatchHandler : IOutboxBatchHandler
{
    public RecordingHandler OneByOne { get; } = new();

    public List<IReadOnlyList<Guid>> Batches { get; } = [];

    /// <summary>Called with each batch before it is recorded; throw to fail the batch.</summary>
    public Func<IReadOnlyList<OutboxMessage>, CancellationToken, Task>? OnBatch { get; set; }

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken) => OneByOne.HandleAsync(message, cancellationToken);

    public async Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (OnBatch is { } onBatch)
        {
            await onBatch(messages, cancellationToken);
        }

        lock (Batches)
        {
            Batches.Add([.. messages.Select(m => m.Id)]);
        }
    }
}
