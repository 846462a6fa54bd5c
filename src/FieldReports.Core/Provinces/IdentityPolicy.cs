namespace FieldReports.Provinces;

/// <summary>How the reporter's identity (name, phone, e-mail) is shared with the handling agency. Numeric values are stable.</summary>
public enum IdentityPolicy
{
    /// <summary>Secret; shared with the handling agency only with the reporter's recorded consent (Cà Mau art. 6.5). The default.</summary>
    SecretUnlessConsent = 0,

    /// <summary>Always secret, never shared with agencies (Thừa Thiên Huế: personal data under the "Mật" regime).</summary>
    AlwaysSecret = 1,

    /// <summary>Shared with the handling agency unless the reporter asked for secrecy (Tiền Giang Decision 2830/2020).</summary>
    SecretOnRequest = 2,
}
