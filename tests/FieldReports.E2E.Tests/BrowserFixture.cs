using Microsoft.Playwright;

namespace FieldReports.E2E.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright, and the reference host it browses. When Chromium is not installed, the tests
/// skip with a message, unless FIELDREPORTS_REQUIRE_CHROMIUM=1 (as in CI), which makes a missing browser a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A Monday at 09:30 in Vietnam: office hours, outside every night window.</summary>
    public const string WorkingMorning = "2026-11-23T02:30:00Z";

    /// <summary>A Wednesday at 02:00 in Vietnam: inside Huế's night window (00:00–07:30).</summary>
    public const string Night = "2026-11-24T19:00:00Z";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public HostProcess Host { get; private set; } = null!;

    public static string? MissingReason =>
        File.Exists(ChromiumPath) ? null : $"Chromium is not installed at {ChromiumPath}: install Debian's chromium package (apt-get install chromium), or run bash .ci/run.";

    public static string ScreenshotDirectory { get; } = Path.Combine(FindRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (MissingReason is not null)
        {
            return;
        }

        Host = await HostProcess.StartAsync(settings: new Dictionary<string, string> { ["FieldReports:Clock:Start"] = WorkingMorning });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>Starts Chromium for a test that runs its own host (with other settings than the shared one).</summary>
    public async Task<IBrowser> LaunchAsync()
    {
        _playwright ??= await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FieldReports.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
