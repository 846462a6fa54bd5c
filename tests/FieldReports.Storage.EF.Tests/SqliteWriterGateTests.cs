using FieldReports.Storage.EF.Infrastructure;
using FieldReports.Storage.EF.Model;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests;

/// <summary>
/// A process's SQLite saves queue for the write lock in arrival order instead of polling it; a save or a transaction that
/// ends in any way — committed, failed, rolled back, or abandoned by its caller — lets the next one through.
/// </summary>
public sealed class SqliteWriterGateTests : StorageTestBase
{
    // Far below SQLite's 30 s busy timeout, after which a waiting writer would go on without the gate anyway.
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(10);

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    [Fact]
    public async Task A_transaction_abandoned_without_commit_or_rollback_does_not_hold_up_the_next_writer()
    {
        await using (var abandoned = NewContext())
        {
            var transaction = await abandoned.Database.BeginTransactionAsync();
            abandoned.Set<OutboxMessageRow>().Add(Message("abandoned"));
            await abandoned.SaveChangesAsync();

            // Disposed as an exception would leave it: neither committed nor rolled back.
            await transaction.DisposeAsync();
        }

        var stored = await WriteInTransactionAsync("next").WaitAsync(Stuck);

        Assert.Equal(["next"], stored);
    }

    [Fact]
    public async Task A_transaction_that_read_nothing_and_was_abandoned_does_not_hold_up_the_next_save()
    {
        // As a dispatcher pass that found nothing due leaves its claim transaction.
        for (var i = 0; i < 3; i++)
        {
            await using var idle = NewContext();
            await using var transaction = await idle.Database.BeginTransactionAsync();
            Assert.Empty(await idle.Set<OutboxMessageRow>().Where(m => m.DeliveredAt == null && m.Type == "none").ToListAsync());
        }

        var stored = await WriteAsync("next").WaitAsync(Stuck);

        Assert.Equal(["next"], stored);
    }

