using FieldReports.Calendar;
using FieldReports.Reports;
using FieldReports.Sla;
using NodaTime;

namespace ReferenceHost.Services;

/// <summary>The deadline of a report's current step, from the SLA engine on the Vietnamese civil-service calendar.</summary>
public sealed class Deadlines
{
    public BusinessCalendar Calendar { get; } = BusinessCalendar.Create(new HolidayCalendar(new HolidayProfileOptions { Base = "VN" }), Options());

    // Office hours of the provincial civil service (Cà Mau, Decision 17/2022 art. 7–9 counts limits in working hours).
    private static BusinessCalendarOptions Options()
    {
        var options = new BusinessCalendarOptions();
        options.OfficeHours["Mon-Fri"] = ["07:30-11:30", "13:30-17:00"];
        return options;
    }

    public SlaStatus? Current(Report report, Instant now)
    {
        if (report.IsTerminal)
        {
            return null;
        }

        return SlaClock.Compute(report.Events, SlaPolicy.Default, Calendar, now).Current;
    }

    public Instant? DeadlineOf(Report report, Instant now) => Current(report, now)?.Deadline;
}
