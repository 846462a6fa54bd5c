using FieldReports.AspNetCore;
using FieldReports.Confidentiality;
using FieldReports.Provinces;
using FieldReports.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace ReferenceHost.Pages;

/// <summary>A page of one province (the first path segment): its profile, and who is looking, as FieldReports sees them.</summary>
public abstract class ProvincePage : PageModel
{
    public string Province { get; private set; } = "";

    public ProvinceProfile Profile { get; private set; } = null!;

    /// <summary>The signed-in user as a FieldReports actor, or null for the public (also when signed in to another province).</summary>
    public Actor? Actor { get; private set; }

    public Instant Now { get; private set; }

    public ConfidentialityPolicy Policy => HttpContext.RequestServices.GetRequiredKeyedService<ConfidentialityPolicy>(Province);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        Province = (RouteData.Values["province"] as string ?? "").ToLowerInvariant();
        if (services.GetRequiredService<ProvinceCatalog>().Find(Province) is not { } profile)
        {
            context.Result = NotFound();
            return;
        }

        Profile = profile;
        Now = services.GetRequiredService<IClock>().GetCurrentInstant();

        // As the API sees the user: a staff account's role and agency come from the account directory on every request.
        var resolved = await context.HttpContext.GetFieldReportsActorAsync();
        Actor = resolved is not null && string.Equals(resolved.ProvinceId, Province, StringComparison.OrdinalIgnoreCase) ? resolved.Actor : null;
        await next();
    }

    public bool Is(params ActorRole[] roles) => Actor is not null && roles.Contains(Actor.Role);

    /// <summary>The page for someone without the role: the sign-in page for the public, 403 for a signed-in user.</summary>
    protected IActionResult Refuse() => User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();

    public string FieldName(string? code) =>
        code is not null && Profile.Fields.TryGetValue(code, out var f) ? (HttpContext.RequestServices.GetRequiredService<Hosting.Lang>().IsEnglish ? f.NameEn ?? f.NameVi : f.NameVi) : code ?? "—";

    public string AgencyName(string? id) => Profile.Agencies.Find(id)?.Name ?? id ?? "—";

    public string Local(Instant instant) => instant.InZone(Profile.TimeZone).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Loads the reports of a list and shows each through the province's confidentiality policy; rows the viewer may not see are left out.</summary>
    protected async Task<List<Item>> ViewsAsync(IEnumerable<Services.ListRow> rows, CancellationToken cancellationToken)
    {
        var actions = HttpContext.RequestServices.GetRequiredService<Services.ReportActions>();
        var list = rows.ToList();
        var reports = await actions.FindManyAsync(Province, [.. list.Select(r => r.Id)], cancellationToken);
        var items = new List<Item>();
        foreach (var row in list)
        {
            if (reports.TryGetValue(new ReportId(row.Id), out var report)
                && Policy.View(report, null, Actor, ReportConfidentiality.None, Now) is { } view)
            {
                items.Add(new Item(row, report, view));
            }
        }

        return items;
    }

    public sealed record Item(Services.ListRow Row, Report Report, ReportView View);

    public static IEnumerable<FieldReports.Routing.Agency> HandlingAgencies(ProvinceProfile profile) => Seeding.DemoSeeder.HandlingAgencies(profile);
}
