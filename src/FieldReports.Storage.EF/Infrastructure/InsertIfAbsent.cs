using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FieldReports.Storage.EF;

/// <summary>
/// <c>INSERT … ON CONFLICT (…) DO NOTHING</c>, which SQLite (3.24+) and PostgreSQL both understand: an insert that a unique
/// key makes atomic, without an exception (and without aborting a PostgreSQL transaction) when the row exists. Columns,
/// names and parameter conversions come from the EF model, so table prefixes, schemas and the SQLite instant converter apply.
/// </summary>
internal static class InsertIfAbsent
{
    /// <summary>Inserts <paramref name="row"/> unless a row with the same values of <paramref name="conflictProperties"/> exists.</summary>
    /// <returns><see langword="true"/> when the row was inserted.</returns>
    public static async Task<bool> RunAsync<TRow>(DbContext db, TRow row, string[] conflictProperties, CancellationToken cancellationToken)
        where TRow : class
    {
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not in the model: call modelBuilder.UseFieldReports().");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var name = (entity.GetSchema() is { } schema ? Quote(schema) + "." : "") + Quote(entity.GetTableName()!);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var columns = new List<string>(properties.Count);
            var values = new List<string>(properties.Count);
            for (var i = 0; i < properties.Count; i++)
            {
                var property = properties[i];
                columns.Add(Quote(property.GetColumnName(table)!));
                values.Add("@p" + i);
                var value = property.PropertyInfo!.GetValue(row);
                command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, "@p" + i, value, property.IsNullable));
            }

            var conflict = conflictProperties.Select(p => Quote(entity.FindProperty(p)!.GetColumnName(table)!));
            command.CommandText = $"INSERT INTO {name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) "
                + $"ON CONFLICT ({string.Join(", ", conflict)}) DO NOTHING";
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
