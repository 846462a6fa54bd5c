using System.Collections.Concurrent;
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
/// cannot be kept by a save that went wrong. A save inside a transaction the caller opened is not gated (that
/// transaction already holds SQLite's lock, and may have been opened before the gate was free); the stores' own write
/// transactions (a transition, an outbox claim) take the gate before they begin, through <see cref="EnterAsync"/>. It is an optimisation,
/// never the guarantee: statements outside <c>SaveChanges</c> and other processes still meet SQLite's busy timeout, and a
/// save that waits here longer than that timeout goes on without the gate, as it would have without it.
/// </para>
/// <para>PostgreSQL has row locks and group commit; its saves are never gated.</para>
/// </remarks>
internal sealed class SqliteWriterGate : SaveChangesInterceptor
{
    public static SqliteWriterGate Instance { get; } = new();

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    private static readonly TimeSpan MaximumWait = TimeSpan.FromMilliseconds(DurabilityInterceptor.SqliteBusyTimeoutMilliseconds);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> _held = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (GateOf(eventData.Context) is { } gate && gate.Wait(MaximumWait))
        {
            _held.AddOrUpdate(eventData.Context!, gate);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (GateOf(eventData.Context) is { } gate && await gate.WaitAsync(MaximumWait, cancellationToken).ConfigureAwait(false))
        {
            _held.AddOrUpdate(eventData.Context!, gate);
        }

        return result;
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

    private SemaphoreSlim? GateOf(DbContext? context)
    {
        if (context is null || context.Database.ProviderName != SqliteProvider || context.Database.CurrentTransaction is not null || _held.TryGetValue(context, out _))
        {
            return null;
        }

        return _gates.GetOrAdd(DatabaseOf(context), static _ => new SemaphoreSlim(1, 1));
    }

    // The file's full path names the database, whatever relative path or connection string options reach it.
    private static string DatabaseOf(DbContext context)
    {
        var connection = context.Database.GetDbConnection();
        var source = connection.DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? connection.ConnectionString
            : Path.GetFullPath(source);
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _held.TryGetValue(context, out var gate) && _held.Remove(context))
        {
            gate.Release();
        }
    }

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
