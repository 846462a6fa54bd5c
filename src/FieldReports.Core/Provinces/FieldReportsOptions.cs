namespace FieldReports.Provinces;

/// <summary>
/// The options of a FieldReports deployment, bound from the <c>FieldReports</c> configuration section. One deployment
/// may serve several provinces; each keeps its own rules and nothing crosses between them.
/// </summary>
public sealed class FieldReportsOptions
{
    /// <summary>
    /// The provinces this deployment serves, by province id (<c>FieldReports:Provinces:&lt;id&gt;</c>). Ids are compared
    /// ordinally, ignoring case. Empty by default; each province is validated at start-up.
    /// </summary>
    public IDictionary<string, ProvinceOptions> Provinces { get; } = new Dictionary<string, ProvinceOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The SLA monitor's settings (<c>FieldReports:SlaMonitor</c>): reminder lead, long-overdue period, interval, lease.</summary>
    public FieldReports.Sla.SlaMonitorOptions SlaMonitor { get; } = new();
}
