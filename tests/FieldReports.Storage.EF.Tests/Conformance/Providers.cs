using FieldReports.Storage.EF.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldReports.Storage.EF.Tests.Conformance;

// Each suite is written once and run against a real SQLite file and a real PostgreSQL server.

public sealed class SqliteReportStoreTests : ReportStoreConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresReportStoreTests(PostgresServer server) : ReportStoreConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteReporterDataTests : ReporterDataConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresReporterDataTests(PostgresServer server) : ReporterDataConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteQueryTests : QueryConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresQueryTests(PostgresServer server) : QueryConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteOutboxTests : OutboxConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresOutboxTests(PostgresServer server) : OutboxConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteDurabilityAndSchemaTests : DurabilityAndSchemaConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresDurabilityAndSchemaTests(PostgresServer server) : DurabilityAndSchemaConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);

    [StorageFact]
    public async Task A_database_that_defaults_to_asynchronous_commit_still_commits_durably()
    {
        // A server or database configured for speed (synchronous_commit off) must not weaken FieldReports' commits.
        await using (var admin = NewContext())
        {
            var name = admin.Database.GetDbConnection().Database;
            var alter = "ALTER DATABASE \"" + name + "\" SET synchronous_commit = off";
            await admin.Database.ExecuteSqlRawAsync(alter);
        }

        var contexts = Enumerable.Range(0, 3).Select(_ => NewContext()).ToList();
        try
        {
            foreach (var db in contexts)
            {
                await db.Database.OpenConnectionAsync();
                Assert.Equal("on", await ScalarAsync(db, "SHOW synchronous_commit"));

                // The setting is the session's own, not a SET a pooled session could lose: a RESET returns to it.
                await db.Database.ExecuteSqlRawAsync("RESET synchronous_commit");
                Assert.Equal("on", await ScalarAsync(db, "SHOW synchronous_commit"));
            }
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }
}

public sealed class SqliteHostContextTests : HostContextConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresHostContextTests(PostgresServer server) : HostContextConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteAttachmentTests : AttachmentConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresAttachmentTests(PostgresServer server) : AttachmentConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteModerationTests : ModerationConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresModerationTests(PostgresServer server) : ModerationConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteConfidentialityTests : ConfidentialityConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresConfidentialityTests(PostgresServer server) : ConfidentialityConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteInteractionTests : InteractionConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresInteractionTests(PostgresServer server) : InteractionConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteProvinceCatalogueTests : ProvinceCatalogueConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresProvinceCatalogueTests(PostgresServer server) : ProvinceCatalogueConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteIdempotencyTests : IdempotencyConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresIdempotencyTests(PostgresServer server) : IdempotencyConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteApiKeyTests : ApiKeyConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresApiKeyTests(PostgresServer server) : ApiKeyConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteLeaseTests : LeaseConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresLeaseTests(PostgresServer server) : LeaseConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}

public sealed class SqliteSlaMonitorTests : SlaMonitorConformance
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresSlaMonitorTests(PostgresServer server) : SlaMonitorConformance, IPostgresTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);
}
