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
    /// <param name="unlessStored">
    /// A row of another table, of which only the key is read: when a row with that key is stored, the command inserts
    /// nothing. The first row is inserted only if there is none, and each later row only if the first one was, so that the
    /// command inserts all the rows or none without a read before it; its count of affected rows tells which.
    /// </param>
    public static DbCommand Command(DbContext db, IEnumerable<object> rows, IReadOnlyList<string>? skipOnConflict = null, object? unlessStored = null)
    {
        var plans = Plans.GetValue(db.Model, static _ => new ConcurrentDictionary<Type, Plan>());
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder();
        var index = 0;
        string? guard = null;
        foreach (var row in rows)
        {
            var plan = plans.GetOrAdd(row.GetType(), static (type, model) => Plan.For(model, type), db.Model);
            var first = index;
            text.Append(plan.Into).Append(unlessStored is null ? "VALUES (" : "SELECT ");
            for (var i = 0; i < plan.Columns.Length; i++)
            {
                text.Append(i == 0 ? "" : ", ").Append(Add(command, plan.Columns[i], row, ref index));
            }

            text.Append(unlessStored is null ? ")" : "");
            if (unlessStored is not null)
            {
                if (guard is null)
                {
                    // The first row is the others' parent: once it is in, its key (in this transaction) admits them.
                    var keyOf = plans.GetOrAdd(unlessStored.GetType(), static (type, model) => Plan.For(model, type), db.Model);
                    text.Append(" WHERE NOT ").Append(keyOf.KeyExists(keyOf.Key.Select(c => Add(command, keyOf.Columns[c], unlessStored, ref index))));
                    guard = plan.KeyExists(plan.Key.Select(c => "@r" + (first + c).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else
                {
                    text.Append(" WHERE ").Append(guard);
                }
            }

            if (skipOnConflict is not null)
            {
                text.Append(" ON CONFLICT (").AppendJoin(", ", skipOnConflict.Select(plan.Column)).Append(')');
                if (plan.UniqueFilters.GetValueOrDefault(string.Join(',', skipOnConflict)) is { } filter)
                {
                    // A partial unique index is the conflict's arbiter only when the insert names its predicate.
                    text.Append(" WHERE ").Append(filter);
                }

                text.Append(" DO NOTHING");
            }

            text.Append(";\n");
        }

        command.CommandText = text.ToString();
        return command;
    }

    /// <summary>
    /// The same inserts as <see cref="Command"/>, as a batch of statements with positional parameters (<c>$1</c>, …), for a
    /// provider that has batches (PostgreSQL): the provider sends each statement as it is, without parsing the text to find
    /// and rename parameters, and each statement's text, which does not depend on the values, is built once per model.
    /// A batch without a transaction runs as one implicit transaction: every row or none.
    /// </summary>
    /// <param name="db">The context, whose model names the tables and columns, and whose connection creates the batch.</param>
    /// <param name="rows">The rows, parents before children.</param>
    /// <param name="unlessStored">As for <see cref="Command"/>.</param>
    public static DbBatch Batch(DbContext db, IReadOnlyList<object> rows, object? unlessStored = null)
    {
        var plans = Plans.GetValue(db.Model, static _ => new ConcurrentDictionary<Type, Plan>());
        var connection = db.Database.GetDbConnection();
        var batch = connection.CreateBatch();
        batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        // Type mappings configure parameters through a command; the parameters themselves belong to the batch's commands.
        using var factory = connection.CreateCommand();
        Plan? parent = null;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var plan = plans.GetOrAdd(row.GetType(), static (type, model) => Plan.For(model, type), db.Model);
            var statement = batch.CreateBatchCommand();
            foreach (var column in plan.Columns)
            {
                statement.Parameters.Add(Positional(factory, column, row));
            }

            if (unlessStored is null)
            {
                statement.CommandText = plan.PositionalValues;
            }
            else if (parent is null)
            {
                // The first row goes in unless the guard's row is stored; the others only if the first one went in.
                var keyOf = plans.GetOrAdd(unlessStored.GetType(), static (type, model) => Plan.For(model, type), db.Model);
                foreach (var c in keyOf.Key)
                {
                    statement.Parameters.Add(Positional(factory, keyOf.Columns[c], unlessStored));
                }

                statement.CommandText = plan.PositionalUnless(keyOf, exists: false);
                parent = plan;
            }
            else
            {
                foreach (var c in parent.Key)
                {
                    statement.Parameters.Add(Positional(factory, parent.Columns[c], rows[0]));
                }

                statement.CommandText = plan.PositionalUnless(parent, exists: true);
            }

            batch.BatchCommands.Add(statement);
        }

        return batch;
    }

    private static DbParameter Positional(DbCommand factory, Column column, object row) =>
        column.Mapping.CreateParameter(factory, "", column.Getter.GetClrValueUsingContainingEntity(row), column.Nullable);

    /// <summary>Adds the parameter of one column's value and returns its name.</summary>
    private static string Add(DbCommand command, Column column, object row, ref int index)
    {
        var name = "@r" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        index++;
        command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Getter.GetClrValueUsingContainingEntity(row), column.Nullable));
        return name;
    }

    private sealed record Column(IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool Nullable);

    private sealed record Plan(string Table, string Into, Column[] Columns, int[] Key, IReadOnlyDictionary<string, string> ColumnNames, string[] KeyColumnNames, IReadOnlyDictionary<string, string> UniqueFilters)
    {
        // By the guard's table (a record's own equality would hash every member on each call).
        private readonly ConcurrentDictionary<(string GuardTable, bool Exists), string> _positionalUnless = new();

        /// <summary><c>INSERT INTO … VALUES ($1, …)</c>, one positional parameter per column.</summary>
        public string PositionalValues { get; } = Into + "VALUES (" + Positions(1, Columns.Length) + ")";

        /// <summary>
        /// <c>INSERT INTO … SELECT $1, … WHERE [NOT] EXISTS</c> a row of <paramref name="guard"/>'s table with the key given
        /// by the parameters after the columns'.
        /// </summary>
        public string PositionalUnless(Plan guard, bool exists) => _positionalUnless.GetOrAdd((guard.Table, exists), static (key, args) =>
            args.Plan.Into + "SELECT " + Positions(1, args.Plan.Columns.Length) + " WHERE " + (key.Exists ? "" : "NOT ")
            + args.Guard.KeyExists(Enumerable.Range(args.Plan.Columns.Length + 1, args.Guard.Key.Length).Select(i => "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))), (Plan: this, Guard: guard));

        private static string Positions(int first, int count) =>
            string.Join(", ", Enumerable.Range(first, count).Select(i => "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>The quoted column of a property.</summary>
        public string Column(string property) => ColumnNames[property];

        /// <summary><c>EXISTS</c> a row of this table whose key columns equal the given parameters, in key order.</summary>
        public string KeyExists(IEnumerable<string> parameters) =>
            $"EXISTS (SELECT 1 FROM {Table} WHERE {string.Join(" AND ", KeyColumnNames.Zip(parameters, (c, p) => c + " = " + p))})";

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
            var key = entity.FindPrimaryKey()?.Properties ?? throw new InvalidOperationException($"{type.Name} has no key.");
            return new Plan(
                name,
                $"INSERT INTO {name} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName(table)!)))}) ",
                [.. properties.Select(p => new Column(p.GetGetter(), p.GetRelationalTypeMapping(), p.IsNullable))],
                [.. key.Select(p => properties.IndexOf(p))],
                properties.ToDictionary(p => p.Name, p => Quote(p.GetColumnName(table)!), StringComparer.Ordinal),
                [.. key.Select(p => Quote(p.GetColumnName(table)!))],
                entity.GetIndexes().Where(i => i.IsUnique && i.GetFilter() is not null)
                    .ToDictionary(i => string.Join(',', i.Properties.Select(p => p.Name)), i => i.GetFilter()!, StringComparer.Ordinal));
        }
    }

    /// <summary>An identifier quoted for SQLite and PostgreSQL alike.</summary>
    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
