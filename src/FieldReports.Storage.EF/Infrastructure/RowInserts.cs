using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FieldReports.Storage.EF.Infrastructure;

/// <summary>
/// Inserts new rows with one command of plain <c>INSERT</c> statements, without EF Core's change tracking: for the hottest
/// write, a submission's report, first event, contact, outbox message and attachments, which are only ever inserted
/// there, and for the inserts that a unique key makes atomic (<see cref="InsertIfAbsent"/>). Tables, columns and each
/// column's conversion (the SQLite instant converter, enums, JSON text) come from the EF model, as EF Core's own inserts
/// would; the statement text of each entity type is built once per model.
/// </summary>
/// <remarks>
/// The caller runs the command in a transaction (on SQLite, one commit instead of one per statement) and passes parents
/// before children, since foreign keys are checked per statement.
/// </remarks>
internal static class RowInserts
{
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, Plan>> Plans = [];

    /// <summary>A command that inserts <paramref name="rows"/>, in order, on the context's open connection and transaction.</summary>
    /// <param name="db">The context, whose model names the tables and columns.</param>
    /// <param name="rows">The rows, parents before children.</param>
    /// <param name="skipOnConflict">
    /// Properties of a unique key: each insert becomes <c>INSERT … ON CONFLICT (…) DO NOTHING</c> (SQLite 3.24+ and PostgreSQL),
    /// which a row with the same key skips without an error (and without aborting a PostgreSQL transaction).
    /// </param>
    public static DbCommand Command(DbContext db, IEnumerable<object> rows, IReadOnlyList<string>? skipOnConflict = null)
    {
        var plans = Plans.GetValue(db.Model, static _ => new ConcurrentDictionary<Type, Plan>());
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder();
        var index = 0;
        foreach (var row in rows)
        {
            var plan = plans.GetOrAdd(row.GetType(), static (type, model) => Plan.For(model, type), db.Model);
            text.Append(plan.Prefix).Append('(');
            for (var i = 0; i < plan.Columns.Length; i++)
            {
                var column = plan.Columns[i];
                var name = "@r" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                index++;
                text.Append(i == 0 ? "" : ", ").Append(name);
                command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Getter.GetClrValueUsingContainingEntity(row), column.Nullable));
            }

            text.Append(')');
            if (skipOnConflict is not null)
            {
                text.Append(" ON CONFLICT (").AppendJoin(", ", skipOnConflict.Select(plan.Column)).Append(") DO NOTHING");
            }

            text.Append(";\n");
        }

        command.CommandText = text.ToString();
        return command;
    }

    private sealed record Column(IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool Nullable);

    private sealed record Plan(string Prefix, Column[] Columns, IReadOnlyDictionary<string, string> ColumnNames)
    {
        /// <summary>The quoted column of a property.</summary>
        public string Column(string property) => ColumnNames[property];

        public static Plan For(IModel model, Type type)
        {
            var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model: call modelBuilder.UseFieldReports().");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties().Where(p => p.PropertyInfo is not null || p.FieldInfo is not null).ToList();
            if (properties.Count != entity.GetProperties().Count())
            {
                throw new InvalidOperationException($"{type.Name} has shadow properties, which a plain insert cannot fill.");
            }

            var name = (entity.GetSchema() is { } schema ? Quote(schema) + "." : "") + Quote(entity.GetTableName()!);
            var prefix = $"INSERT INTO {name} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName(table)!)))}) VALUES ";
            return new Plan(
                prefix,
                [.. properties.Select(p => new Column(p.GetGetter(), p.GetRelationalTypeMapping(), p.IsNullable))],
                properties.ToDictionary(p => p.Name, p => Quote(p.GetColumnName(table)!), StringComparer.Ordinal));
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
