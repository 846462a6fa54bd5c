using System.Security.Claims;
using FieldReports.Reports;
using Microsoft.Extensions.Options;

namespace FieldReports.AspNetCore;

/// <summary>The default <see cref="IActorResolver"/>: reads the claims named in <see cref="FieldReportsAspNetCoreOptions"/>.</summary>
internal sealed class ClaimsActorResolver(IOptionsMonitor<FieldReportsAspNetCoreOptions> options) : IActorResolver
{
    public ResolvedActor? Resolve(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var o = options.CurrentValue;
        var accountId = user.FindFirst(o.AccountIdClaimType)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var roleText = user.FindFirst(o.RoleClaimType)?.Value ?? user.FindFirst(ClaimTypes.Role)?.Value;
        if (string.IsNullOrWhiteSpace(accountId) || !TryParseRole(roleText, out var role) || role == ActorRole.System)
        {
            return null;
        }

        var agency = user.FindFirst(o.AgencyClaimType)?.Value;
        if (role == ActorRole.HandlingStaff && string.IsNullOrWhiteSpace(agency))
        {
            return null;
        }

        return new ResolvedActor(new Actor(role, accountId, string.IsNullOrWhiteSpace(agency) ? null : agency), user.FindFirst(o.ProvinceClaimType)?.Value);
    }

    internal static bool TryParseRole(string? text, out ActorRole role)
    {
        role = default;
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsDigit))
        {
            return false;
        }

        return Enum.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out role)
            && Enum.IsDefined(role);
    }
}
