using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.AspNetCore;

/// <summary>
/// Deletes evidence that handling staff uploaded (<c>POST reports/{id}/evidence</c>, or a host's form) and no result
/// cited. Such files are served to nobody, yet they are photos and videos of a place and may show people: they are kept
/// only while a result could still cite them. An evidence attachment is deleted when
/// <list type="bullet">
/// <item>its report is in a state from which, by the workflow, it can never come back to handling
/// (<see cref="SettledStates"/>: published, replied privately, answered directly, rated, under follow-up, closed,
/// withdrawn, rejected), so that no result can cite it any more — a result sent back, a report returned to the centre,
/// escalated or redistributed keeps its evidence, since the next result may still cite it;</item>
/// <item>it was uploaded more than <see cref="EvidenceCleanupOptions.Retention"/> ago; and</item>
/// <item>no result of the report cited it: neither the latest (<see cref="Report.Evidence"/>) nor any earlier one in the
/// report's history (a result the centre sent back stays on the record with its evidence).</item>
/// </list>
/// Cited evidence is marked <see cref="AttachmentRole.RetainedEvidence"/> and not looked at again. The citizen's own
/// attachments (<see cref="AttachmentRole.Report"/>) are never touched.
/// </summary>
/// <remarks>
/// The bytes go first (the stripped copy and the original, through <see cref="IAttachmentContentStore"/>, whose deletes
/// are idempotent), then the row. A pass that stops in between leaves a row without bytes, which nobody can download
/// (uncited evidence is in no one's view of the report) and which the next pass finds again and finishes; the other
/// order could leave bytes that no row names, which nothing would ever find.
/// </remarks>
internal sealed partial class EvidenceCleanup(
    ProvinceCatalog provinces,
    IAttachmentStore attachments,
    IReportStore reports,
    IAttachmentContentStore content,
    IOptions<FieldReportsAspNetCoreOptions> options,
    ILogger<EvidenceCleanup> logger)
{
    /// <summary>The states from which the workflow never leads back to one where a result can be submitted.</summary>
    public static IReadOnlySet<ReportState> SettledStates { get; } = ComputeSettledStates();

    /// <summary>Runs one pass over every province as of <paramref name="now"/>.</summary>
    /// <returns>How many evidence attachments were deleted.</returns>
    public async Task<int> RunPassAsync(Instant now, CancellationToken cancellationToken)
    {
        var settings = options.Value.EvidenceCleanup;
        var uploadedBefore = now - Duration.FromTimeSpan(settings.Retention);
        var states = SettledStates.ToList();
        var removed = 0;
        foreach (var provinceId in provinces.Ids.Order(StringComparer.Ordinal).ToList())
        {
            var (inProvince, retained) = (0, 0);
            while (true)
            {
                var page = await attachments.ListEvidenceToReviewAsync(provinceId, uploadedBefore, states, settings.PageSize, cancellationToken);
                var (keep, drop) = await SortAsync(provinceId, page, cancellationToken);
                await attachments.RetainEvidenceAsync(provinceId, [.. keep.Select(a => a.Id)], cancellationToken);
                foreach (var attachment in drop)
                {
                    await DerivedCopies.DeleteAsync(content, attachment.StorageKey, cancellationToken);
                    if (attachment.OriginalStorageKey is { } original)
                    {
                        await DerivedCopies.DeleteAsync(content, original, cancellationToken);
                    }
                }

                inProvince += await attachments.RemoveEvidenceAsync(provinceId, [.. drop.Select(a => a.Id)], cancellationToken);
                retained += keep.Count;

                // A short page is the last; a page where nothing changed would come back the same.
                if (page.Count < settings.PageSize || keep.Count + drop.Count == 0)
                {
                    break;
                }
            }

            if (inProvince + retained > 0)
            {
                LogPass(logger, provinceId, inProvince, retained);
            }

            removed += inProvince;
        }

        return removed;
    }

    /// <summary>Splits the page into evidence a result cited (kept) and evidence none did (deleted).</summary>
    private async Task<(List<AttachmentMetadata> Keep, List<AttachmentMetadata> Drop)> SortAsync(string provinceId, IReadOnlyList<AttachmentMetadata> page, CancellationToken ct)
    {
        var (keep, drop) = (new List<AttachmentMetadata>(), new List<AttachmentMetadata>());
        foreach (var group in page.Where(a => a.ReportId is not null).GroupBy(a => a.ReportId!.Value))
        {
            if (await reports.FindAsync(provinceId, group.Key, ct) is not { } report || !SettledStates.Contains(report.State))
            {
                continue;
            }

            var cited = CitedBy(report);
            foreach (var attachment in group)
            {
                (cited.Contains(attachment.Id) ? keep : drop).Add(attachment);
            }
        }

        return (keep, drop);
    }

    /// <summary>Every attachment id a result of the report cited, and the report's own attachments.</summary>
    internal static HashSet<string> CitedBy(Report report)
    {
        var cited = new HashSet<string>(report.Evidence, StringComparer.Ordinal);
        cited.UnionWith(report.Content.AttachmentIds);
        foreach (var e in report.Events)
        {
            if (e.Trigger == ReportTrigger.SubmitResult && e.Data.TryGetValue("evidence", out var ids))
            {
                cited.UnionWith(ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return cited;
    }

    private static HashSet<ReportState> ComputeSettledStates()
    {
        // Walk the transition table backwards from the states where a result can be submitted.
        var open = ReportWorkflow.All.Where(t => t.Trigger == ReportTrigger.SubmitResult).Select(t => t.From).ToHashSet();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var t in ReportWorkflow.All)
            {
                grew |= open.Contains(t.To) && open.Add(t.From);
            }
        }

        return [.. Enum.GetValues<ReportState>().Where(s => !open.Contains(s))];
    }

    [LoggerMessage(EventId = 1320, EventName = "EvidenceCleanupPass", Level = LogLevel.Information,
        Message = "Evidence cleanup in {ProvinceId}: {Removed} uncited evidence files deleted, {Retained} cited ones kept")]
    private static partial void LogPass(ILogger logger, string provinceId, int removed, int retained);
}
