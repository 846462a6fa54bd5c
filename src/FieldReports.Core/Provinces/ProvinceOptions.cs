namespace FieldReports.Provinces;

/// <summary>
/// One province's profile: its channels, fields, areas, agency tree and rules, bindable from
/// <c>FieldReports:Provinces:&lt;id&gt;</c>. Every default follows Cà Mau Decision 17/2022/QĐ-UBND; a province overrides
/// only what differs. Validated at start-up; see <c>docs/policies.md</c> for every key.
/// </summary>
/// <remarks>
/// The calendar (<see cref="Holidays"/>, <see cref="Calendar"/>) and the time limits (<see cref="Sla"/>) are part of the
/// profile: see <c>docs/calendar.md</c> and <c>docs/sla.md</c>.
/// </remarks>
public sealed class ProvinceOptions
{
    /// <summary>Creates a profile with every default.</summary>
    public ProvinceOptions()
    {
    }

    // The same profile with another catalogue: everything but the fields and agencies is shared with the source, which
    // nobody changes after start-up.
    private ProvinceOptions(ProvinceOptions source, ProvinceCatalogue catalogue)
    {
        DisplayName = source.DisplayName;
        TimeZone = source.TimeZone;
        Channels = source.Channels;
        Fields = [.. catalogue.Fields];
        Areas = source.Areas;
        Agencies = [.. catalogue.Agencies];
        Routing = source.Routing;
        Intake = source.Intake;
        Moderation = source.Moderation;
        Confidentiality = source.Confidentiality;
        Rating = source.Rating;
        Holidays = source.Holidays;
        Calendar = source.Calendar;
        Sla = source.Sla;
    }
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

    /// <summary>
    /// Which days are working days: by default the national profile (<c>Base: "VN"</c>, Labour Code 2019 art. 111–112 and the
    /// decreed civil-service schedules); a province lists only its own additions.
    /// </summary>
    public FieldReports.Calendar.HolidayProfileOptions Holidays { get; } = new() { Base = FieldReports.Calendar.VietnameseHolidays.ProfileName };

    /// <summary>
    /// Office hours of the province, optionally seasonal, and of agencies that keep other hours (one-stop centres). Default
    /// Monday to Friday 07:30–11:30 and 13:30–17:00 when no hours are configured. The time zone is the province's <see cref="TimeZone"/>;
    /// <c>Calendar:TimeZone</c> is not used here.
    /// </summary>
    public FieldReports.Calendar.BusinessCalendarOptions Calendar { get; } = new();

    /// <summary>The time limit of each workflow step; the defaults are Cà Mau's (Decision 17/2022 art. 7–9).</summary>
    public FieldReports.Sla.SlaOptions Sla { get; } = new();

    /// <summary>These options with another catalogue (fields and agencies); everything else is shared.</summary>
    internal ProvinceOptions WithCatalogue(ProvinceCatalogue catalogue) => new(this, catalogue);
}
