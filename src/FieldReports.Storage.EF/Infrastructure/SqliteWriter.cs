using System.Data.Common;

namespace FieldReports.Storage.EF.Infrastructure;

/// <summary>
/// A SQLite database's writer connection: one physical connection per database file, used only by the holder of the
/// file's <see cref="SqliteWriterGate"/>, on which the commands of the hottest write (a new report's inserts) stay
/// compiled, and whose page cache stays warm, between one writer and the next.
/// </summary>
/// <remarks>
/// <para>
/// A pooled connection per write pays, every time, for its durability pragmas, for compiling each statement and for
/// reading again every page it touches, since SQLite drops a connection's page cache whenever another connection has
/// written since its last transaction. Writers queue at the gate anyway, one at a time, so they may as well share one
/// connection that keeps its statements and its cache: only other processes' writes and this process's other writes
/// (transitions, the outbox) make it read pages again.
/// </para>
/// <para>
/// The connection is opened with the durability settings of every FieldReports connection
/// (<see cref="DurabilityInterceptor"/>) and closed when its holder leaves the gate with no writer waiting for it, so that
/// an idle process holds no file open; under load it stays open. A write that fails other than by a constraint (a
/// cancelled or broken statement) closes it as well, and the next writer opens a new one.
/// </para>
/// </remarks>
internal sealed class SqliteWriter(DbProviderFactory factory, string connectionString)
{
    // Each command shape (a report with or without a contact, with so many messages and files) is compiled once; a
    // province's submissions come in a handful of shapes, and a rare one beyond the cap runs uncached.
    private const int MaximumCommands = 32;

    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private DbConnection? _connection;
    private int _waiting;

    /// <summary>Writers waiting for the gate to use this connection.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Whether the connection is open (between writers under load).</summary>
    public bool IsOpen => _connection is not null;

    /// <summary>The open connection, for its holder to look at; null when closed.</summary>
    public DbConnection? Connection => _connection;

    public void Arriving() => Interlocked.Increment(ref _waiting);

    public void Arrived() => Interlocked.Decrement(ref _waiting);

    /// <summary>
    /// Runs <paramref name="built"/>'s statements, with its parameters, in one transaction on the writer connection and
    /// commits; returns the rows affected. Only the gate's holder calls it. A constraint's <see cref="DbException"/> rolls
    /// back and is thrown as it is; the connection stays.
    /// </summary>
    public async Task<int> ExecuteAsync(DbCommand built, CancellationToken cancellationToken)
    {
        var healthy = false;
        try
        {
            var connection = await OpenAsync(cancellationToken);
            var command = await CommandAsync(connection, built.CommandText, cancellationToken);
            // The parameters move to the compiled command; the built one, never run, keeps none.
            var parameters = new DbParameter[built.Parameters.Count];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = built.Parameters[i];
            }

            built.Parameters.Clear();
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter);
            }
            try
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (transaction)
                {
                    command.Transaction = transaction;
                    int affected;
                    try
                    {
                        affected = await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    catch (DbException)
                    {
                        // A constraint: the transaction rolls back as it is disposed, and the connection is as good as before.
                        healthy = true;
                        throw;
                    }

                    await transaction.CommitAsync(cancellationToken);
                    healthy = true;
                    return affected;
                }
            }
            finally
            {
                command.Transaction = null;
                command.Parameters.Clear();
                if (!_commands.ContainsKey(command.CommandText))
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (!healthy)
            {
                await CloseAsync();
            }
        }
    }

    /// <summary>Closes the connection and drops its compiled commands; the next writer opens it again.</summary>
    public async ValueTask CloseAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }

        var connection = factory.CreateConnection() ?? throw new InvalidOperationException("The SQLite provider created no connection.");
        try
        {
            connection.ConnectionString = connectionString;
            await connection.OpenAsync(cancellationToken);
            await using var settings = connection.CreateCommand();
            settings.CommandText = DurabilityInterceptor.SqliteSettings;
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _connection = connection;
        return connection;
    }

    private async Task<DbCommand> CommandAsync(DbConnection connection, string text, CancellationToken cancellationToken)
    {
        if (_commands.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var command = connection.CreateCommand();
        command.CommandText = text;
        if (_commands.Count < MaximumCommands)
        {
            try
            {
                await command.PrepareAsync(cancellationToken);
            }
            catch
            {
                await command.DisposeAsync();
                throw;
            }

            _commands.Add(text, command);
        }

        return command;
    }
}
