using Microsoft.EntityFrameworkCore;

namespace FieldReports.Storage.EF;

/// <summary>
/// <c>INSERT … ON CONFLICT (…) DO NOTHING</c>, which SQLite (3.24+) and PostgreSQL both understand: an insert that a unique
/// key makes atomic, without an exception (and without aborting a PostgreSQL transaction) when the row exists. The
/// statement is the plain insert of <see cref="Infrastructure.RowInserts"/>, so columns, names and parameter conversions
/// come from the EF model (table prefixes, schemas and the SQLite instant converter apply).
/// </summary>
internal static class InsertIfAbsent
{
    /// <summary>Inserts <paramref name="row"/> unless a row with the same values of <paramref name="conflictProperties"/> exists.</summary>
    /// <returns><see langword="true"/> when the row was inserted.</returns>
    public static async Task<bool> RunAsync<TRow>(DbContext db, TRow row, string[] conflictProperties, CancellationToken cancellationToken)
        where TRow : class
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Infrastructure.RowInserts.Command(db, [row], conflictProperties);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
