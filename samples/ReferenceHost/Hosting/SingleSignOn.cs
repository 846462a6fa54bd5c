using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ReferenceHost.Hosting;

/// <summary>
/// A province's own identity provider through OpenID Connect (FieldReports:SingleSignOn), next to the host's sign-in page:
/// the authorization code flow with PKCE, and the provider's claims mapped to the four FieldReports reads — <c>sub</c>,
/// <c>role</c>, <c>agency_id</c> and <c>province</c>. A signed-in user gets the host's usual sign-in cookie.
/// </summary>
public static class SingleSignOn
{
    /// <summary>The authentication scheme's name; <c>/account/sso</c> challenges it.</summary>
    public const string Scheme = "sso";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>("FieldReports:SingleSignOn:Enabled");

    public static AuthenticationBuilder AddProvinceSingleSignOn(this AuthenticationBuilder authentication, IConfigurationSection settings)
    {
        var roleClaim = settings["RoleClaim"] is { Length: > 0 } r ? r : "role";
        var agencyClaim = settings["AgencyClaim"] is { Length: > 0 } a ? a : "agency_id";
        var provinceClaim = settings["ProvinceClaim"] is { Length: > 0 } p ? p : "province";
        return authentication.AddOpenIdConnect(Scheme, settings["DisplayName"], o =>
        {
            o.Authority = settings["Authority"];
            o.ClientId = settings["ClientId"];
            o.ClientSecret = settings["ClientSecret"] is { Length: > 0 } secret ? secret : null;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            o.CallbackPath = "/account/sso/callback";
            o.SignedOutCallbackPath = "/account/sso/signed-out";
            // Keep the provider's claim names (sub, not the long XML name) so that the mapping below reads them as sent.
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.TokenValidationParameters.NameClaimType = "name";
            o.TokenValidationParameters.RoleClaimType = "role";
            o.ClaimActions.MapUniqueJsonKey(roleClaim, roleClaim);
            o.ClaimActions.MapUniqueJsonKey(agencyClaim, agencyClaim);
            o.ClaimActions.MapUniqueJsonKey(provinceClaim, provinceClaim);
            o.Events.OnTicketReceived = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity)
                {
                    MapClaims(identity, roleClaim, agencyClaim, provinceClaim, settings["Province"]);
                }

                return Task.CompletedTask;
            };
        });
    }

    /// <summary>
    /// Adds the claims FieldReports reads from the provider's own names: <c>role</c>, <c>agency_id</c>, <c>province</c> (or
    /// the configured Province when the provider sends none) and <c>display_name</c> from <c>name</c>.
    /// </summary>
    public static void MapClaims(ClaimsIdentity identity, string roleClaim, string agencyClaim, string provinceClaim, string? fixedProvince)
    {
        ArgumentNullException.ThrowIfNull(identity);
        Copy(identity, roleClaim, "role");
        Copy(identity, agencyClaim, "agency_id");
        Copy(identity, provinceClaim, "province");
        Copy(identity, "name", "display_name");
        if (identity.FindFirst("province") is null && !string.IsNullOrEmpty(fixedProvince))
        {
            identity.AddClaim(new Claim("province", fixedProvince));
        }
    }

    private static void Copy(ClaimsIdentity identity, string from, string to)
    {
        if (from != to && identity.FindFirst(to) is null && identity.FindFirst(from) is { } source)
        {
            identity.AddClaim(new Claim(to, source.Value));
        }
    }
}
