using FieldReports.Reports;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>The lists and statistics computed in the database.</summary>
public abstract class QueryConformance : StorageTestBase
{
    private Instant Now => Clock.GetCurrentInstant();

    [StorageFact]
    public async Task Agency_queue_lists_the_agency_s_open_work_nearest_deadline_first()
    {
        var late = await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now), Now + Duration.FromHours(1));
        var early = await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now).Acknowledge(Now), Now + Duration.FromMinutes(30));
        var none = await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now), null);
        await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now, "agency-2"), Now);
        await AddAsync(TestReports.Published(Now), null);
        await AddAsync(TestReports.Submitted(Now, province: "camau").Receive(Now).Assign(Now), Now);

        var queue = await Queries.GetAgencyQueueAsync(TestReports.Province, "agency-1", 0, 10, default);

        Assert.Equal([early.Id, late.Id, none.Id], queue.Select(r => r.Id));
        Assert.Equal(ReportState.InHandling, queue[0].State);
        Assert.Equal(4, queue[0].Version);
        Assert.Equal([late.Id], (await Queries.GetAgencyQueueAsync(TestReports.Province, "agency-1", 1, 1, default)).Select(r => r.Id));
    }

    [StorageFact]
    public async Task Centre_queue_lists_the_centre_s_work_nearest_deadline_first_and_escalated_reports_last()
    {
        // Work waiting for agencies, with the earliest deadlines of all: not the centre's, and never in the way of its page.
        for (var i = 0; i < 3; i++)
        {
            await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now), Now - Duration.FromHours(10 - i));
        }

        var submitted = await AddAsync(TestReports.Submitted(Now), Now + Duration.FromHours(2));
        var received = await AddAsync(TestReports.Submitted(Now).Receive(Now), Now + Duration.FromHours(1));
        var returned = await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now).ReturnToCentre(Now), Now + Duration.FromHours(3));
        var toCheck = await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now).Acknowledge(Now).SubmitResult(Now), Now - Duration.FromHours(1));
        var escalated = new[]
        {
            await AddAsync(TestReports.Submitted(Now).Receive(Now).Escalate(Now), null),
            await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now).Escalate(Now), null),
        }.OrderBy(r => r.Id.Value).ToArray();
        await AddAsync(TestReports.Published(Now), null);
        await AddAsync(TestReports.Submitted(Now, province: "camau"), Now - Duration.FromHours(20));

        Report[] expected = [toCheck, received, submitted, returned, .. escalated];
        var queue = await Queries.GetCentreQueueAsync(TestReports.Province, 0, 3, default);
        Assert.Equal(expected.Take(3).Select(r => r.Id), queue.Select(r => r.Id));
        Assert.Equal([ReportState.ResultSubmitted, ReportState.Received, ReportState.Submitted], queue.Select(r => r.State));

        // Pages run on past the last deadline into the escalated reports, wherever the page starts.
        for (var offset = 0; offset <= expected.Length; offset++)
        {
            for (var limit = 1; limit <= expected.Length + 1; limit++)
            {
                var page = await Queries.GetCentreQueueAsync(TestReports.Province, offset, limit, default);
                Assert.Equal(expected.Skip(offset).Take(limit).Select(r => r.Id), page.Select(r => r.Id));
            }
        }

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.GetCentreQueueAsync(TestReports.Province, -1, 10, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.GetCentreQueueAsync(TestReports.Province, 0, 0, default));
    }

    [StorageFact]
    public async Task Deadline_watch_lists_open_reports_due_before_the_bound()
    {
        var overdue = await AddAsync(TestReports.Submitted(Now).Receive(Now).Assign(Now), Now - Duration.FromHours(1));
        var atRisk = await AddAsync(TestReports.Submitted(Now).Receive(Now), Now + Duration.FromMinutes(20));
        await AddAsync(TestReports.Submitted(Now).Receive(Now), Now + Duration.FromHours(3));
        await AddAsync(TestReports.Submitted(Now, province: "camau").Receive(Now), Now - Duration.FromHours(1));

        Assert.Equal([overdue.Id], (await Queries.GetDeadlineWatchAsync(TestReports.Province, Now, null, 50, default)).Select(r => r.Id));
        Assert.Equal([overdue.Id, atRisk.Id], (await Queries.GetDeadlineWatchAsync(TestReports.Province, Now + Duration.FromMinutes(30), null, 50, default)).Select(r => r.Id));
        Assert.Equal([overdue.Id], (await Queries.GetDeadlineWatchAsync(TestReports.Province, Now + Duration.FromMinutes(30), "agency-1", 50, default)).Select(r => r.Id));
    }

    [StorageFact]
    public async Task Public_list_pages_by_keyset_newest_first_without_confidential_or_unpublished_reports()
    {
        var published = new List<Report>();
        for (var i = 0; i < 7; i++)
        {
            // Two reports per instant, so that pages also break ties on the id.
            published.Add(await AddAsync(TestReports.Published(Now + Duration.FromMinutes(i / 2)), null));
        }

        await AddAsync(TestReports.Submitted(Now).Receive(Now), null);
        var confidential = TestReports.Submitted(Now, confidential: true).Receive(Now).Assign(Now).Acknowledge(Now).SubmitResult(Now);
        Assert.True(confidential.Apply(new ReplyPrivatelyCommand(), Actor.Approver("approver-1"), Now).IsSuccess);
        await AddAsync(confidential, null);
        await AddAsync(TestReports.Published(Now, province: "camau"), null);

        var seen = new List<PublishedReport>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Queries.GetPublishedAsync(TestReports.Province, new PublishedReportFilter(), cursor, 3, default);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(published.Count, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(published.Select(r => r.Id.Value).Order(), seen.Select(r => r.Id.Value).Order());
        Assert.Equal(seen.OrderByDescending(r => r.PublishedAt).Select(r => r.PublishedAt), seen.Select(r => r.PublishedAt));
        Assert.All(seen, r => Assert.Equal("Đã vá ổ gà.", r.Result));
        await Assert.ThrowsAsync<ArgumentException>(() => Queries.GetPublishedAsync(TestReports.Province, new PublishedReportFilter(), "not-a-cursor", 3, default));
    }

    [StorageFact]
    public async Task Public_list_filters_by_field_area_and_period()
    {
        var roads = await AddAsync(TestReports.Published(Now, field: "roads", area: "a1"), null);
        var water = await AddAsync(TestReports.Published(Now + Duration.FromDays(2), field: "water", area: "a2"), null);
        var roadsLater = await AddAsync(TestReports.Published(Now + Duration.FromDays(5), field: "roads", area: "a2"), null);

        async Task<IEnumerable<ReportId>> Ids(PublishedReportFilter f) =>
            (await Queries.GetPublishedAsync(TestReports.Province, f, null, 50, default)).Items.Select(r => r.Id);

        Assert.Equal([roadsLater.Id, roads.Id], await Ids(new PublishedReportFilter { FieldCode = "roads" }));
        Assert.Equal([roadsLater.Id, water.Id], await Ids(new PublishedReportFilter { AreaCode = "a2" }));
        Assert.Equal([water.Id], await Ids(new PublishedReportFilter { PublishedFrom = Now + Duration.FromDays(1), PublishedTo = Now + Duration.FromDays(3) }));
        Assert.Equal([roadsLater.Id], await Ids(new PublishedReportFilter { FieldCode = "roads", AreaCode = "a2", PublishedFrom = Now }));
    }

    [StorageFact]
    public async Task Reporter_list_pages_the_reporter_s_own_reports_newest_first_by_keyset()
    {
        var mine = new List<Report>();
        for (var i = 0; i < 5; i++)
        {
            // Two reports per instant, so that pages also break ties on the id.
            mine.Add(await AddAsync(TestReports.Submitted(Now + Duration.FromMinutes(i / 2), reporter: "citizen-7"), null));
        }

        mine.Add(await AddAsync(TestReports.Submitted(Now - Duration.FromDays(1), reporter: "citizen-7").Receive(Now - Duration.FromDays(1)), null));
        await AddAsync(TestReports.Submitted(Now, reporter: "citizen-8"), null);
        await AddAsync(TestReports.Submitted(Now, province: "camau", reporter: "citizen-7"), null);

        var seen = new List<ReportSummary>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Queries.GetReporterReportsAsync(TestReports.Province, "citizen-7", cursor, 4, default);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(2, pages);
        Assert.Equal(mine.Count, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(mine.Select(r => r.Id.Value).Order(), seen.Select(r => r.Id.Value).Order());
        Assert.Equal(seen.OrderByDescending(r => r.SubmittedAt).Select(r => r.SubmittedAt), seen.Select(r => r.SubmittedAt));
        Assert.Equal(ReportState.Received, seen[^1].State);
        Assert.Empty((await Queries.GetReporterReportsAsync(TestReports.Province, "citizen-9", null, 10, default)).Items);
        await Assert.ThrowsAsync<ArgumentException>(() => Queries.GetReporterReportsAsync(TestReports.Province, "citizen-7", "not-a-cursor", 3, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.GetReporterReportsAsync(TestReports.Province, "citizen-7", null, 0, default));
    }

    [StorageFact]
    public async Task Statistics_count_by_agency_field_and_state_in_the_period()
    {
        await AddAsync(TestReports.Published(Now, field: "roads"), null);
        await AddAsync(TestReports.Published(Now, field: "roads"), null);
        await AddAsync(TestReports.Submitted(Now, urgent: true).Receive(Now, "roads").Assign(Now), Now - Duration.FromHours(1));
        await AddAsync(TestReports.Submitted(Now).Receive(Now, "roads").Assign(Now), Now + Duration.FromHours(1));
        await AddAsync(TestReports.Submitted(Now).Receive(Now, "water").Assign(Now, "agency-2"), Now - Duration.FromHours(1));
        await AddAsync(TestReports.Submitted(Now), null);
        await AddAsync(TestReports.Submitted(Now - Duration.FromDays(40)), null); // before the period
        await AddAsync(TestReports.Submitted(Now, province: "camau"), null);

        var query = new ReportStatisticsQuery { From = Now - Duration.FromDays(30), To = Now + Duration.FromDays(1), AsOf = Now };
        var rows = await Queries.GetStatisticsAsync(TestReports.Province, query, default);

        Assert.Equal(
            [
                (null, null, ReportState.Submitted, 1, 0, 0),
                ("agency-1", "roads", ReportState.Assigned, 2, 1, 1),
                ("agency-1", "roads", ReportState.Published, 2, 0, 0),
                ("agency-2", "water", ReportState.Assigned, 1, 0, 1),
            ],
            rows.Select(r => (r.AgencyId, r.FieldCode, r.State, r.Count, r.Urgent, r.Overdue)));
        var agency2 = await Queries.GetStatisticsAsync(TestReports.Province, query with { AgencyId = "agency-2" }, default);
        Assert.Equal(1, Assert.Single(agency2).Count);
    }

    private async Task<Report> AddAsync(Report report, Instant? deadline)
    {
        var result = await Store.AddAsync(report.ProvinceId, report, null, deadline, [], default);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return report;
    }
}
