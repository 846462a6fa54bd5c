namespace FieldReports.Confidentiality;

/// <summary>What the confidentiality policy needs to know about a report beyond the report itself. Immutable.</summary>
public sealed record ReportConfidentiality
{
    /// <summary>No consent, no request, no state secret.</summary>
    public static ReportConfidentiality None { get; } = new();

    /// <summary>The reporter's consent to share identity with the handling agency, if any (it may have been withdrawn).</summary>
    public IdentityConsent? Consent { get; init; }

    /// <summary>Whether the reporter asked that their identity be kept secret (Tiền Giang: secret when the reporter asks).</summary>
    public bool IdentitySecrecyRequested { get; init; }

    /// <summary>
    /// Whether the report is marked as containing state secrets (Cà Mau art. 9.3): never public, hidden from agencies other
    /// than the assigned one, and flagged so that integrations handle it under the law on state secrets.
    /// </summary>
    public bool IsStateSecret { get; init; }
}
