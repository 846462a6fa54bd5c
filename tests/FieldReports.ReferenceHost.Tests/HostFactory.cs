using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FieldReports.ReferenceHost.Tests;

/// <summary>
/// The reference host in memory with chosen settings (database provider, single sign-on, …). With <c>testSignIn</c>, a
/// request's <c>X-Test-User: role;account;agency;province</c> header signs it in, as a province's sign-in would.
/// </summary>
public sealed partial class HostFactory(IReadOnlyDictionary<string, string?> settings, bool testSignIn = true, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s =>
        {
            if (testSignIn)
            {
                s.AddAuthentication(o =>
                    {
                        o.DefaultScheme = TestSignIn.SchemeName;
                        o.DefaultChallengeScheme = TestSignIn.SchemeName;
                    })
                    .AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, _ => { });
            }

            services?.Invoke(s);
        });
    }

    /// <summary>A 1×1 PNG, enough for a photo upload.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A client signed in as one user, keeping cookies (the antiforgery cookie of the pages).</summary>
    public HttpClient As(string? user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestSignIn.Header, user);
        }

        return client;
    }

    /// <summary>Opens a page and posts one of its forms the way a browser would: with the page's antiforgery token.</summary>
    /// <param name="tokenFrom">The page to take the token from when <paramref name="path"/> shows no form; the token is not page-specific.</param>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, (string Name, string FileName, byte[] Bytes)? file = null, string? tokenFrom = null)
    {
        var page = await client.GetStringAsync(new Uri(tokenFrom ?? path, UriKind.Relative));
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"{path} has no form with an antiforgery token:\n{page}");
        var form = new MultipartFormDataContent { { new StringContent(token.Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(bytes, f.Name, f.FileName);
        }

        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>Signs requests in from a test header, with the four claims FieldReports reads.</summary>
internal sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = value.ToString().Split(';');
        var claims = new List<Claim> { new("role", parts[0]), new("sub", parts[1]), new("province", parts[3]) };
        if (parts[2].Length > 0)
        {
            claims.Add(new Claim("agency_id", parts[2]));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
    }
}
