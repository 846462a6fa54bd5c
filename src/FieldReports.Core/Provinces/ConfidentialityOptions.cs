namespace FieldReports.Provinces;

/// <summary>Confidentiality defaults (Cà Mau art. 4.4, 6.5, 9.2–9.3; Huế; Tiền Giang).</summary>
public sealed class ConfidentialityOptions
{
    /// <summary>How the reporter's identity is shared with the handling agency. Default <see cref="IdentityPolicy.SecretUnlessConsent"/>.</summary>
    public IdentityPolicy ReporterIdentity { get; set; } = IdentityPolicy.SecretUnlessConsent;

    /// <summary>The version of the consent wording currently shown to reporters. Default <c>1</c>.</summary>
    public string ConsentWordingVersion { get; set; } = "1";
}
