using FieldReports.Storage.EF.Tests.Infrastructure;

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
