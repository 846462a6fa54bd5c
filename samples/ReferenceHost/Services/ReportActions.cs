using FieldReports;
using System.Text.Json;
using FieldReports.Intake;
using FieldReports.Reports;
using FieldReports.Stores;
using NodaTime;

namespace ReferenceHost.Services;

/// <summary>
/// Submits reports and moves them through the workflow: the domain decides, the store saves the report, its current
/// deadline and an outbox message in one transaction.
/// </summary>
public sealed class ReportActions(IServiceProvider services, IReportStore store, IClock clock, Deadlines deadlines)
{
    public const string TransitionMessage = "report.transition";

    public Task<Report?> FindAsync(string provinceId, Guid id, CancellationToken cancellationToken) =>
        store.FindAsync(provinceId, new ReportId(id), cancellationToken);

    public async Task<(IntakeResult Result, DomainResult Stored)> SubmitAsync(string provinceId, ReportDraft draft, Actor submitter, CancellationToken cancellationToken)
    {
        var intake = services.GetRequiredKeyedService<IntakeService>(provinceId);
        var result = intake.Submit(draft, submitter);
        if (result.Report is not { } report)
        {
            return (result, DomainResult.Success);
        }

        var now = clock.GetCurrentInstant();
        var stored = await store.AddAsync(provinceId, report, result.Contact, deadlines.DeadlineOf(report, now), [Message(provinceId, report, now)], cancellationToken);
        return (result, stored);
    }

    public async Task<DomainResult> ApplyAsync(string provinceId, Guid id, ReportCommand command, Actor actor, CancellationToken cancellationToken)
    {
        var report = await store.FindAsync(provinceId, new ReportId(id), cancellationToken);
        if (report is null)
        {
            return new DomainError("FR-HOST-404", FieldReports.ErrorKind.NotFound, "The report does not exist in this province.");
        }

        var version = report.Version;
        var now = clock.GetCurrentInstant();
        var applied = report.Apply(command, actor, now);
        if (!applied.IsSuccess)
        {
            return applied;
        }

        return await store.SaveAsync(provinceId, report, version, deadlines.DeadlineOf(report, now), [Message(provinceId, report, now)], cancellationToken);
    }

    /// <summary>The outbox message of a transition: ids and states only, no personal data.</summary>
    public static OutboxMessage Message(string provinceId, Report report, Instant at)
    {
        var last = report.Events[^1];
        var payload = JsonSerializer.Serialize(new TransitionPayload(report.Id.Value, last.Trigger.ToString(), report.State.ToString(), report.AssignedAgencyId, report.ReporterAccountId, report.Version));
        return OutboxMessage.Create(provinceId, TransitionMessage, payload, at);
    }
}

/// <summary>What the outbox carries about a transition. The reporter's account id is an opaque key used to address the inbox.</summary>
public sealed record TransitionPayload(Guid ReportId, string Trigger, string State, string? AgencyId, string ReporterAccountId, int Version);
