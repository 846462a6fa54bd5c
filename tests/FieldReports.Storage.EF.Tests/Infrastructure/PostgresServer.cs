using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FieldReports.Storage.EF.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster started from the machine's binaries for the test run: initdb in a temporary folder, a
/// server on a free loopback port with fsync and synchronous_commit on, removed at the end. As root, the cluster runs as the
/// <c>postgres</c> system user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>The variable CI sets so that a missing PostgreSQL fails the tests instead of skipping them.</summary>
    public const string RequireVariable = "FIELDREPORTS_REQUIRE_POSTGRES";

    /// <summary>The variable that names the folder of the PostgreSQL binaries when they are not under /usr/lib/postgresql/*/bin.</summary>
    public const string BinariesVariable = "FIELDREPORTS_POSTGRES_BIN";

    private string? _directory;
    private string? _binaries;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Why PostgreSQL tests are skipped, or <see langword="null"/> when they run (binaries found, or CI requires them).</summary>
    public static string? SkipReason { get; } = ComputeSkipReason();

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin (or {BinariesVariable}): install Debian's postgresql package ({RequireVariable}=1 makes this a failure).");
        _directory = Path.Combine(Path.GetTempPath(), "fieldreports-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(_directory, "data");
        Directory.CreateDirectory(_directory);
        var asRoot = Environment.IsPrivilegedProcess;
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _directory]);
        }

        var port = FreePort();
        await RunAsPostgresAsync(asRoot, Path.Combine(_binaries, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C"]);
        var serverOptions = $"-p {port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=300";
        await RunAsPostgresAsync(asRoot, Path.Combine(_binaries, "pg_ctl"), ["-D", data, "-o", serverOptions, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "start"]);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        var connection = new NpgsqlConnection(ConnectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await using (command)
            {
                await command.ExecuteNonQueryAsync();
            }
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_directory is null || _binaries is null)
        {
            return;
        }

        try
        {
            await RunAsPostgresAsync(Environment.IsPrivilegedProcess, Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? ComputeSkipReason()
    {
        if (FindBinaries() is not null || Required)
        {
            return null;
        }

        return "PostgreSQL is not installed: install Debian's postgresql package (apt-get install postgresql) to run these tests; CI sets "
            + RequireVariable + "=1, which turns this skip into a failure.";
    }

    private static string? FindBinaries()
    {
        // Elsewhere than Debian's layout, point this variable at the folder holding initdb and pg_ctl.
        if (Environment.GetEnvironmentVariable(BinariesVariable) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) && File.Exists(Path.Combine(configured, "pg_ctl")) ? configured : null;
        }

        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(bool asRoot, string program, string[] arguments) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
