using System.Collections.Concurrent;
using System.Net.Http.Headers;
using FieldReports.Provinces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FieldReports.AspNetCore.Tests;

/// <summary>
/// The reference host with a real SQLite database in a temporary directory, the Cà Mau and Huế profiles of the reference
/// host, the test sign-in scheme, and a logger provider that keeps every log line at every level.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string Province = "ca-mau";
    public const string OtherProvince = "hue";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fieldreports-api-" + Guid.NewGuid().ToString("N"));

    public ConcurrentQueue<string> Logs { get; } = new();

    protected virtual int SubmissionsPerMinute => 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        // Migrated before the host starts, because the host puts the stored catalogues in force as it starts.
        var options = new DbContextOptionsBuilder<Storage.EF.FieldReportsDbContext>().UseSqlite(ConnectionString, x => x.UseFieldReportsMigrations());
        options.UseFieldReports();
        using (var db = new Storage.EF.FieldReportsDbContext(options.Options))
        {
            db.Database.Migrate();
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter(_ => true);
            logging.AddProvider(new CapturingLoggerProvider(Logs));
        });
        builder.ConfigureTestServices(services =>
        {
            // The host already loads the seed provinces (samples/ReferenceHost/provinces/*.json).
            services.AddFieldReports()
                .UseEntityFrameworkCore(ef => ef.UseDbContext(o => o.UseSqlite(ConnectionString, x => x.UseFieldReportsMigrations())));
            services.Configure<FieldReportsAspNetCoreOptions>(o =>
            {
                o.AttachmentDirectory = Path.Combine(_directory, "attachments");
                o.SubmissionsPerMinute = SubmissionsPerMinute;
            });
            services.AddAuthentication(o =>
                {
                    o.DefaultScheme = TestAuthHandler.SchemeName;
                    o.DefaultChallengeScheme = TestAuthHandler.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.MigrateFieldReportsDatabaseAsync().GetAwaiter().GetResult();
        return host;
    }

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "fieldreports.db")}";

    public string AttachmentDirectory => Path.Combine(_directory, "attachments");

    /// <summary>A client signed in as <c>role;account;agency;province</c>, or anonymous.</summary>
    public HttpClient As(string? user)
    {
        var client = CreateClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.Header, user);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp directory is cleaned by the system.
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            sink.Enqueue("scope " + category + ": " + state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            sink.Enqueue($"{logLevel} {category} {eventId}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (k, v) in values)
                {
                    sink.Enqueue($"  {k}={v}");
                }
            }
        }
    }
}

/// <summary>The API with Cà Mau accepting images of at most 1,000 pixels (the 48×32 test JPEG has 1,536).</summary>
public sealed class SmallImagesApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FieldReports:Provinces:ca-mau:Intake:MaxImagePixels"] = "1000",
        }));
    }
}

/// <summary>The API with a low submission limit, to see the 429.</summary>
public sealed class RateLimitedApiFactory : ApiFactory
{
    protected override int SubmissionsPerMinute => 2;
}

/// <summary>
/// The API with an in-memory staff directory that governs every signed-in staff principal (the test sign-in included),
/// holding the staff accounts of <see cref="Api"/>.
/// </summary>
public sealed class StaffApiFactory : ApiFactory
{
    public InMemoryStaffDirectory Directory { get; } = Seeded();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<Accounts.IStaffDirectory>();
            services.AddSingleton<Accounts.IStaffDirectory>(Directory);
            services.PostConfigure<FieldReportsAspNetCoreOptions>(o => o.StaffDirectoryAuthenticationType = null);
        });
    }

    private static InMemoryStaffDirectory Seeded()
    {
        var d = new InMemoryStaffDirectory();
        d.Seed("rec-1", "ca-mau", Reports.ActorRole.ReceptionStaff);
        d.Seed("appr-1", "ca-mau", Reports.ActorRole.Approver);
        d.Seed("h-1", "ca-mau", Reports.ActorRole.HandlingStaff, "so-gtvt");
        d.Seed("h-2", "ca-mau", Reports.ActorRole.HandlingStaff, "so-tnmt");
        d.Seed("lead-1", "ca-mau", Reports.ActorRole.Leader);
        d.Seed("adm-1", "ca-mau", Reports.ActorRole.Administrator);
        d.Seed("adm-2", "ca-mau", Reports.ActorRole.Administrator);
        d.Seed("rec-9", "hue", Reports.ActorRole.ReceptionStaff);
        d.Seed("adm-9", "hue", Reports.ActorRole.Administrator);
        return d;
    }
}
