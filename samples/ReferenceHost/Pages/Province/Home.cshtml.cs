using Microsoft.EntityFrameworkCore;
using ReferenceHost.Data;

namespace ReferenceHost.Pages.Province;

public sealed class HomeModel(IDbContextFactory<HostDbContext> contexts) : ProvincePage
{
    public IReadOnlyList<InboxMessage> Inbox { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Actor is null)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var role = User.FindFirst("role")?.Value;
        var agency = Actor.AgencyId;
        Inbox = await db.Inbox.AsNoTracking()
            .Where(m => m.ProvinceId == Province && (m.AccountId == Actor.AccountId || (m.AccountId == null && m.Role == role && (m.AgencyId == null || m.AgencyId == agency))))
            .OrderByDescending(m => m.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
    }
}
