using FieldReports.Storage.EF.Tests.Infrastructure;

namespace FieldReports.Reliability.Tests.Infrastructure;

/// <summary>A fact that needs PostgreSQL: skipped with a message when it is not installed, a failure when CI requires it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}

/// <summary>One reference host process on a SQLite file, shared by the tests of a class.</summary>
public sealed class SqliteHost : IAsyncLifetime
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("fieldreports-reliability-").FullName;

    public HostProcess Host { get; private set; } = null!;

    public string DataDirectory => _directory;

    public async Task InitializeAsync() => Host = await HostProcess.StartAsync(HostProcess.DefaultSettings(_directory));

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
