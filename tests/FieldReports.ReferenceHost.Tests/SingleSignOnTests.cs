using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ReferenceHost.Hosting;

namespace FieldReports.ReferenceHost.Tests;

/// <summary>A province's own identity provider: OpenID Connect with PKCE when enabled, nothing of it when not (#8).</summary>
public sealed class SingleSignOnTests
{
    private static HostFactory Host(bool enabled) => new(
        new Dictionary<string, string?>
        {
            ["FieldReports:SingleSignOn:Enabled"] = enabled ? "true" : "false",
            ["FieldReports:SingleSignOn:DisplayName"] = "VNeID Cà Mau",
            ["FieldReports:SingleSignOn:Authority"] = "https://sso.ca-mau.example/realms/citizens",
            ["FieldReports:SingleSignOn:ClientId"] = "fieldreports-ca-mau",
        },
        testSignIn: false,
        services: s => s.PostConfigure<OpenIdConnectOptions>(SingleSignOn.Scheme, o =>
        {
            // The provider's metadata as its discovery document would give it: no network in the test.
            o.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = "https://sso.ca-mau.example/realms/citizens",
                AuthorizationEndpoint = "https://sso.ca-mau.example/realms/citizens/protocol/openid-connect/auth",
                TokenEndpoint = "https://sso.ca-mau.example/realms/citizens/protocol/openid-connect/token",
            };
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
        }));

    [Fact]
    public async Task Enabled_sign_in_page_offers_the_province_button_and_its_challenge_goes_to_the_authority_with_PKCE_and_state_8()
    {
        await using var host = Host(enabled: true);
        using var client = host.As(null);

        var login = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/account/login?returnUrl=%2Fca-mau%2Fmine", UriKind.Relative)));
        Assert.Contains("id=\"sso\"", login, StringComparison.Ordinal);
        Assert.Contains("VNeID Cà Mau", login, StringComparison.Ordinal);
        Assert.Contains("/account/sso?returnUrl=%2Fca-mau%2Fmine", login, StringComparison.Ordinal);

        var challenge = await client.GetAsync(new Uri("/account/sso?returnUrl=%2Fca-mau%2Fmine", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.Equal("https://sso.ca-mau.example/realms/citizens/protocol/openid-connect/auth", location.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("fieldreports-ca-mau", query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.False(string.IsNullOrEmpty(query["code_challenge"].ToString()));
        Assert.False(string.IsNullOrEmpty(query["state"].ToString()));
        Assert.EndsWith("/account/sso/callback", query["redirect_uri"].ToString(), StringComparison.Ordinal);
        Assert.Contains("openid", query["scope"].ToString(), StringComparison.Ordinal);
        // The correlation and nonce cookies that the callback checks against the state.
        Assert.Contains(challenge.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disabled_sign_in_page_has_no_button_and_there_is_no_challenge_8()
    {
        await using var host = Host(enabled: false);
        using var client = host.As(null);

        var login = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/account/login", UriKind.Relative)));
        Assert.DoesNotContain("id=\"sso\"", login, StringComparison.Ordinal);
        Assert.DoesNotContain("VNeID", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/account/sso", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void Provider_claims_become_the_four_FieldReports_reads_and_a_fixed_province_fills_a_missing_one_8()
    {
        var identity = new ClaimsIdentity([new Claim("sub", "u-1"), new Claim("roles", "handling_staff"), new Claim("org", "so-gtvt"), new Claim("name", "Nguyễn Văn A")], "sso");

        SingleSignOn.MapClaims(identity, "roles", "org", "tinh", "ca-mau");

        Assert.Equal("handling_staff", identity.FindFirst("role")!.Value);
        Assert.Equal("so-gtvt", identity.FindFirst("agency_id")!.Value);
        Assert.Equal("ca-mau", identity.FindFirst("province")!.Value);
        Assert.Equal("Nguyễn Văn A", identity.FindFirst("display_name")!.Value);
        Assert.Equal("u-1", identity.FindFirst("sub")!.Value);
    }
}
