namespace FieldReports.Calendar;

/// <summary>
/// The working time of a province as configuration: its time zone, its office hours and the hours of agencies that keep
/// others (for example one-stop service centres). Validated by <see cref="BusinessCalendarOptionsValidator"/>.
/// </summary>
/// <example>
/// <code language="json">
/// "Calendar": {
///   "TimeZone": "Asia/Ho_Chi_Minh",
///   "OfficeHours": { "Mon-Fri": ["08:00-11:30", "13:00-17:30"] },
///   "Periods": [ { "SeasonStart": "10-01", "SeasonEnd": "03-31", "OfficeHours": { "Mon-Fri": ["08:00-11:30", "13:00-17:00"] } } ],
///   "Agencies": { "one-stop-centre": { "OfficeHours": { "Mon-Fri": ["07:30-11:30", "13:00-17:00"] } } }
/// }
/// </code>
/// </example>
public sealed class BusinessCalendarOptions : WorkingHoursOptions
{
    /// <summary>The IANA (TZDB) id of the province's time zone. Default <c>Asia/Ho_Chi_Minh</c>.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Office hours of agencies whose hours differ from the province's, by agency id. An agency not listed keeps the province's hours. Empty by default.</summary>
    public Dictionary<string, WorkingHoursOptions> Agencies { get; set; } = new(StringComparer.Ordinal);
}
