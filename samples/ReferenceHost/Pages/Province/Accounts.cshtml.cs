using FieldReports.Moderation;
using FieldReports.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReferenceHost.Data;
using ReferenceHost.Hosting;
using ReferenceHost.Services;

namespace ReferenceHost.Pages.Province;

/// <summary>The province's citizen accounts with their sanctions: for the centre's staff, who record violations, and administrators, who lock and ban.</summary>
[Authorize]
public sealed class AccountsModel(IDbContextFactory<HostDbContext> contexts, ReportActions actions) : ProvincePage
{
    public List<(HostUser User, AccountModeration Record)> Accounts { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Is(ActorRole.ReceptionStaff, ActorRole.Approver, ActorRole.Administrator))
        {
            return Refuse();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var citizens = await db.Users.AsNoTracking().Where(u => u.ProvinceId == Province && u.Role == "reporter").OrderBy(u => u.UserName).Take(500).ToListAsync(cancellationToken);
        foreach (var user in citizens)
        {
            Accounts.Add((user, await actions.ModerationAsync(Province, user.Id, cancellationToken)));
        }

        return Page();
    }
}

/// <summary>One citizen account: its violations and decisions, and the forms to record a violation, lock, ban and lift them.</summary>
[Authorize]
public sealed class AccountModel(IDbContextFactory<HostDbContext> contexts, ReportActions actions, Lang l) : ProvincePage
{
    [BindProperty(SupportsGet = true)] public string AccountId { get; set; } = "";

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public ViolationKind Kind { get; set; }

    public HostUser Citizen { get; private set; } = null!;

    public AccountModeration Record { get; private set; } = null!;

    public string? Error { get; private set; }

    public bool IsAdministrator => Is(ActorRole.Administrator);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var reason = Reason?.Trim() ?? "";
        var result = action switch
        {
            "violation" => await actions.RecordViolationAsync(Province, AccountId, Kind, Actor!, string.IsNullOrEmpty(reason) ? null : reason, cancellationToken),
            "lock" => await actions.ImposeAsync(Province, AccountId, SanctionKind.AccountLock, Actor!, reason, cancellationToken),
            "unlock" => await actions.LiftAsync(Province, AccountId, SanctionKind.AccountLock, Actor!, reason, cancellationToken),
            "ban" => await actions.ImposeAsync(Province, AccountId, SanctionKind.InteractionBan, Actor!, reason, cancellationToken),
            "unban" => await actions.LiftAsync(Province, AccountId, SanctionKind.InteractionBan, Actor!, reason, cancellationToken),
            _ => (FieldReports.DomainResult?)null,
        };
        if (result is not { } done)
        {
            Error = l["Thao tác không hợp lệ.", "Not a valid action."];
            return Page();
        }

        if (!done.IsSuccess)
        {
            Error = Ui.Error(l, done.Error!);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/{Province}/accounts/{AccountId}?done={action}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Is(ActorRole.ReceptionStaff, ActorRole.Approver, ActorRole.Administrator))
        {
            return Refuse();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == AccountId && u.ProvinceId == Province && u.Role == "reporter", cancellationToken) is not { } citizen)
        {
            return NotFound();
        }

        Citizen = citizen;
        Record = await actions.ModerationAsync(Province, AccountId, cancellationToken);
        return null;
    }
}
