using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FieldReports.Reports;
using FieldReports.Storage.EF.Model;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldReports.Storage.EF.Stores;

/// <summary>The EF Core <see cref="IReportQueries"/>: every list is filtered, ordered and paged in SQL, on an index.</summary>
internal sealed class EfReportQueries<TContext>(IDbContextFactory<TContext> contexts) : IReportQueries
    where TContext : DbContext
{
    private const int MaxPageSize = 500;

    private static readonly ReportState[] AgencyStates = [ReportState.Assigned, ReportState.InHandling, ReportState.FollowUpRequired];

    private static readonly ReportState[] Terminal = [.. ReportWorkflow.TerminalStates];

    public async Task<IReadOnlyList<ReportSummary>> GetAgencyQueueAsync(string provinceId, string agencyId, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        CheckPageSize(limit, nameof(limit));
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var rows = await db.Set<ReportRow>().AsNoTracking()
                .Where(r => r.ProvinceId == provinceId && r.AssignedAgencyId == agencyId && AgencyStates.Contains(r.State))
                .OrderBy(r => r.CurrentDeadline == null)
                .ThenBy(r => r.CurrentDeadline)
                .ThenBy(r => r.Id)
                .Skip(offset)
                .Take(limit)
                .Select(Summary)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(ToSummary)];
        }
    }

    public async Task<IReadOnlyList<ReportSummary>> GetCentreQueueAsync(string provinceId, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        CheckPageSize(limit, nameof(limit));
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            // Read in the order of ix_reports_centre_queue (province, deadline, id), which stops after the page, instead of
            // sorting every report at the centre: first those with a deadline, then, when the page is not full yet, those
            // without one, in id order. The states are inlined as the index's filter has them.
            var centre = db.Set<ReportRow>().AsNoTracking().Where(r => r.ProvinceId == provinceId && Microsoft.EntityFrameworkCore.EF.Constant(CentreQueue.States).Contains(r.State));
            var rows = await centre
                .Where(r => r.CurrentDeadline != null)
                .OrderBy(r => r.CurrentDeadline)
                .ThenBy(r => r.Id)
                .Skip(offset)
                .Take(limit)
                .Select(Summary)
                .ToListAsync(cancellationToken);
            if (rows.Count < limit)
            {
                // Past the end of the reports with a deadline: skip what is left of the offset among those without one.
                var skip = rows.Count > 0 || offset == 0 ? 0 : offset - await centre.CountAsync(r => r.CurrentDeadline != null, cancellationToken);
                rows.AddRange(await centre
                    .Where(r => r.CurrentDeadline == null)
                    .OrderBy(r => r.Id)
                    .Skip(Math.Max(0, skip))
                    .Take(limit - rows.Count)
                    .Select(Summary)
                    .ToListAsync(cancellationToken));
            }

            return [.. rows.Select(ToSummary)];
        }
    }

    public async Task<IReadOnlyList<ReportSummary>> GetDeadlineWatchAsync(string provinceId, Instant deadlineBefore, string? agencyId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        CheckPageSize(limit, nameof(limit));
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var query = db.Set<ReportRow>().AsNoTracking()
                .Where(r => r.ProvinceId == provinceId && r.CurrentDeadline != null && r.CurrentDeadline < deadlineBefore && !Terminal.Contains(r.State));
            if (agencyId is not null)
            {
                query = query.Where(r => r.AssignedAgencyId == agencyId);
            }

            var rows = await query
                .OrderBy(r => r.CurrentDeadline)
                .ThenBy(r => r.Id)
                .Take(limit)
                .Select(Summary)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(ToSummary)];
        }
    }

    public async Task<ReportPage<ReportSummary>> GetDeadlineWatchPageAsync(string provinceId, Instant deadlineBefore, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        CheckPageSize(pageSize, nameof(pageSize));
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var query = db.Set<ReportRow>().AsNoTracking()
                .Where(r => r.ProvinceId == provinceId && r.CurrentDeadline != null && r.CurrentDeadline < deadlineBefore && !Terminal.Contains(r.State));
            if (cursor is not null)
            {
                // Keyset paging on (deadline, id), ascending, on ix_reports_deadline.
                var (at, id) = DecodeCursor(cursor);
                query = query.Where(r => r.CurrentDeadline >= at && (r.CurrentDeadline > at || r.Id.CompareTo(id) > 0));
            }

            var rows = await query
                .OrderBy(r => r.CurrentDeadline)
                .ThenBy(r => r.Id)
                .Take(pageSize + 1)
                .Select(Summary)
                .ToListAsync(cancellationToken);
            var items = rows.Take(pageSize).Select(ToSummary).ToList();
            var next = rows.Count > pageSize ? EncodeCursor(items[^1].CurrentDeadline!.Value, items[^1].Id.Value) : null;
            return new ReportPage<ReportSummary>(items, next);
        }
    }

    public async Task<ReportPage<PublishedReport>> GetPublishedAsync(string provinceId, PublishedReportFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentNullException.ThrowIfNull(filter);
        CheckPageSize(pageSize, nameof(pageSize));
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var query = db.Set<ReportRow>().AsNoTracking()
                .Where(r => r.ProvinceId == provinceId && r.PublishedAt != null && !r.IsConfidential);
            if (filter.FieldCode is { } field)
            {
                query = query.Where(r => r.FieldCode == field);
            }

            if (filter.AreaCode is { } area)
            {
                query = query.Where(r => r.AreaCode == area);
            }

            if (filter.PublishedFrom is { } from)
            {
                query = query.Where(r => r.PublishedAt >= from);
            }

            if (filter.PublishedTo is { } to)
            {
                query = query.Where(r => r.PublishedAt < to);
            }

            if (cursor is not null)
            {
                var (at, id) = DecodeCursor(cursor);
                // Keyset paging: continue strictly after the last item of the previous page, whatever its depth. The leading
                // "<=" bound lets the database seek the index instead of scanning it from the top, so deep pages cost what the first does.
                query = query.Where(r => r.PublishedAt <= at && (r.PublishedAt < at || r.Id.CompareTo(id) < 0));
            }

            var rows = await query
                .OrderByDescending(r => r.PublishedAt)
                .ThenByDescending(r => r.Id)
                .Take(pageSize + 1)
                .ToListAsync(cancellationToken);
            var items = rows.Take(pageSize).Select(r => new PublishedReport
            {
                Id = new ReportId(r.Id),
                State = r.State,
                Title = r.Title,
                Description = r.Description,
                FieldCode = r.FieldCode,
                AreaCode = r.AreaCode,
                Address = r.Address,
                Location = r.Latitude is { } lat && r.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
                AssignedAgencyId = r.AssignedAgencyId,
                Result = r.Result,
                SubmittedAt = r.SubmittedAt,
                PublishedAt = r.PublishedAt!.Value,
            }).ToList();
            var next = rows.Count > pageSize ? EncodeCursor(items[^1].PublishedAt, items[^1].Id.Value) : null;
            return new ReportPage<PublishedReport>(items, next);
        }
    }

    public async Task<ReportPage<ReportSummary>> GetReporterReportsAsync(string provinceId, string reporterAccountId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reporterAccountId);
        CheckPageSize(pageSize, nameof(pageSize));
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var query = db.Set<ReportRow>().AsNoTracking()
                .Where(r => r.ProvinceId == provinceId && r.ReporterAccountId == reporterAccountId);
            if (cursor is not null)
            {
                var (at, id) = DecodeCursor(cursor);
                query = query.Where(r => r.SubmittedAt <= at && (r.SubmittedAt < at || r.Id.CompareTo(id) < 0));
            }

            var rows = await query
                .OrderByDescending(r => r.SubmittedAt)
                .ThenByDescending(r => r.Id)
                .Take(pageSize + 1)
                .Select(Summary)
                .ToListAsync(cancellationToken);
            var items = rows.Take(pageSize).Select(ToSummary).ToList();
            var next = rows.Count > pageSize ? EncodeCursor(items[^1].SubmittedAt, items[^1].Id.Value) : null;
            return new ReportPage<ReportSummary>(items, next);
        }
    }

    public async Task<IReadOnlyList<ReportStatisticsRow>> GetStatisticsAsync(string provinceId, ReportStatisticsQuery query, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        ArgumentNullException.ThrowIfNull(query);
        var (from, to, asOf) = (query.From, query.To, query.AsOf);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var reports = db.Set<ReportRow>().AsNoTracking()
                .Where(r => r.ProvinceId == provinceId && r.SubmittedAt >= from && r.SubmittedAt < to);
            if (query.AgencyId is { } agency)
            {
                reports = reports.Where(r => r.AssignedAgencyId == agency);
            }

            if (query.FieldCode is { } field)
            {
                reports = reports.Where(r => r.FieldCode == field);
            }

            var groups = await reports
                .GroupBy(r => new { r.AssignedAgencyId, r.FieldCode, r.State })
                .Select(g => new
                {
                    g.Key.AssignedAgencyId,
                    g.Key.FieldCode,
                    g.Key.State,
                    Count = g.Count(),
                    Urgent = g.Count(r => r.IsUrgent),
                    Overdue = g.Count(r => r.CurrentDeadline != null && r.CurrentDeadline < asOf && !Terminal.Contains(r.State)),
                })
                .ToListAsync(cancellationToken);
            return [.. groups
                .OrderBy(g => g.AssignedAgencyId, StringComparer.Ordinal)
                .ThenBy(g => g.FieldCode, StringComparer.Ordinal)
                .ThenBy(g => g.State)
                .Select(g => new ReportStatisticsRow
                {
                    AgencyId = g.AssignedAgencyId,
                    FieldCode = g.FieldCode,
                    State = g.State,
                    Count = g.Count,
                    Urgent = g.Urgent,
                    Overdue = g.Overdue,
                })];
        }
    }

    private static readonly System.Linq.Expressions.Expression<Func<ReportRow, SummaryRow>> Summary = r => new SummaryRow(
        r.Id, r.State, r.Title, r.FieldCode, r.AreaCode, r.AssignedAgencyId, r.IsUrgent, r.IsConfidential, r.SubmittedAt, r.CurrentDeadline, r.Version);

    private static ReportSummary ToSummary(SummaryRow r) => new()
    {
        Id = new ReportId(r.Id),
        State = r.State,
        Title = r.Title,
        FieldCode = r.FieldCode,
        AreaCode = r.AreaCode,
        AssignedAgencyId = r.AssignedAgencyId,
        IsUrgent = r.IsUrgent,
        IsConfidential = r.IsConfidential,
        SubmittedAt = r.SubmittedAt,
        CurrentDeadline = r.CurrentDeadline,
        Version = r.Version,
    };

    private static void CheckPageSize(int size, string name)
    {
        if (size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(name, size, "A page holds from 1 to 500 items.");
        }
    }

    private static string EncodeCursor(Instant at, Guid id) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeTicks()}.{id:N}")));

    private static (Instant At, Guid Id) DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0
                && long.TryParse(text.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks)
                && Guid.TryParseExact(text.AsSpan(dot + 1), "N", out var id))
            {
                return (Instant.FromUnixTimeTicks(ticks), id);
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException("The cursor is not one returned by this list; start again from the first page.", nameof(cursor));
    }

    private sealed record SummaryRow(Guid Id, ReportState State, string? Title, string? FieldCode, string? AreaCode, string? AssignedAgencyId,
        bool IsUrgent, bool IsConfidential, Instant SubmittedAt, Instant? CurrentDeadline, int Version);
}
