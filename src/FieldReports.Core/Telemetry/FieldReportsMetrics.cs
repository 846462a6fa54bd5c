using System.Diagnostics;
using System.Diagnostics.Metrics;
using NodaTime;

namespace FieldReports.Telemetry;

/// <summary>
/// FieldReports' instruments on the meter named <see cref="MeterName"/>: reports received, workflow transitions, SLA
/// warnings and breaches, and the outbox's delivery lag. Tags carry the province, the agency, the channel, the trigger
/// and the message type only — never personal data. Registered as a singleton by <c>AddFieldReports</c>; a host exports
/// them with OpenTelemetry's <c>AddMeter("FieldReports")</c>. Thread-safe.
/// </summary>
public sealed class FieldReportsMetrics
{
    /// <summary>The name of FieldReports' meter and activity source: <c>FieldReports</c>.</summary>
    public const string MeterName = "FieldReports";

    private readonly Counter<long> _received;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _slaWarnings;
    private readonly Counter<long> _slaBreaches;
    private readonly Histogram<double> _outboxLag;

    /// <summary>Creates the instruments.</summary>
    /// <param name="meterFactory">The host's meter factory; <see langword="null"/> creates a meter of its own (for hosts without one).</param>
    public FieldReportsMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _received = meter.CreateCounter<long>("fieldreports.reports.received", "{report}", "Reports accepted at intake.");
        _transitions = meter.CreateCounter<long>("fieldreports.reports.transitions", "{transition}", "Workflow transitions applied to stored reports.");
        _slaWarnings = meter.CreateCounter<long>("fieldreports.sla.warnings", "{warning}", "Reminders that a step's deadline is near.");
        _slaBreaches = meter.CreateCounter<long>("fieldreports.sla.breaches", "{breach}", "Steps whose deadline passed before they ended.");
        _outboxLag = meter.CreateHistogram<double>("fieldreports.outbox.lag", "s", "Time from an outbox message's creation to its delivery.");
    }

    /// <summary>Counts a report accepted at intake.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="channel">The intake channel's code.</param>
    public void ReportReceived(string provinceId, string channel) =>
        _received.Add(1, new(TelemetryTags.Province, provinceId), new(TelemetryTags.Channel, channel));

    /// <summary>Counts a workflow transition saved.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="trigger">The trigger fired, for example <c>Assign</c>.</param>
    public void Transition(string provinceId, string trigger) =>
        _transitions.Add(1, new(TelemetryTags.Province, provinceId), new(TelemetryTags.Trigger, trigger));

    /// <summary>Counts a reminder that a step's deadline is near (the SLA monitor's warning), once per step.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="agencyId">The agency that owns the step; <see langword="null"/> when the centre does (no agency tag).</param>
    public void SlaWarning(string provinceId, string? agencyId = null) => _slaWarnings.Add(1, SlaTags(provinceId, agencyId));

    /// <summary>Counts a step whose deadline passed before it ended (the SLA monitor's breach), once per step.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="agencyId">The agency that owns the step; <see langword="null"/> when the centre does (no agency tag).</param>
    public void SlaBreach(string provinceId, string? agencyId = null) => _slaBreaches.Add(1, SlaTags(provinceId, agencyId));

    /// <summary>Records how long an outbox message waited between its creation and its delivery.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="messageType">The message type, for example <c>report.assign</c>.</param>
    /// <param name="lag">The wait; a negative one (clock skew) counts as zero.</param>
    public void OutboxDelivered(string provinceId, string messageType, Duration lag) =>
        _outboxLag.Record(Math.Max(0, lag.TotalSeconds), new(TelemetryTags.Province, provinceId), new(TelemetryTags.MessageType, messageType));

    private static TagList SlaTags(string provinceId, string? agencyId)
    {
        var tags = new TagList { { TelemetryTags.Province, provinceId } };
        if (agencyId is not null)
        {
            tags.Add(TelemetryTags.Agency, agencyId);
        }

        return tags;
    }
}
