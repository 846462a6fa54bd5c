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

// The build writes the OpenAPI document by starting the host under GetDocument.Insider: no database, seed or workers then.
var generatingDocument = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

// The five seed provinces' profiles (provinces/*.json) become FieldReports:Provinces.
builder.Configuration.AddProvinceProfiles(builder.Environment.ContentRootPath);
var settings = HostSettings.From(builder.Configuration, builder.Environment);

// The library's SLA monitor (registered by UseEntityFrameworkCore) reminds, marks breaches and raises long-overdue
// reports every minute; tests run without it unless they turn it on, and writing the OpenAPI document (no database) never.
if (generatingDocument)
{
    builder.Configuration["FieldReports:SlaMonitor:Enabled"] = "false";
}
else if (builder.Environment.IsEnvironment("Testing"))
{
    builder.Configuration["FieldReports:SlaMonitor:Enabled"] ??= "false";
}
builder.Services.AddSingleton(settings);

// One database context owns Identity's tables and FieldReports' tables, from a pooled factory (the stores create one per
// operation; Identity's scoped one comes from the same pool). SQLite by default;
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

if (settings.IsPostgreSql)
{
    // PostgreSQL has its own context type, so that EF Core picks its migrations (Data/NpgsqlMigrations) and not SQLite's.
    builder.Services.AddPooledDbContextFactory<NpgsqlHostDbContext>(ConfigureDatabase);
    builder.Services.AddSingleton<IDbContextFactory<HostDbContext>>(sp => new HostDbContextFactory<NpgsqlHostDbContext>(sp.GetRequiredService<IDbContextFactory<NpgsqlHostDbContext>>()));
    builder.Services.AddScoped<HostDbContext>(sp => sp.GetRequiredService<IDbContextFactory<NpgsqlHostDbContext>>().CreateDbContext());
}
else
{
    builder.Services.AddPooledDbContextFactory<HostDbContext>(ConfigureDatabase);
    builder.Services.AddScoped<HostDbContext>(sp => sp.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContext());
}

if (builder.Configuration["FieldReports:Clock:Start"] is { Length: > 0 } clockStart)
{
    builder.Services.AddSingleton<NodaTime.IClock>(new ShiftedClock(NodaTime.Text.InstantPattern.ExtendedIso.Parse(clockStart).GetValueOrThrow()));
}

builder.Services.AddFieldReports(builder.Configuration.GetSection("FieldReports"))
    // A vendor's extension point wired in code: Huế's replies through its Zalo channel.
    .AddReplyChannel<ZaloReplyChannel>()
    .UseEntityFrameworkCore(ef => ef.UseDbContext<HostDbContext>().ConfigureOutbox(o =>
    {
        // FieldReports:Outbox:BatchSize, :PollingInterval and :MinimumPassInterval (TimeSpans) and :HandOff tune the dispatcher; the defaults suit most hosts.
        if (builder.Configuration.GetValue<int?>("FieldReports:Outbox:BatchSize") is { } batch)
        {
            o.BatchSize = batch;
        }

        if (builder.Configuration.GetValue<TimeSpan?>("FieldReports:Outbox:PollingInterval") is { } polling)
        {
            o.PollingInterval = NodaTime.Duration.FromTimeSpan(polling);
        }

        if (builder.Configuration.GetValue<TimeSpan?>("FieldReports:Outbox:MinimumPassInterval") is { } pass)
        {
            o.MinimumPassInterval = NodaTime.Duration.FromTimeSpan(pass);
        }

        if (builder.Configuration.GetValue<bool?>("FieldReports:Outbox:HandOff") is { } handOff)
        {
            o.HandOff = handOff;
        }
    }))
    .AddAspNetCore(o =>
    {
        o.RolesFromClaims("role", "agency_id");
        // The host's own accounts are checked against its account directory on every request; single sign-on accounts
        // keep the roles their provider gives.
        o.StaffDirectoryAuthenticationType = IdentityConstants.ApplicationScheme;
        o.AttachmentDirectory = settings.AttachmentDirectory;   // API uploads live with the host's data, not in the working directory
        o.EvidenceCleanup.Enabled = !generatingDocument && !builder.Environment.IsEnvironment("Testing");   // like the SLA monitor
        builder.Configuration.GetSection("FieldReports:Uploads").Bind(o.Uploads);   // MaxConcurrent, QueueLimit, QueueTimeout, RetryAfterSeconds
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
// Administrators manage staff accounts through the API (admin/staff) over Identity's users.
builder.Services.AddScoped<FieldReports.Accounts.IStaffDirectory, HostStaffDirectory>();

// A cookie is checked against the account's security stamp every minute: a changed role or agency is re-issued into it, a
// disabled account is signed out (the API and the pages read the account on every request anyway).
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.LogoutPath = "/account/logout";
    o.AccessDeniedPath = "/account/denied";
    // An API answers 401/403 instead of redirecting to a sign-in page.
    o.Events.OnRedirectToLogin = context => Deny(context.HttpContext, StatusCodes.Status401Unauthorized, context.RedirectUri);
    o.Events.OnRedirectToAccessDenied = context => Deny(context.HttpContext, StatusCodes.Status403Forbidden, context.RedirectUri);
    // Only the host's own accounts have a security stamp; a single sign-on session (signed in to the same cookie) is the
    // provider's, and would otherwise be signed out at the first check for want of a stamp.
    // The validator itself is resolved (with Identity's user manager, sign-in manager and a database context) only when
    // its interval has passed since the cookie was issued; before then it would decide to do nothing, at that cost on
    // every request.
    o.Events.OnValidatePrincipal = context =>
        context.Principal?.Identities.Any(i => i.AuthenticationType == IdentityConstants.ApplicationScheme) == true
        && StampCheckDue(context)
            ? SecurityStampValidator.ValidatePrincipalAsync(context)
            : Task.CompletedTask;
});

