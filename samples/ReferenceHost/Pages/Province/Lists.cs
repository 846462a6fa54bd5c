using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ReferenceHost.Services;

namespace ReferenceHost.Pages.Province;

[Authorize]
public sealed class MineModel(ReportLists lists) : ProvincePage
{
    public List<Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Is(ActorRole.Reporter))
        {
            return Refuse();
        }

        var rows = await lists.ListAsync(Province, reporterAccountId: Actor!.AccountId, cancellationToken: cancellationToken);
        Items = [.. (await ViewsAsync(rows, cancellationToken)).OrderByDescending(i => i.Row.SubmittedAt)];
        return Page();
    }
}

/// <summary>The centre's province-wide work: intake queue, returned reports, results awaiting approval, escalations, overdue.</summary>
[Authorize]
public sealed class CentreModel(ReportLists lists) : ProvincePage
{
    public static readonly ReportState[] Watched =
        [ReportState.Submitted, ReportState.Received, ReportState.ReturnedToCentre, ReportState.ResultSubmitted, ReportState.Escalated, ReportState.Assigned, ReportState.InHandling, ReportState.FollowUpRequired];

    public List<Item> Items { get; private set; } = [];

    /// <summary>Interactions on results the centre answered itself, waiting for its answer.</summary>
    public IReadOnlyList<PendingInteraction> Interactions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Is(ActorRole.ReceptionStaff, ActorRole.Approver, ActorRole.Administrator, ActorRole.Leader))
        {
            return Refuse();
        }

        Items = await ViewsAsync(await lists.ListAsync(Province, Watched, cancellationToken: cancellationToken), cancellationToken);
        Interactions = await lists.UnansweredInteractionsAsync(Province, null, cancellationToken);
        return Page();
    }
}

[Authorize]
public sealed class AgencyModel(IReportQueries queries, ReportLists lists) : ProvincePage
{
    public List<Item> Items { get; private set; } = [];

    /// <summary>Citizens' interactions on the agency's published results, waiting for its answer.</summary>
    public IReadOnlyList<PendingInteraction> Interactions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Is(ActorRole.HandlingStaff))
        {
            return Refuse();
        }

        var queue = await queries.GetAgencyQueueAsync(Province, Actor!.AgencyId!, 0, 200, cancellationToken);
        var rows = queue.Select(s => new ListRow(s.Id.Value, s.State, s.FieldCode, s.AssignedAgencyId, s.IsUrgent, s.IsConfidential, s.SubmittedAt, s.CurrentDeadline, null, null));
        Items = await ViewsAsync(rows, cancellationToken);
        Interactions = await lists.UnansweredInteractionsAsync(Province, Actor.AgencyId, cancellationToken);
        return Page();
    }
}

/// <summary>Published results: what the store publishes is already without personal data; confidential reports never appear.</summary>
public sealed class PublicModel(IReportQueries queries, IConfiguration configuration) : ProvincePage
{
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }

    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public ReportPage<PublishedReport> Results { get; private set; } = new([], null);

    public string TileUrl => configuration["FieldReports:Map:TileUrl"] ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Results = await queries.GetPublishedAsync(Province, new PublishedReportFilter { FieldCode = string.IsNullOrEmpty(Field) ? null : Field }, string.IsNullOrEmpty(Cursor) ? null : Cursor, 30, cancellationToken);
        }
        catch (ArgumentException)
        {
            // A cursor this list never issued: the caller's input, not a server fault.
            return BadRequest();
        }

        return Page();
    }
}
