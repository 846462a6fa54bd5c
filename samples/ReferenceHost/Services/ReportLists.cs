using System.Data.Common;
using FieldReports.Reports;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using ReferenceHost.Data;

namespace ReferenceHost.Services;

/// <summary>A row of a work list: ids, states and dates only. Pages load the report itself and show it through the confidentiality policy.</summary>
public sealed record ListRow(Guid Id, ReportState State, string? FieldCode, string? AgencyId, bool IsUrgent, bool IsConfidential, Instant SubmittedAt, Instant? Deadline, string? RatingCode, Instant? PublishedAt);

/// <summary>An interaction waiting for an answer: the citizen's text carries no contact details; the account is left out.</summary>
public sealed record PendingInteraction(Guid Id, Guid ReportId, FieldReports.Rating.InteractionKind Kind, string Text, Instant SentAt, Instant? DueAt);

/// <summary>
/// The lists the host's pages need beyond IReportQueries (the centre's queues, a reporter's own reports, the dashboard's
/// period): read from the FieldReports tables the host's own context maps.
/// </summary>
public sealed class ReportLists(IDbContextFactory<HostDbContext> contexts)
{
    public async Task<IReadOnlyList<ListRow>> ListAsync(string provinceId, IReadOnlyCollection<ReportState>? states = null, string? reporterAccountId = null, Instant? submittedFrom = null, Instant? submittedTo = null, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var ticks = !db.Database.IsNpgsql();
        await using var command = connection.CreateCommand();
        var sql = "SELECT id, state, field_code, assigned_agency_id, urgent, confidential, submitted_at, current_deadline, rating_code, published_at FROM reports WHERE province_id = @p";
        Add(command, "@p", provinceId);
        if (states is { Count: > 0 })
        {
            sql += $" AND state IN ({string.Join(',', states.Select(s => (int)s))})";
        }

        if (reporterAccountId is not null)
        {
            sql += " AND reporter_account_id = @r";
            Add(command, "@r", reporterAccountId);
        }

        if (submittedFrom is { } from)
        {
            sql += " AND submitted_at >= @f";
            Add(command, "@f", ticks ? from.ToUnixTimeTicks() : from.ToDateTimeUtc());
        }

        if (submittedTo is { } to)
        {
            sql += " AND submitted_at < @t";
            Add(command, "@t", ticks ? to.ToUnixTimeTicks() : to.ToDateTimeUtc());
        }

        command.CommandText = sql + $" ORDER BY CASE WHEN current_deadline IS NULL THEN 1 ELSE 0 END, current_deadline, submitted_at DESC LIMIT {limit}";
        var rows = new List<ListRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ListRow(
                reader.GetFieldValue<Guid>(0),
                (ReportState)Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Convert.ToBoolean(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToBoolean(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
                InstantOf(reader.GetValue(6))!.Value,
                InstantOf(reader.GetValue(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                InstantOf(reader.GetValue(9))));
        }

        return rows;
    }

    /// <summary>The interactions waiting for an answer from an agency (or, with <see langword="null"/>, from the centre), oldest first.</summary>
    public async Task<IReadOnlyList<PendingInteraction>> UnansweredInteractionsAsync(string provinceId, string? agencyId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        Add(command, "@p", provinceId);
        var agency = "agency_id IS NULL";
        if (agencyId is not null)
        {
            agency = "agency_id = @a";
            Add(command, "@a", agencyId);
        }

        command.CommandText = $"SELECT id, report_id, kind, text, sent_at, due_at FROM interactions WHERE province_id = @p AND answered_at IS NULL AND {agency} ORDER BY sent_at LIMIT 200";
        var rows = new List<PendingInteraction>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PendingInteraction(
                reader.GetFieldValue<Guid>(0),
                reader.GetFieldValue<Guid>(1),
                (FieldReports.Rating.InteractionKind)Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(3),
                InstantOf(reader.GetValue(4))!.Value,
                InstantOf(reader.GetValue(5))));
        }

        return rows;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    // SQLite keeps instants as Unix ticks; PostgreSQL as timestamptz.
    private static Instant? InstantOf(object value) => value switch
    {
        DBNull => null,
        long t => Instant.FromUnixTimeTicks(t),
        Instant i => i,
        DateTime d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateTimeOffset o => Instant.FromDateTimeOffset(o),
        _ => Instant.FromUnixTimeTicks(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