// A province that has its own identity provider signs in through OpenID Connect (FieldReports:SingleSignOn, disabled
// by default); the sign-in page then offers its button next to the host's own accounts.
if (SingleSignOn.IsEnabled(builder.Configuration))
{
    builder.Services.AddAuthentication().AddProvinceSingleSignOn(builder.Configuration.GetSection("FieldReports:SingleSignOn"));
}

builder.Services.AddRazorPages();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<Lang>();
builder.Services.AddSingleton<Deadlines>();
builder.Services.AddSingleton<ReportActions>();
builder.Services.AddSingleton<ReportLists>();
builder.Services.AddScoped<DemoSeeder>();

// Notifications: the outbox's handler fans out to the in-app inbox and a log sender.
builder.Services.AddSingleton<FieldReports.Stores.IOutboxMessageHandler, NotificationOutboxHandler>();
builder.Services.AddSingleton<INotificationSender, InboxNotificationSender>();
builder.Services.AddSingleton<INotificationSender, LogNotificationSender>();
builder.Services.AddSingleton<INotificationSender, ChannelReplySender>();
builder.Services.AddSingleton<InboxSlaSender>();
if (!builder.Environment.IsEnvironment("Testing") && !generatingDocument)
{
    builder.Services.AddHostedService<OutboxWorker>();
}

builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

var telemetry = builder.Services.AddOpenTelemetry()
    .WithTracing(t =>
    {
        t.AddSource(FieldReports.Telemetry.FieldReportsMetrics.MeterName)
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
            .AddHttpClientInstrumentation();
        if (builder.Configuration.GetValue<bool>("FieldReports:Telemetry:Console"))
        {
            t.AddConsoleExporter();
        }
    })
    .WithMetrics(m =>
    {
        // The core's instruments: reports received, transitions, SLA warnings and breaches, outbox lag (FieldReportsMetrics).
        m.AddMeter(FieldReports.Telemetry.FieldReportsMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation();
        if (builder.Configuration.GetValue<bool>("FieldReports:Telemetry:Console"))
        {
            m.AddConsoleExporter();
        }
    });

builder.Services.AddOpenApi();
builder.Services.AddBenchmarkSupport(builder.Configuration);   // off unless FieldReports:Benchmark:Enabled (docs/performance.md)

var app = builder.Build();

// Migrations and the demo seed run explicitly, before the host takes requests.
if (!generatingDocument)
{
    await using (var scope = app.Services.CreateAsyncScope())
    {
        // The provider's own migrations: Data/Migrations on SQLite, Data/NpgsqlMigrations on PostgreSQL.
        await scope.ServiceProvider.GetRequiredService<HostDbContext>().Database.MigrateAsync();

        // The provinces' catalogues (fields and agency tree) that administrators edited replace the configured ones.
        await app.Services.LoadProvinceCataloguesAsync();

        if (!app.Environment.IsEnvironment("Testing") || app.Configuration.GetValue<bool>("FieldReports:SeedDemo"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }
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
app.MapBenchmarkEndpoints();

app.MapGet("/account/sso", (string? returnUrl, IConfiguration configuration) => SingleSignOn.IsEnabled(configuration)
    ? Results.Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl }, [SingleSignOn.Scheme])
    : Results.NotFound()).ExcludeFromDescription();
app.MapGet("/lang/{code}", (string code, string? returnUrl, HttpContext context) =>
{
    context.Response.Cookies.Append(Lang.Cookie, code == "en" ? "en" : "vi", new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    // Only a path of this site: "//host" and "/\host" are other sites, which LocalRedirect refuses with an exception.
    var local = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'));
    return TypedResults.LocalRedirect(local ? returnUrl! : "/");
}).ExcludeFromDescription();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

if (!generatingDocument)
{
    app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));
}

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

// Whether Identity's security-stamp check is due for this cookie: as the validator decides it, by the time since the cookie
// was issued (a cookie without an issue time is always checked).
static bool StampCheckDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
{
    if (context.Properties.IssuedUtc is not { } issued)
    {
        return true;
    }

    var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
    return (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > options.ValidationInterval;
}

/// <summary>The reference host's entry point, visible to functional tests.</summary>
public partial class Program;