    [Fact]
    public async Task A_save_that_fails_lets_the_next_save_through()
    {
        var duplicate = Message("duplicate");
        await WriteAsync(duplicate);
        await using (var failing = NewContext())
        {
            var again = Message("duplicate");
            again.Id = duplicate.Id;
            failing.Set<OutboxMessageRow>().Add(again);
            await Assert.ThrowsAsync<DbUpdateException>(() => failing.SaveChangesAsync());
        }

        var stored = await WriteAsync("next").WaitAsync(Stuck);

        Assert.Equal(["duplicate", "next"], stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_rolled_back_transaction_lets_the_next_writer_through_and_leaves_nothing_behind()
    {
        await using (var rolledBack = NewContext())
        {
            await using var transaction = await rolledBack.Database.BeginTransactionAsync();
            rolledBack.Set<OutboxMessageRow>().Add(Message("rolled-back"));
            await rolledBack.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var stored = await WriteInTransactionAsync("next").WaitAsync(Stuck);

        Assert.Equal(["next"], stored);
    }

    [Fact]
    public async Task A_writer_waits_for_the_open_transaction_of_the_same_process_and_then_commits()
    {
        await using var first = NewContext();
        var transaction = await first.Database.BeginTransactionAsync();
        first.Set<OutboxMessageRow>().Add(Message("first"));
        await first.SaveChangesAsync();

        var second = Task.Run(() => WriteInTransactionAsync("second"));
        await Task.Delay(300);
        Assert.False(second.IsCompleted, "The second writer went ahead while the first transaction was open.");

        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        var stored = await second.WaitAsync(Stuck);

        Assert.Equal(["first", "second"], stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_save_hands_the_gate_on_when_its_transaction_commits_before_EF_Core_has_finished_with_it()
    {
        // The next save starts while the first is still after its commit (accepting its entities' changes, closing its
        // connection): it must not wait for the first to return.
        var next = new AfterSave(() => WriteAsync("next"));
        var services = NewServices(context: o => o.AddInterceptors(next));
        await using (var first = services.GetRequiredService<IDbContextFactory<FieldReportsDbContext>>().CreateDbContext())
        {
            // Two rows: EF Core saves them in a transaction of its own.
            first.Set<OutboxMessageRow>().AddRange(Message("first-a"), Message("first-b"));
            await first.SaveChangesAsync().WaitAsync(Stuck);
        }

        Assert.True(next.Ran);
        Assert.Equal(["first-a", "first-b", "next"], (await WriteAsync("last")).Where(t => t != "last").Order(StringComparer.Ordinal));
    }

    private sealed class AfterSave(Func<Task> then) : SaveChangesInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (!Ran)
            {
                Ran = true;
                await then().WaitAsync(Stuck, cancellationToken);
            }

            return result;
        }
    }

    [Fact]
    public async Task Forty_concurrent_submissions_are_all_stored_without_a_locked_database()
    {
        var at = Clock.GetCurrentInstant();
        var reports = Enumerable.Range(0, 40).Select(i => TestReports.Submitted(at + Duration.FromSeconds(i), reporter: $"citizen-{i}")).ToArray();

        var results = await Task.WhenAll(reports.Select(r => Task.Run(() => Store.AddAsync(TestReports.Province, r, null, null, [], default))))
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        foreach (var report in reports)
        {
            // Written back to back on one compiled command: each with its own values.
            var stored = await Store.FindAsync(TestReports.Province, report.Id, default);
            Assert.NotNull(stored);
            Assert.Equal(report.ReporterAccountId, stored.ReporterAccountId);
            Assert.Equal(report.SubmittedAt, stored.SubmittedAt);
        }
    }

    [Fact]
    public async Task The_writer_connection_has_the_durability_settings_and_closes_when_nobody_waits_for_it()
    {
        await using var db = NewContext();
        var turn = await SqliteWriterGate.Instance.EnterWriterAsync(db, default);
        var writer = turn?.Writer;
        Assert.NotNull(writer);
        await using (var command = RowInserts.Command(db, [Message("one")]))
        {
            Assert.Equal(1, await writer.ExecuteAsync(command, default));
        }

        var connection = writer.Connection;
        Assert.NotNull(connection);
        Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous")); // 2 = FULL
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("1", await ScalarAsync(connection, "PRAGMA foreign_keys"));
        Assert.Equal("30000", await ScalarAsync(connection, "PRAGMA busy_timeout"));

        await turn!.DisposeAsync();

        Assert.False(writer.IsOpen);
        Assert.Equal(["one"], await TypesAsync());
    }

    [Fact]
    public async Task Back_to_back_writers_share_the_open_connection_and_each_stores_its_own_values()
    {
        await using var db = NewContext();
        var first = await SqliteWriterGate.Instance.EnterWriterAsync(db, default);
        var writer = first!.Writer!;
        var secondTurn = SqliteWriterGate.Instance.EnterWriterAsync(db, default).AsTask();
        while (writer.Waiting == 0)
        {
            await Task.Delay(10).WaitAsync(Stuck);
        }

        var (a, b) = (Message("a"), Message("b"));
        await using (var command = RowInserts.Command(db, [a]))
        {
            await writer.ExecuteAsync(command, default);
        }

        var connection = writer.Connection;
        await first.DisposeAsync();
        var second = await secondTurn.WaitAsync(Stuck);

        // Someone was waiting: the connection (and the command compiled on it) stayed open for the next writer.
        Assert.Same(writer, second!.Writer);
        Assert.Same(connection, writer.Connection);
        await using (var command = RowInserts.Command(db, [b]))
        {
            await writer.ExecuteAsync(command, default);
        }

        await second.DisposeAsync();
        await using var reader = NewContext();
        var stored = await reader.Set<OutboxMessageRow>().AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Type);
        Assert.Equal(new Dictionary<Guid, string> { [a.Id] = "a", [b.Id] = "b" }, stored);
    }

    [Fact]
    public async Task A_constraint_violation_on_the_writer_connection_rolls_back_and_leaves_it_usable()
    {
        var taken = Message("taken");
        await WriteAsync(taken);
        await using var db = NewContext();
        var turn = await SqliteWriterGate.Instance.EnterWriterAsync(db, default);
        var writer = turn!.Writer!;
        var again = Message("again");
        again.Id = taken.Id;
        await using (var command = RowInserts.Command(db, [Message("before-the-duplicate"), again]))
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => writer.ExecuteAsync(command, default));
        }

        await using (var command = RowInserts.Command(db, [Message("after")]))
        {
            Assert.Equal(1, await writer.ExecuteAsync(command, default));
        }

        await turn.DisposeAsync();
        Assert.Equal(["after", "taken"], (await TypesAsync()).Order(StringComparer.Ordinal));
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> TypesAsync()
    {
        await using var reader = NewContext();
        return await reader.Set<OutboxMessageRow>().Select(m => m.Type).ToListAsync();
    }

    private Task<List<string>> WriteAsync(string type) => WriteAsync(Message(type));

    private async Task<List<string>> WriteAsync(OutboxMessageRow message)
    {
        await using (var db = NewContext())
        {
            db.Set<OutboxMessageRow>().Add(message);
            await db.SaveChangesAsync();
        }

        await using var reader = NewContext();
        return await reader.Set<OutboxMessageRow>().Select(m => m.Type).ToListAsync();
    }

    private async Task<List<string>> WriteInTransactionAsync(string type)
    {
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Set<OutboxMessageRow>().Add(Message(type));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var reader = NewContext();
        return await reader.Set<OutboxMessageRow>().Select(m => m.Type).ToListAsync();
    }

    private OutboxMessageRow Message(string type) => new()
    {
        Id = Guid.NewGuid(),
        ProvinceId = TestReports.Province,
        Type = type,
        PayloadJson = "{}",
        CreatedAt = Clock.GetCurrentInstant(),
        NextAttemptAt = Clock.GetCurrentInstant(),
    };
}
