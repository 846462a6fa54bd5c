using NodaTime;

namespace FieldReports.Stores;

/// <summary>
/// An api key a province issued to a client system (an Open311 client, an aggregator). Only the SHA-256 hash of the key is
/// kept; the key itself is shown once, when it is issued. Reports filed with the key are recorded with its intake channel.
/// </summary>
public sealed record ApiKey
{
    /// <summary>The key's id (not secret), used to list and revoke it.</summary>
    public required string Id { get; init; }

    /// <summary>The province that issued the key; the key files reports only there.</summary>
    public required string ProvinceId { get; init; }

    /// <summary>The code of the province's intake channel recorded on every report filed with the key.</summary>
    public required string Channel { get; init; }

    /// <summary>The account the key files under; its moderation record decides whether the key may file (a locked account may not).</summary>
    public required string AccountId { get; init; }

    /// <summary>A name for people, for example the client's product name.</summary>
    public string? Name { get; init; }

    /// <summary>The SHA-256 hash of the key's UTF-8 text, as lowercase hexadecimal.</summary>
    public required string KeyHash { get; init; }

    /// <summary>When the key was issued.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>The account of the administrator who issued it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When the key was revoked; <see langword="null"/> while it is valid.</summary>
    public Instant? RevokedAt { get; init; }

    /// <summary>Whether the key has been revoked.</summary>
    public bool IsRevoked => RevokedAt is not null;
}
