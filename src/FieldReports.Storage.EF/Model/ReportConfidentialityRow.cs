namespace FieldReports.Storage.EF.Model;

/// <summary>A report's confidentiality marks other than consents.</summary>
internal sealed class ReportConfidentialityRow
{
    public Guid ReportId { get; set; }

    public string ProvinceId { get; set; } = "";

    public bool IdentitySecrecyRequested { get; set; }

    public bool IsStateSecret { get; set; }
}
