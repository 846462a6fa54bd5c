using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>A reporter's consent to share their identity for one report; only its withdrawal is ever written after insertion.</summary>
internal sealed class IdentityConsentRow
{
    public Guid ReportId { get; set; }

    public Instant GivenAt { get; set; }

    public string ProvinceId { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string WordingVersion { get; set; } = "";

    public Instant? WithdrawnAt { get; set; }
}
