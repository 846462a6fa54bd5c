using Microsoft.AspNetCore.Authentication.Cookies;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddFieldReports()
    .AddAspNetCore(o => o.RolesFromClaims("role", "agency_id"));

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        // An API answers 401/403 instead of redirecting to a sign-in page.
        o.Events.OnRedirectToLogin = context => Deny(context.HttpContext, StatusCodes.Status401Unauthorized, context.RedirectUri);
        o.Events.OnRedirectToAccessDenied = context => Deny(context.HttpContext, StatusCodes.Status403Forbidden, context.RedirectUri);
    });
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapFieldReports("/api/v1");

app.MapGet("/", () => TypedResults.Content(
    """
    <!doctype html>
    <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>FieldReports — Reference host</title></head>
    <body><h1>FieldReports</h1><p>Hệ thống tiếp nhận và xử lý phản ánh hiện trường — reference host.</p>
    <ul><li><a href="/api/v1/workflow">/api/v1/workflow</a> — the report workflow</li>
    <li><a href="/openapi/v1.json">/openapi/v1.json</a> — the OpenAPI document</li></ul></body></html>
    """, "text/html; charset=utf-8")).ExcludeFromDescription();
app.MapGet("/health/live", () => TypedResults.Ok("live")).ExcludeFromDescription();

app.Run();

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
