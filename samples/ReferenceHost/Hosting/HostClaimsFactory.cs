using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ReferenceHost.Data;

namespace ReferenceHost.Hosting;

/// <summary>
/// Puts the claims FieldReports.AspNetCore reads (sub, role, agency_id, province) into the sign-in cookie. A province
/// that signs in through its own OpenID Connect provider maps the same four claims from the provider's token instead.
/// </summary>
public sealed class HostClaimsFactory(UserManager<HostUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<HostUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HostUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);

        // The last disable or enable decision stays in the store, not in the cookie.
        foreach (var status in identity.FindAll(HostStaffDirectory.StatusClaim).ToList())
        {
            identity.RemoveClaim(status);
        }

        identity.AddClaim(new Claim("sub", user.Id));
        identity.AddClaim(new Claim("role", user.Role));
        identity.AddClaim(new Claim("province", user.ProvinceId));
        identity.AddClaim(new Claim("display_name", user.DisplayName));
        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim("agency_id", agency));
        }

        return identity;
    }
}
