using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>The reporter's personal data given with one report, in its own table so that it can be erased alone.</summary>
internal sealed class ReporterContactRow
{
    public Guid ReportId { get; set; }

    public string ProvinceId { get; set; } = "";

    public string ReporterAccountId { get; set; } = "";

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public Instant? ErasedAt { get; set; }
}
