namespace FieldReports.Provinces;

/// <summary>Routing, redistribution, escalation and duplicate detection.</summary>
public sealed class RoutingOptions
{
    /// <summary>The routing rules. Empty by default: every report goes to <see cref="FallbackAgency"/>.</summary>
    public IList<RoutingRuleOptions> Rules { get; } = [];

    /// <summary>The agency proposed when no rule matches; <see langword="null"/> (the default) proposes nothing, and reception staff choose.</summary>
    public string? FallbackAgency { get; set; }

    /// <summary>
    /// The agency id of the escalation body (the provincial people's committee or steering committee, Cà Mau art. 4.7;
    /// the Department of Information and Communications reports to it in Tiền Giang and Quảng Bình). Optional.
    /// </summary>
    public string? EscalationTarget { get; set; }

    /// <summary>
    /// Whether an agency returning a report must propose the agency that should handle it (Đắk Lắk letter 3788/2023).
    /// Default <see langword="false"/> (Cà Mau art. 8.1b: the proposal is optional).
    /// </summary>
    public bool ReturnRequiresProposal { get; set; }

    /// <summary>How far apart two reports of the same field may be to be shown as likely duplicates, in metres. Default 200.</summary>
    public double DuplicateDistanceMetres { get; set; } = 200;

    /// <summary>How long before a report an earlier one may have been sent to be shown as a likely duplicate. Default 7 days (<c>P7D</c>).</summary>
    public NodaTime.Period DuplicateWindow { get; set; } = NodaTime.Period.FromDays(7);
}
