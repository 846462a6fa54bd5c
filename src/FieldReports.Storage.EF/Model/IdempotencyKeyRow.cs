using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>
/// An <c>Idempotency-Key</c> claimed by a client: in flight while <see cref="CompletedAt"/> is null, then the response to
/// replay. Forgotten (deleted, or taken over by a new claim) once <see cref="ExpiresAt"/> has passed.
/// </summary>
internal sealed class IdempotencyKeyRow
{
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    public string Fingerprint { get; set; } = "";

    public Instant CreatedAt { get; set; }

    public Instant ExpiresAt { get; set; }

    public Instant? CompletedAt { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }
}
