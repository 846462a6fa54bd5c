using System.Collections.Concurrent;
using System.Data.Common;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests;

/// <summary>The product's lists run in SQL on their indexes, never as a full scan of the reports table.</summary>
public sealed class SqliteQueryPlanTests : StorageTestBase
{
    private readonly PlanRecorder _recorder = new();

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    [Fact]
    public async Task Agency_queue_uses_its_index()
    {
        await RunAsync(q => q.GetAgencyQueueAsync(TestReports.Province, "agency-1", 0, 20, default));
        Assert.Contains("ix_reports_agency_queue", _recorder.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Centre_queue_reads_in_deadline_order_on_its_index_without_sorting()
    {
        await RunAsync(q => q.GetCentreQueueAsync(TestReports.Province, 0, 20, default));
        Assert.Contains("ix_reports_centre_queue", _recorder.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", _recorder.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_watch_uses_its_index()
    {
        await RunAsync(q => q.GetDeadlineWatchAsync(TestReports.Province, Clock.GetCurrentInstant(), null, 20, default));
        Assert.Contains("ix_reports_deadline", _recorder.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_list_pages_on_its_index_without_sorting()
    {
        var first = await RunAsync(q => q.GetPublishedAsync(TestReports.Province, new PublishedReportFilter(), null, 1, default));
        await RunAsync(q => q.GetPublishedAsync(TestReports.Province, new PublishedReportFilter(), first.NextCursor, 1, default));
        Assert.Contains("ix_reports_published", _recorder.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", _recorder.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_read_the_period_on_its_index()
    {
        var now = Clock.GetCurrentInstant();
        await RunAsync(q => q.GetStatisticsAsync(TestReports.Province, new ReportStatisticsQuery { From = now - Duration.FromDays(365), To = now, AsOf = now }, default));
        Assert.Contains("ix_reports_submitted", _recorder.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_to_review_is_read_on_its_index()
    {
        var now = Clock.GetCurrentInstant();
        await RunAsync(async _ =>
        {
            var attachments = NewServices(context: o => o.AddInterceptors(_recorder)).GetRequiredService<IAttachmentStore>();
            return await attachments.ListEvidenceToReviewAsync(TestReports.Province, now, [Reports.ReportState.Published, Reports.ReportState.Closed], 100, default);
        });
        Assert.Contains("ix_attachments_role_created", _recorder.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_interactions_read_the_period_on_their_index()
    {
        var now = Clock.GetCurrentInstant();
        await RunAsync(async _ =>
        {
            var interactions = NewServices(context: o => o.AddInterceptors(_recorder)).GetRequiredService<IInteractionStore>();
            return await interactions.CountUnansweredAsync(TestReports.Province, now - Duration.FromDays(365), now, now, null, default);
        });
        Assert.Contains("ix_interactions_sent", _recorder.Plan, StringComparison.Ordinal);
    }

    private async Task<T> RunAsync<T>(Func<IReportQueries, Task<T>> query)
    {
        var at = Clock.GetCurrentInstant();
        await Store.AddAsync(TestReports.Province, TestReports.Published(at), null, null, [], default);
        await Store.AddAsync(TestReports.Province, TestReports.Published(at + Duration.FromMinutes(1)), null, null, [], default);
        var services = NewServices(context: o => o.AddInterceptors(_recorder));
        return await query(services.GetRequiredService<IReportQueries>());
    }

    /// <summary>Runs EXPLAIN QUERY PLAN for each query on its own connection and parameters, before the query itself.</summary>
    private sealed class PlanRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _plans = new();

        public string Plan => string.Join("\n", _plans);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command is SqliteCommand sqlite && (command.CommandText.Contains("\"reports\"", StringComparison.Ordinal) || command.CommandText.Contains("\"interactions\"", StringComparison.Ordinal)))
            {
                await using var explain = sqlite.Connection!.CreateCommand();
                explain.Transaction = sqlite.Transaction;
                explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
                foreach (SqliteParameter p in sqlite.Parameters)
                {
                    explain.Parameters.AddWithValue(p.ParameterName, p.Value);
                }

                await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    _plans.Enqueue(reader.GetString(3));
                }
            }

            return result;
        }
    }
}
