using FieldReports.Provinces;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ReferenceHost.Data;
using ReferenceHost.Hosting;
using ReferenceHost.Seeding;
using ReferenceHost.Services;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// The five seed provinces' profiles (provinces/*.json) become FieldReports:Provinces.
builder.Configuration.AddProvinceProfiles(builder.Environment.ContentRootPath);
var settings = HostSettings.From(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(settings);

// One database context owns Identity's tables and FieldReports' tables. SQLite by default;
// FieldReports:Database:Provider = Npgsql with FieldReports:Database:ConnectionString for PostgreSQL.
void ConfigureDatabase(DbContextOptionsBuilder options)
{
    if (settings.IsPostgreSql)
    {
        options.UseNpgsql(settings.ConnectionString, o => o.UseNodaTime());
    }
    else
    {
        options.UseSqlite(settings.ConnectionString);
    }

    // Adds the FieldReports model options and the durability interceptor (WAL + synchronous=FULL on SQLite,
    // synchronous_commit on PostgreSQL) to every connection of the host's context.
    options.UseFieldReports();
}

builder.Services.AddDbContext<HostDbContext>(ConfigureDatabase, optionsLifetime: ServiceLifetime.Singleton);
builder.Services.AddDbContextFactory<HostDbContext>(ConfigureDatabase);

if (builder.Configuration["FieldReports:Clock:Start"] is { Length: > 0 } clockStart)
{
    builder.Services.AddSingleton<NodaTime.IClock>(new ShiftedClock(NodaTime.Text.InstantPattern.ExtendedIso.Parse(clockStart).GetValueOrThrow()));
}

builder.Services.AddFieldReports(builder.Configuration.GetSection("FieldReports"))
    // A vendor's extension point wired in code: Huế's replies through its Zalo channel.
    .AddReplyChannel<ZaloReplyChannel>()
    .UseEntityFrameworkCore(ef => ef.UseDbContext<HostDbContext>())
    .AddAspNetCore(o =>
    {
        o.RolesFromClaims("role", "agency_id");
        o.AttachmentDirectory = settings.AttachmentDirectory;   // API uploads live with the host's data, not in the working directory
    });

// Real sign-in: ASP.NET Core Identity with hashed passwords and lockout after repeated failures.
// The cookie is only the default scheme (not the default authenticate/challenge scheme), so that a host or a test can
// put another scheme in front, e.g. a province's single sign-on.
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.AddIdentityCore<HostUser>(o =>
    {
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<HostDbContext>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<HostClaimsFactory>()
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.LogoutPath = "/account/logout";
    o.AccessDeniedPath = "/account/denied";
    // An API answers 401/403 instead of redirecting to a sign-in page.
    o.Events.OnRedirectToLogin = context => Deny(context.HttpContext, StatusCodes.Status401Unauthorized, context.RedirectUri);
    o.Events.OnRedirectToAccessDenied = context => Deny(context.HttpContext, StatusCodes.Status403Forbidden, context.RedirectUri);
});

// A province that has its own single sign-on replaces the sign-in page with OpenID Connect. The section
// FieldReports:SingleSignOn (disabled by default, see appsettings.json) documents the settings; with the package
// Microsoft.AspNetCore.Authentication.OpenIdConnect referenced, the wiring is:
//
//   builder.Services.AddAuthentication().AddOpenIdConnect("sso", o =>
//   {
//       o.Authority = sso["Authority"]; o.ClientId = sso["ClientId"]; o.ClientSecret = sso["ClientSecret"];
//       o.ResponseType = "code"; o.SignInScheme = IdentityConstants.ExternalScheme;
//       // Map the provider's claims to the four FieldReports reads: sub, role, agency_id, province.
//       o.ClaimActions.MapJsonKey("role", sso["RoleClaim"] ?? "role");
//       o.ClaimActions.MapJsonKey("agency_id", sso["AgencyClaim"] ?? "agency_id");
//       o.ClaimActions.MapJsonKey("province", sso["ProvinceClaim"] ?? "province");
//   });
//
// and the sign-in page offers "Sign in with <province SSO>" (Account/Login shows it when Enabled is true).

builder.Services.AddRazorPages();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<Lang>();
builder.Services.AddSingleton<Deadlines>();
builder.Services.AddSingleton<ReportActions>();
builder.Services.AddSingleton<ReportLists>();
builder.Services.AddSingleton<AttachmentFiles>();
builder.Services.AddScoped<DemoSeeder>();

// Notifications: the outbox's handler fans out to the in-app inbox and a log sender.
builder.Services.AddSingleton<FieldReports.Stores.IOutboxMessageHandler, NotificationOutboxHandler>();
builder.Services.AddSingleton<INotificationSender, InboxNotificationSender>();
builder.Services.AddSingleton<INotificationSender, LogNotificationSender>();
builder.Services.AddSingleton<INotificationSender, ChannelReplySender>();
builder.Services.AddSingleton<SlaMonitor>();
if (!builder.Environment.IsEnvironment("Testing"))
{
    builder.Services.AddHostedService<OutboxWorker>();
    builder.Services.AddHostedService(sp => sp.GetRequiredService<SlaMonitor>());
}

builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

var telemetry = builder.Services.AddOpenTelemetry()
    .WithTracing(t =>
    {
        t.AddSource("FieldReports");
        if (builder.Configuration.GetValue<bool>("FieldReports:Telemetry:Console"))
        {
            t.AddConsoleExporter();
        }
    })
    .WithMetrics(m =>
    {
        m.AddMeter("FieldReports");
        if (builder.Configuration.GetValue<bool>("FieldReports:Telemetry:Console"))
        {
            m.AddConsoleExporter();
        }
    });

builder.Services.AddOpenApi();
builder.Services.AddBenchmarkSupport(builder.Configuration);   // off unless FieldReports:Benchmark:Enabled (docs/performance.md)

var app = builder.Build();

// Migrations and the demo seed run explicitly, before the host takes requests.
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
    if (settings.IsPostgreSql)
    {
        // The committed migrations are SQLite's; PostgreSQL stores instants natively, so its schema is created from the model.
        await db.Database.EnsureCreatedAsync();
    }
    else
    {
        await db.Database.MigrateAsync();
    }

    if (!app.Environment.IsEnvironment("Testing") || app.Configuration.GetValue<bool>("FieldReports:SeedDemo"))
    {
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapScalarApiReference("/api/reference", o => o.WithOpenApiRoutePattern("/openapi/{documentName}.json").WithTitle("FieldReports API"));
app.MapFieldReports("/api/v1");
app.MapOpen311();
app.MapRazorPages();
app.MapFiles();
app.MapBenchmarkEndpoints();

app.MapGet("/lang/{code}", (string code, string? returnUrl, HttpContext context) =>
{
    context.Response.Cookies.Append(Lang.Cookie, code == "en" ? "en" : "vi", new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    // Only a path of this site: "//host" and "/\host" are other sites, which LocalRedirect refuses with an exception.
    var local = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'));
    return TypedResults.LocalRedirect(local ? returnUrl! : "/");
}).ExcludeFromDescription();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));

await app.RunAsync();

static void PrintWelcome(WebApplication app)
{
    var url = app.Urls.FirstOrDefault() ?? "http://127.0.0.1:5080";
    var catalog = app.Services.GetRequiredService<ProvinceCatalog>();
    var lines = new List<string>
    {
        "",
        $"FieldReports reference host: {url}/",
        $"Demo sign-ins, password {DemoSeeder.DemoPassword}: <p>.citizen <p>.reception <p>.approver <p>.leader <p>.admin, handling staff <p>.<agency>",
        "",
    };
    foreach (var id in catalog.Ids.Order(StringComparer.Ordinal))
    {
        var agencies = string.Join(" ", DemoSeeder.HandlingAgencies(catalog.Get(id)).Select(a => $"{id}.{a.Id}"));
        lines.Add($"  {catalog.Get(id).Options.DisplayName,-16} {url}/{id}/   {id}.citizen {id}.reception  agencies: {agencies}");
    }

    lines.Add("");
    lines.Add($"  API reference: {url}/api/reference   OpenAPI: {url}/openapi/v1.json   Health: {url}/health/ready");
    lines.Add("");
    Console.WriteLine(string.Join(Environment.NewLine, lines));
}

static Task Deny(HttpContext context, int status, string redirectUri)
{
    if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    context.Response.Redirect(redirectUri);
    return Task.CompletedTask;
}

/// <summary>The reference host's entry point, visible to functional tests.</summary>
public partial class Program;
