using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>An api key a province issued: its SHA-256 hash only, never the key.</summary>
internal sealed class ApiKeyRow
{
    public string Id { get; set; } = "";

    public string ProvinceId { get; set; } = "";

    public string Channel { get; set; } = "";

    public string AccountId { get; set; } = "";

    public string? Name { get; set; }

    public string KeyHash { get; set; } = "";

    public Instant CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public Instant? RevokedAt { get; set; }
}
