using System.Globalization;
using System.Text.Json;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Stores;
using FieldReports.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace FieldReports.Sla;

/// <summary>
/// Chases deadlines (Cà Mau Decision 17/2022 art. 13.3: the centre and each agency follow up and remind those who are
/// late). A pass walks, per province, the open reports whose step's deadline is near or past and writes into the outbox:
/// <see cref="SlaMessageTypes.Reminder"/> when the deadline is within <see cref="SlaMonitorOptions.ReminderLead"/>,
/// <see cref="SlaMessageTypes.Breached"/> once it has passed, and <see cref="SlaMessageTypes.LongOverdue"/> once it passed
/// more than <see cref="SlaMonitorOptions.LongOverdueAfter"/> ago. <see cref="Notifications.ReportNotificationHandler"/>
/// turns them into notifications. Each new reminder counts one <c>fieldreports.sla.warnings</c> and each new breach one
/// <c>fieldreports.sla.breaches</c> on <see cref="FieldReportsMetrics"/>, tagged with the province and the agency that owns
/// the step.
/// </summary>
/// <remarks>
/// <para>Each message is emitted once per step: its <see cref="OutboxMessage.DedupeKey"/> is the type, the report, the
/// step and the step's deadline, and <see cref="IOutboxStore.AddIfAbsentAsync"/> skips a key already written, so passes
/// may repeat, overlap or run on several instances. A new step (a redistribution, a send-back) has a new deadline and so
/// gets its own reminder; acknowledging a report continues its step and does not. Reports in a paused state (an
/// escalation) and reports in no step are skipped.</para>
/// <para>The background service registered with the EF Core stores runs a pass every <see cref="SlaMonitorOptions.Interval"/>
/// under an <see cref="ILeaseStore"/> lease, so that one instance at a time does. Thread-safe.</para>
/// </remarks>
public sealed partial class SlaMonitor
{
    private readonly ProvinceCatalog _provinces;
    private readonly IReportQueries _queries;
    private readonly IOutboxStore _outbox;
    private readonly SlaMonitorOptions _options;
    private readonly ILogger _logger;
    private readonly FieldReportsMetrics? _metrics;

    /// <summary>Creates the monitor.</summary>
    /// <param name="provinces">The provinces to watch.</param>
    /// <param name="queries">Reads the reports whose deadline is near or past.</param>
    /// <param name="outbox">Writes the messages, once per key.</param>
    /// <param name="options">The options; <see cref="FieldReportsOptions.SlaMonitor"/> is used.</param>
    /// <param name="logger">Logs each pass's counts; optional.</param>
    /// <param name="metrics">Counts the warnings and breaches written (not those skipped as already written); optional.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public SlaMonitor(ProvinceCatalog provinces, IReportQueries queries, IOutboxStore outbox, IOptions<FieldReportsOptions> options, ILogger<SlaMonitor>? logger = null, FieldReportsMetrics? metrics = null)
    {
        _provinces = provinces ?? throw new ArgumentNullException(nameof(provinces));
        _queries = queries ?? throw new ArgumentNullException(nameof(queries));
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value.SlaMonitor;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metrics = metrics;
    }

