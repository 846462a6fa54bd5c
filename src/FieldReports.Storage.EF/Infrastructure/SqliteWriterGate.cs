using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FieldReports.Storage.EF.Infrastructure;

/// <summary>
/// Queues a process's SQLite saves on one database file in arrival order, before they ask SQLite for the write lock.
/// </summary>
/// <remarks>
/// <para>
/// SQLite has one writer at a time. A writer that finds the lock taken waits in SQLite's busy handler, which sleeps and
/// polls with a growing back-off (up to 100 ms a poll): under many concurrent writers the lock is often free while every
/// waiter sleeps, and a late writer may overtake one that waited long. Submissions, which write a report in one
/// <c>SaveChanges</c>, then spend most of their time asleep. This gate hands the lock over at once, first come first
/// served: a save waits here (asynchronously, without a thread) until the previous save of this process has finished,
/// so it normally finds the lock free.
/// </para>
/// <para>
/// It gates <c>SaveChanges</c>, which EF Core always ends with exactly one of saved, failed or cancelled, so the gate
/// cannot be kept by a save that went wrong; a save in its own transaction hands the gate on when that transaction commits
/// or rolls back. A save takes the gate when it first touches the database (when it begins its
/// transaction, or runs its first command without one), not when it starts: EF Core's own work before that (detecting
/// changes, building the commands) runs outside the gate, in parallel with other saves, and only the statements and the
/// commit are queued. A save inside a transaction the caller opened is not gated (that
/// transaction already holds SQLite's lock, and may have been opened before the gate was free); the stores' own write
/// transactions (a transition, an outbox claim) take the gate before they begin, through <see cref="EnterAsync"/>. It is an optimisation,
/// never the guarantee: statements outside <c>SaveChanges</c> and other processes still meet SQLite's busy timeout, and a
/// save that waits here longer than that timeout goes on without the gate, as it would have without it.
/// </para>
/// <para>PostgreSQL has row locks and group commit; its saves are never gated.</para>
/// </remarks>
internal sealed class SqliteWriterGate : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    public static SqliteWriterGate Instance { get; } = new();

    /// <summary>The SQLite provider's name, as <c>DatabaseFacade.ProviderName</c> gives it.</summary>
    internal const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    private static readonly TimeSpan MaximumWait = TimeSpan.FromMilliseconds(DurabilityInterceptor.SqliteBusyTimeoutMilliseconds);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    // Whether a connection string names a file, which a second connection opens as it is.
    private readonly ConcurrentDictionary<string, bool> _isFile = new(StringComparer.Ordinal);

    // Each database's writer connection, found by its gate.
    private readonly ConcurrentDictionary<SemaphoreSlim, SqliteWriter> _writers = new();

    // The gate of each context's database, found once per (pooled, reused) context and connection.
    private readonly ConditionalWeakTable<DbContext, GateOfContext> _gateOf = [];

    // Saves under way that have not touched the database yet, and saves that hold their gate.
    private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> _pending = [];
    private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> _held = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Expect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Expect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    InterceptionResult<DbTransaction> IDbTransactionInterceptor.TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Take(eventData.Context);
        return result;
    }

    async ValueTask<InterceptionResult<DbTransaction>> IDbTransactionInterceptor.TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken)
    {
        await TakeAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    // The gate is handed on as soon as the save's transaction has ended: SQLite's lock is free from then on, and EF Core's
    // remaining work (closing the connection, accepting the entities' changes) need not hold up the next save.
    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    InterceptionResult<DbDataReader> IDbCommandInterceptor.ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Take(eventData.Context);
        return result;
    }

    async ValueTask<InterceptionResult<DbDataReader>> IDbCommandInterceptor.ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken)
    {
        await TakeAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    InterceptionResult<int> IDbCommandInterceptor.NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Take(eventData.Context);
        return result;
    }

    async ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        await TakeAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    InterceptionResult<object> IDbCommandInterceptor.ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Take(eventData.Context);
        return result;
    }

    async ValueTask<InterceptionResult<object>> IDbCommandInterceptor.ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken)
    {
        await TakeAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Waits for the gate before a store opens its own write transaction on <paramref name="context"/> (whose saves are then
    /// not gated again); dispose the result after the transaction ends. Null when the context is not SQLite, or when the
    /// wait outlasted the busy timeout.
    /// </summary>
    public async ValueTask<IDisposable?> EnterAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (GateOf(context) is { } gate && await gate.WaitAsync(MaximumWait, cancellationToken).ConfigureAwait(false))
        {
            return new Entered(gate);
        }

        return null;
    }

    /// <summary>
    /// Waits for the gate of <paramref name="context"/>'s SQLite database and hands over the database's
    /// <see cref="SqliteWriter"/>; dispose the result to leave the gate (which closes the writer connection if nobody is
    /// waiting for it). Null when the context is not SQLite. When the wait outlasted the busy timeout the result holds
    /// neither the gate nor the writer (<see cref="WriterTurn.Writer"/> is null): the caller writes on its own connection,
    /// as it would have without the gate.
    /// </summary>
    public async ValueTask<WriterTurn?> EnterWriterAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (GateOf(context) is not { } gate)
        {
            return null;
        }

        var connection = context.Database.GetDbConnection();
        if (!IsFile(connection))
        {
            // An in-memory database lives in its connection: another connection would open another, empty database.
            return await gate.WaitAsync(MaximumWait, cancellationToken).ConfigureAwait(false) ? new WriterTurn(gate, null) : new WriterTurn(null, null);
        }

        var writer = _writers.GetOrAdd(gate, static (_, connection) => new SqliteWriter(
            DbProviderFactories.GetFactory(connection) ?? throw new InvalidOperationException("The SQLite connection names no provider factory."),
            connection.ConnectionString), connection);
        writer.Arriving();
        bool entered;
        try
        {
            entered = await gate.WaitAsync(MaximumWait, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.Arrived();
        }

        return entered ? new WriterTurn(gate, writer) : new WriterTurn(null, null);
    }

    // A save begins: it will take its database's gate at its first statement.
    private void Expect(DbContext? context)
    {
        if (GateOf(context) is { } gate)
        {
            _pending.AddOrUpdate(context!, gate);
        }
    }

    private void Take(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var gate) && _pending.Remove(context) && gate.Wait(MaximumWait))
        {
            _held.AddOrUpdate(context, gate);
        }
    }

    private async ValueTask TakeAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not null && _pending.TryGetValue(context, out var gate) && _pending.Remove(context)
            && await gate.WaitAsync(MaximumWait, cancellationToken).ConfigureAwait(false))
        {
            _held.AddOrUpdate(context, gate);
        }
    }

    private SemaphoreSlim? GateOf(DbContext? context)
    {
        if (context is null || context.Database.CurrentTransaction is not null || _held.TryGetValue(context, out _))
        {
            return null;
        }

        var connection = context.Database.GetDbConnection();
        if (_gateOf.TryGetValue(context, out var known) && ReferenceEquals(known.Connection, connection) && known.ConnectionString == connection.ConnectionString)
        {
            return known.Gate;
        }

        var gate = context.Database.ProviderName == SqliteProvider ? _gates.GetOrAdd(DatabaseOf(connection), static _ => new SemaphoreSlim(1, 1)) : null;
        _gateOf.AddOrUpdate(context, new GateOfContext(connection, connection.ConnectionString, gate));
        return gate;
    }

    // A database in a file, which a second connection opens as it is (not an in-memory one).
    private bool IsFile(DbConnection connection) =>
        _isFile.GetOrAdd(connection.ConnectionString ?? "", static (_, connection) => IsFileCore(connection), connection);

    private static bool IsFileCore(DbConnection connection)
    {
        if (!IsPath(connection.DataSource))
        {
            return false;
        }

        var options = new DbConnectionStringBuilder { ConnectionString = connection.ConnectionString };
        return !(options.TryGetValue("Mode", out var mode) && string.Equals(Convert.ToString(mode, System.Globalization.CultureInfo.InvariantCulture), "Memory", StringComparison.OrdinalIgnoreCase));
    }

    // The file's full path names the database, whatever relative path or connection string options reach it.
    private static string DatabaseOf(DbConnection connection)
    {
        var source = connection.DataSource;
        return IsPath(source) ? Path.GetFullPath(source) : connection.ConnectionString;
    }

    // A data source that is a file's path: not empty, not ":memory:", not a URI.
    private static bool IsPath([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? source) =>
        !string.IsNullOrEmpty(source) && source != ":memory:" && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    private void Release(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        _pending.Remove(context);
        if (_held.TryGetValue(context, out var gate) && _held.Remove(context))
        {
            gate.Release();
        }
    }

    /// <summary>A writer's turn at the gate: the database's writer connection while it lasts.</summary>
    internal sealed class WriterTurn(SemaphoreSlim? gate, SqliteWriter? writer) : IAsyncDisposable
    {
        private int _ended;

        /// <summary>
        /// The writer connection; null when the turn came without the gate (the wait timed out) or the database is in
        /// memory (the turn holds the gate, and the caller writes on its own connection).
        /// </summary>
        public SqliteWriter? Writer => Volatile.Read(ref _ended) == 0 ? writer : null;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0 || gate is null)
            {
                return;
            }

            try
            {
                // Nobody waiting: an idle process keeps no file open. Under load the next writer finds it open.
                if (writer is not null && writer.Waiting == 0)
                {
                    await writer.CloseAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private sealed record GateOfContext(DbConnection Connection, string? ConnectionString, SemaphoreSlim? Gate);

    private sealed class Entered(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
