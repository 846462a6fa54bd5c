using FieldReports.Storage.EF.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldReports.Storage.EF.Tests;

/// <summary>
/// A SQLite database in memory lives in the one connection the host opened and passed to EF Core: the stores write
/// through that connection, never through a second one (which would open another, empty database).
/// </summary>
public sealed class SqliteInMemoryTests : StorageTestBase
{
    protected override Task<TestDatabase> CreateDatabaseAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return Task.FromResult(new TestDatabase("SQLite", connection.ConnectionString,
            o => o.UseSqlite(connection, x => x.UseFieldReportsMigrations()),
            async () => await connection.DisposeAsync()));
    }

    [Fact]
    public async Task New_reports_are_stored_in_the_in_memory_database()
    {
        var at = Clock.GetCurrentInstant();
        var reports = Enumerable.Range(0, 3).Select(i => TestReports.Submitted(at + Duration.FromSeconds(i), reporter: $"citizen-{i}")).ToArray();

        foreach (var report in reports)
        {
            var added = await Store.AddAsync(TestReports.Province, report, null, null, [], default);
            Assert.True(added.IsSuccess, added.Error?.Message);
        }

        foreach (var report in reports)
        {
            var stored = await Store.FindAsync(TestReports.Province, report.Id, default);
            Assert.NotNull(stored);
            Assert.Equal(report.ReporterAccountId, stored.ReporterAccountId);
        }
    }
}
