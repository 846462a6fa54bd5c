namespace FieldReports.Provinces;

/// <summary>
/// One province's profile: its channels, fields, areas, agency tree and rules, bindable from
/// <c>FieldReports:Provinces:&lt;id&gt;</c>. Every default follows Cà Mau Decision 17/2022/QĐ-UBND; a province overrides
/// only what differs. Validated at start-up; see <c>docs/policies.md</c> for every key.
/// </summary>
/// <remarks>
/// The calendar and SLA rules of a province are configured by their own sections and are not part of this type yet.
/// </remarks>
public sealed class ProvinceOptions
{
    /// <summary>The province's name as shown to people, for example <c>Cà Mau</c>. Required.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The IANA time zone the province's local times are in (night window, months, rule dates). Default <c>Asia/Ho_Chi_Minh</c>.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>
    /// The channels reports come in by. When empty, the Cà Mau defaults apply: <c>app</c> (CaMau-G), <c>web</c> (the
    /// portal) and <c>staff</c> (staff entering a report on a reporter's behalf).
    /// </summary>
    public IList<ChannelOptions> Channels { get; } = [];

    /// <summary>The fields (lĩnh vực) reports are classified into. A province may add fields over time (Cà Mau art. 13.4).</summary>
    public IList<FieldOptions> Fields { get; } = [];

    /// <summary>The administrative areas (any depth), used by routing to find the most specific rule for a place.</summary>
    public IList<AreaOptions> Areas { get; } = [];

    /// <summary>The agencies (any depth: province, communes, departments, public-service companies…).</summary>
    public IList<AgencyOptions> Agencies { get; } = [];

    /// <summary>How reports are routed to agencies, redistributed, escalated, and matched as duplicates.</summary>
    public RoutingOptions Routing { get; } = new();

    /// <summary>What a report needs to be accepted at intake.</summary>
    public IntakeOptions Intake { get; } = new();

    /// <summary>Account locks and interaction bans.</summary>
    public ModerationOptions Moderation { get; } = new();

    /// <summary>Who sees the reporter's identity.</summary>
    public ConfidentialityOptions Confidentiality { get; } = new();

    /// <summary>The satisfaction scale and the interaction rules.</summary>
    public RatingOptions Rating { get; } = new();
}
