using System.Collections.Concurrent;
using System.Data.Common;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.Storage.EF.Tests;

/// <summary>On PostgreSQL, dispatchers of several host instances claim with row locks that skip each other's rows.</summary>
[Collection(PostgresGroup.Name)]
public sealed class PostgresOutboxLockingTests(PostgresServer server) : StorageTestBase
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(server);

    [PostgresFact]
    public async Task Claim_locks_rows_with_FOR_UPDATE_SKIP_LOCKED()
    {
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at);
        await Store.AddAsync(TestReports.Province, report, null, null, [OutboxMessage.Create(TestReports.Province, "report.submitted", "{}", at)], default);
        var recorder = new CommandRecorder();
        var dispatcher = NewServices(context: o => o.AddInterceptors(recorder)).GetRequiredService<OutboxDispatcher>();

        Assert.Equal(1, await dispatcher.DispatchDueAsync(default));

        Assert.Contains(recorder.Commands, c => c.Contains("FOR UPDATE SKIP LOCKED", StringComparison.Ordinal));
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
