using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Sla;
using NodaTime;

namespace ReferenceHost.Services;

/// <summary>The deadline of a report's current step, from the SLA engine on its province's calendar and SLA figures.</summary>
public sealed class Deadlines(ProvinceCatalog provinces)
{
    public SlaClock Clock(Report report, Instant now) => provinces.Get(report.ProvinceId).SlaClockOf(report, now);

    public SlaStatus? Current(Report report, Instant now) => report.IsTerminal ? null : Clock(report, now).Current;

    public Instant? DeadlineOf(Report report, Instant now) => Current(report, now)?.Deadline;
}
