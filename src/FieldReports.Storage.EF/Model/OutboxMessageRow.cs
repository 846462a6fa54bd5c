using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>
/// An outbox message. <see cref="NextAttemptAt"/> doubles as the lease: claiming a message moves it to the end of the
/// lease, so a dispatcher that crashes while delivering leaves the message due again once the lease has run out.
/// </summary>
internal sealed class OutboxMessageRow
{
    public Guid Id { get; set; }

    public string ProvinceId { get; set; } = "";

    public string Type { get; set; } = "";

    public string PayloadJson { get; set; } = "";

    public Instant CreatedAt { get; set; }

    public int Attempts { get; set; }

    public Instant NextAttemptAt { get; set; }

    public Instant? DeliveredAt { get; set; }

    public string? LastError { get; set; }

    public Guid? LockId { get; set; }

    public string? DedupeKey { get; set; }
}
