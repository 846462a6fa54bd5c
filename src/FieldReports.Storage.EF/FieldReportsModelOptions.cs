namespace FieldReports.Storage.EF;

/// <summary>How the FieldReports tables are named and typed in a database.</summary>
/// <remarks>
/// The migrations shipped for the ready-made <see cref="FieldReportsDbContext"/> are generated with the defaults. A host that
/// changes <see cref="Schema"/> or <see cref="TablePrefix"/> applies the model to its own DbContext and generates its own
/// migrations (see <c>docs/storage.md</c>).
/// </remarks>
public sealed class FieldReportsModelOptions
{
    /// <summary>The database schema of the tables; <see langword="null"/> (the default) for the connection's default schema. Ignored by SQLite.</summary>
    public string? Schema { get; set; }

    /// <summary>A prefix for every table name, for example <c>fr_</c>, to keep clear of a host's own tables; empty by default.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>
    /// Whether NodaTime <c>Instant</c>s are stored as the provider's native timestamp type (PostgreSQL <c>timestamptz</c> through
    /// Npgsql's NodaTime plugin, which the host enables with <c>UseNodaTime()</c>) rather than as a sortable 64-bit count of
    /// 100-nanosecond ticks since the Unix epoch (SQLite and any provider without NodaTime support).
    /// <see langword="null"/> (the default) chooses native storage when the model is built for PostgreSQL.
    /// </summary>
    public bool? StoreInstantsNatively { get; set; }
}
