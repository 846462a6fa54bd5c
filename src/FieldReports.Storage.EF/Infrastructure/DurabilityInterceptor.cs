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

    /// <summary>The settings of every SQLite connection, run as it opens.</summary>
    internal static readonly string SqliteSettings =
        $"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = {SqliteBusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;";

    private const string PostgreSqlSettings = "SET synchronous_commit TO on";

    private const string PostgreSqlStartupOption = "-c synchronous_commit=on";

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

    /// <summary>
    /// The connection string with the durability setting among its PostgreSQL startup options, or null when the provider
    /// (named by its options extension's type) is not Npgsql or the string already has it.
    /// </summary>
    public static string? WithStartupOption(Type providerExtension, string connectionString)
    {
        if (!providerExtension.FullName!.StartsWith("Npgsql.", StringComparison.Ordinal) || HasStartupOption(connectionString))
        {
            return null;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var options = builder.TryGetValue("Options", out var existing) ? Convert.ToString(existing, System.Globalization.CultureInfo.InvariantCulture) : null;
        builder["Options"] = string.IsNullOrWhiteSpace(options) ? PostgreSqlStartupOption : options + " " + PostgreSqlStartupOption;
        return builder.ConnectionString;
    }

    private static bool HasStartupOption(string? connectionString) =>
        connectionString?.Contains(PostgreSqlStartupOption, StringComparison.OrdinalIgnoreCase) == true;
}
