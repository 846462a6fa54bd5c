using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FieldReports.Storage.EF.Infrastructure;

/// <summary>
/// Queues a process's SQLite write transactions on one database file in arrival order, before they ask SQLite for the
/// write lock.
/// </summary>
/// <remarks>
/// <para>
/// SQLite has one writer at a time. A transaction that finds the lock taken waits in SQLite's busy handler, which sleeps
/// and polls with a growing back-off (up to 100 ms a poll): under many concurrent writers the lock is often free while
/// every waiter sleeps, and a late writer may overtake one that waited long. Submissions, which write a report in one
/// transaction, then spend most of their time asleep. This gate hands the lock over at once, first come first served:
/// a transaction waits here (asynchronously, without a thread) until the previous one of this process commits or rolls
/// back, so it normally finds the lock free.
/// </para>
/// <para>
/// It is an optimisation, never the guarantee: single statements outside a transaction and other processes still meet
/// SQLite's busy timeout, and a transaction that waits here longer than that timeout goes on without the gate, as it
/// would have without it. A connection releases the gate when its transaction commits, rolls back or fails, and at the
/// latest when it closes, so a transaction disposed without either never keeps the gate.
/// </para>
/// <para>PostgreSQL has row locks and group commit; its connections are never gated.</para>
/// </remarks>
internal sealed class SqliteWriterGate : DbConnectionInterceptor, IDbTransactionInterceptor
{
    public static SqliteWriterGate Instance { get; } = new();

    private static readonly TimeSpan MaximumWait = TimeSpan.FromMilliseconds(DurabilityInterceptor.SqliteBusyTimeoutMilliseconds);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> _held = [];

    // A finished transaction no longer knows its connection, so each gated transaction's connection is remembered.
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> _connections = [];

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (GateOf(connection) is { } gate && gate.Wait(MaximumWait))
        {
            Hold(connection, gate);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (GateOf(connection) is { } gate && await gate.WaitAsync(MaximumWait, cancellationToken).ConfigureAwait(false))
        {
            Hold(connection, gate);
        }

        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Remember(connection, result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Remember(connection, result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>Whether a connection of this process holds the gate of its database now (for tests).</summary>
    internal bool IsHeld(DbConnection connection) => _held.TryGetValue(connection, out _);

    private SemaphoreSlim? GateOf(DbConnection connection) =>
        connection.GetType().FullName == "Microsoft.Data.Sqlite.SqliteConnection" && !_held.TryGetValue(connection, out _)
            ? _gates.GetOrAdd(DatabaseOf(connection), static _ => new SemaphoreSlim(1, 1))
            : null;

    // The file's full path names the database, whatever relative path or connection string options reach it.
    private static string DatabaseOf(DbConnection connection)
    {
        var source = connection.DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? connection.ConnectionString
            : Path.GetFullPath(source);
    }

    private void Hold(DbConnection connection, SemaphoreSlim gate) => _held.AddOrUpdate(connection, gate);

    private void Remember(DbConnection connection, DbTransaction transaction)
    {
        if (_held.TryGetValue(connection, out _))
        {
            _connections.AddOrUpdate(transaction, connection);
        }
    }

    private void Release(DbTransaction transaction)
    {
        if (_connections.TryGetValue(transaction, out var connection))
        {
            _connections.Remove(transaction);
            Release(connection);
        }
    }

    private void Release(DbConnection? connection)
    {
        if (connection is not null && _held.TryGetValue(connection, out var gate) && _held.Remove(connection))
        {
            gate.Release();
        }
    }
}
