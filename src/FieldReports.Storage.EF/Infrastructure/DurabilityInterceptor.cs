using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FieldReports.Storage.EF.Infrastructure;

/// <summary>
/// Applies the durability settings to every connection as it opens, since SQLite's are per connection and a PostgreSQL
/// server may be configured otherwise: SQLite in WAL mode with synchronous=FULL and a busy timeout (writers wait instead
/// of failing with "database is locked"); PostgreSQL with synchronous_commit on.
/// </summary>
/// <remarks>The provider is recognised by its connection type, so that this package needs neither provider.</remarks>
internal sealed class DurabilityInterceptor : DbConnectionInterceptor
{
    /// <summary>How long a SQLite writer waits for the lock, in milliseconds.</summary>
    public const int SqliteBusyTimeoutMilliseconds = 30_000;

    public static DurabilityInterceptor Instance { get; } = new();

    private static readonly string SqliteSettings =
        $"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = {SqliteBusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;";

    private const string PostgreSqlSettings = "SET synchronous_commit TO on";

    private const string PostgreSqlStartupOption = "-c synchronous_commit=on";

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        AddStartupOption(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        AddStartupOption(connection);
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (CommandFor(connection) is { } text)
        {
            using var command = connection.CreateCommand();
            command.CommandText = text;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (CommandFor(connection) is { } text)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = text;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string? CommandFor(DbConnection connection) => connection.GetType().FullName switch
    {
        "Microsoft.Data.Sqlite.SqliteConnection" => SqliteSettings,
        "Npgsql.NpgsqlConnection" when !HasStartupOption(connection.ConnectionString) => PostgreSqlSettings,
        _ => null,
    };

    // Before a PostgreSQL connection's first open (its string still holds any password then), the durability setting joins
    // its startup options; once there, the string is left alone.
    private static void AddStartupOption(DbConnection connection)
    {
        if (connection.GetType().FullName != "Npgsql.NpgsqlConnection" || HasStartupOption(connection.ConnectionString))
        {
            return;
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connection.ConnectionString };
            var options = builder.TryGetValue("Options", out var existing) ? Convert.ToString(existing, System.Globalization.CultureInfo.InvariantCulture) : null;
            builder["Options"] = string.IsNullOrWhiteSpace(options) ? PostgreSqlStartupOption : options + " " + PostgreSqlStartupOption;
            connection.ConnectionString = builder.ConnectionString;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            // A connection from a data source keeps its string: the SET after each open applies the setting instead.
        }
    }

    private static bool HasStartupOption(string? connectionString) =>
        connectionString?.Contains(PostgreSqlStartupOption, StringComparison.OrdinalIgnoreCase) == true;
}
