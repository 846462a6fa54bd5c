using System.Text.Json;
using FieldReports;
using FieldReports.Intake;
using FieldReports.Reports;
using FieldReports.Services;
using FieldReports.Stores;

namespace ReferenceHost.Services;

/// <summary>
/// The pages' entry to the domain: submissions and commands go through <see cref="ReportService"/>, which applies the
/// province's intake rules and workflow and saves the report, its current deadline and an outbox message in one transaction.
/// </summary>
public sealed class ReportActions(ReportService reports, IReportStore store)
{
    public Task<Report?> FindAsync(string provinceId, Guid id, CancellationToken cancellationToken) =>
        store.FindAsync(provinceId, new ReportId(id), cancellationToken);

    public Task<ReportOutcome> SubmitAsync(string provinceId, ReportDraft draft, Actor submitter, CancellationToken cancellationToken) =>
        reports.SubmitAsync(provinceId, draft, submitter, null, cancellationToken);

    public async Task<DomainResult> ApplyAsync(string provinceId, Guid id, ReportCommand command, Actor actor, CancellationToken cancellationToken)
    {
        var outcome = await reports.ApplyAsync(provinceId, new ReportId(id), command, actor, cancellationToken);
        return outcome.Error is { } error ? DomainResult.Failure(error) : DomainResult.Success;
    }

    /// <summary>Reads the transition a <see cref="ReportMessageTypes"/> outbox message describes; <see langword="null"/> for other messages.</summary>
    public static TransitionPayload? TransitionOf(OutboxMessage message)
    {
        if (!message.Type.StartsWith(ReportMessageTypes.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var p = JsonDocument.Parse(message.PayloadJson).RootElement;
        return new TransitionPayload(
            Guid.Parse(p.GetProperty("reportId").GetString()!),
            p.GetProperty("trigger").GetString()!,
            p.GetProperty("to").GetString()!,
            p.TryGetProperty("assignedAgencyId", out var agency) && agency.ValueKind == JsonValueKind.String ? agency.GetString() : null,
            p.GetProperty("reporterAccountId").GetString()!,
            p.GetProperty("sequence").GetInt32());
    }
}

/// <summary>What the outbox carries about a transition. The reporter's account id is an opaque key used to address the inbox.</summary>
public sealed record TransitionPayload(Guid ReportId, string Trigger, string State, string? AgencyId, string ReporterAccountId, int Version);