    /// <summary>Runs one pass over every province as of <paramref name="now"/>.</summary>
    /// <param name="now">The instant the deadlines are compared with, usually the injected clock's.</param>
    /// <param name="cancellationToken">Cancels the pass; messages written before it are kept and not written again.</param>
    /// <returns>How many messages this pass wrote (those written by an earlier or concurrent pass are not counted).</returns>
    public async Task<int> RunPassAsync(Instant now, CancellationToken cancellationToken)
    {
        var lead = Duration.FromTimeSpan(_options.ReminderLead);
        var longOverdue = Duration.FromTimeSpan(_options.LongOverdueAfter);
        var written = 0;
        foreach (var provinceId in _provinces.Ids.Order(StringComparer.Ordinal).ToList())
        {
            var paused = _provinces.Get(provinceId).Sla.PauseStates;
            var (reminders, breaches, longOverdues) = (0, 0, 0);
            string? cursor = null;
            do
            {
                var page = await _queries.GetDeadlineWatchPageAsync(provinceId, now + lead, cursor, _options.PageSize, cancellationToken);
                cursor = page.NextCursor;
                var messages = new List<OutboxMessage>();
                var agencies = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var report in page.Items)
                {
                    if (report.CurrentDeadline is not { } deadline || paused.Contains(report.State) || SlaClock.StepOf(report.State) is not { } step)
                    {
                        continue;
                    }

                    var agencyId = OwningAgency(report.State, report.AssignedAgencyId);
                    if (deadline >= now)
                    {
                        messages.Add(Message(provinceId, SlaMessageTypes.Reminder, report, step, deadline, now));
                        agencies[messages[^1].DedupeKey!] = agencyId;
                        continue;
                    }

                    messages.Add(Message(provinceId, SlaMessageTypes.Breached, report, step, deadline, now));
                    agencies[messages[^1].DedupeKey!] = agencyId;
                    if (now - deadline > longOverdue)
                    {
                        messages.Add(Message(provinceId, SlaMessageTypes.LongOverdue, report, step, deadline, now));
                    }
                }

                if (messages.Count > 0)
                {
                    // Count what is new: the store skips what earlier (or concurrent) passes wrote.
                    var added = await _outbox.AddIfAbsentAsync(messages, cancellationToken);
                    reminders += added.Count(m => m.Type == SlaMessageTypes.Reminder);
                    breaches += added.Count(m => m.Type == SlaMessageTypes.Breached);
                    longOverdues += added.Count(m => m.Type == SlaMessageTypes.LongOverdue);
                    Count(provinceId, added, agencies);
                }
            }
            while (cursor is not null);

            if (reminders + breaches + longOverdues > 0)
            {
                LogPass(_logger, provinceId, reminders, breaches, longOverdues);
            }

            written += reminders + breaches + longOverdues;
        }

        return written;
    }

    private void Count(string provinceId, IReadOnlyList<OutboxMessage> added, Dictionary<string, string?> agencies)
    {
        if (_metrics is null)
        {
            return;
        }

        foreach (var message in added)
        {
            var agencyId = agencies.GetValueOrDefault(message.DedupeKey!);
            if (message.Type == SlaMessageTypes.Reminder)
            {
                _metrics.SlaWarning(provinceId, agencyId);
            }
            else if (message.Type == SlaMessageTypes.Breached)
            {
                _metrics.SlaBreach(provinceId, agencyId);
            }
        }
    }

    /// <summary>The agency that owns a report's current step: the assigned agency while it handles or follows up the report; otherwise the centre (<see langword="null"/>).</summary>
    internal static string? OwningAgency(ReportState state, string? assignedAgencyId) =>
        state is ReportState.Assigned or ReportState.InHandling or ReportState.FollowUpRequired ? assignedAgencyId : null;

    private static OutboxMessage Message(string provinceId, string type, ReportSummary report, SlaStep step, Instant deadline, Instant now)
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["reportId"] = report.Id.ToString(),
            ["provinceId"] = provinceId,
            ["step"] = step.ToString(),
            ["deadline"] = InstantPattern.ExtendedIso.Format(deadline),
            ["state"] = report.State.ToString(),
            ["agencyId"] = OwningAgency(report.State, report.AssignedAgencyId),
            ["isUrgent"] = report.IsUrgent,
            ["version"] = report.Version,
        });
        return OutboxMessage.Create(provinceId, type, payload, now) with
        {
            DedupeKey = string.Create(CultureInfo.InvariantCulture, $"{type}:{report.Id.Value:N}:{(int)step}:{deadline.ToUnixTimeTicks()}"),
        };
    }

    [LoggerMessage(EventId = 1300, EventName = "SlaMonitorPass", Level = LogLevel.Information,
        Message = "SLA monitor in {ProvinceId}: {Reminders} reminders, {Breaches} breaches, {LongOverdue} long overdue")]
    private static partial void LogPass(ILogger logger, string provinceId, int reminders, int breaches, int longOverdue);
}
