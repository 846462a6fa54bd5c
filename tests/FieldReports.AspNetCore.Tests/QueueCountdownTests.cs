using System.Text.Json;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Sla;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.AspNetCore.Tests;

/// <summary>The queues show each report's countdown as the SLA clock of its own events gives it, whatever step it is in.</summary>
public class QueueCountdownTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_queue_item_shows_the_countdown_of_its_reports_sla_clock_in_each_step()
    {
        var submitted = await Api.SubmitAsync(factory);
        var received = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{received}/receive", new { fieldCode = "traffic", urgent = true }));
        var assigned = await Api.SubmitAsync(factory);
        await Api.AssignAsync(factory, assigned);
        var inHandling = await Api.SubmitAsync(factory);
        await Api.AssignAsync(factory, inHandling);
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{inHandling}/acknowledge", new { }));
        var resultSubmitted = await Api.SubmitAsync(factory);
        await Api.AssignAsync(factory, resultSubmitted);
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{resultSubmitted}/acknowledge", new { }));
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{resultSubmitted}/result", new { result = "Đã xử lý." }));

        var before = SystemClock.Instance.GetCurrentInstant();
        var intake = await Api.Ok(Api.GetAsync(factory, Api.Reception, "/intake-queue?limit=500"));
        var agency = await Api.Ok(Api.GetAsync(factory, Api.Handler, "/agency-queue?limit=500"));
        var after = SystemClock.Instance.GetCurrentInstant();

        await AssertCountdownAsync(intake, submitted, "Submitted", SlaStep.ReceiveAndDistribute, before, after);
        await AssertCountdownAsync(intake, received, "Received", SlaStep.ReceiveAndDistribute, before, after);
        await AssertCountdownAsync(intake, resultSubmitted, "ResultSubmitted", SlaStep.ApproveAndPublish, before, after);
        await AssertCountdownAsync(agency, assigned, "Assigned", SlaStep.Handle, before, after);
        await AssertCountdownAsync(agency, inHandling, "InHandling", SlaStep.Handle, before, after);
    }

    [Fact]
    public async Task The_intake_queue_holds_the_centre_s_work_only_nearest_deadline_first_in_pages()
    {
        var escalated = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{escalated}/receive", new { fieldCode = "traffic" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{escalated}/escalate", new { reason = "Cần ý kiến chỉ đạo của UBND tỉnh." }));
        var waiting = await Api.SubmitAsync(factory);
        var assigned = await Api.SubmitAsync(factory);
        await Api.AssignAsync(factory, assigned);

        var intake = (await Api.Ok(Api.GetAsync(factory, Api.Reception, "/intake-queue?limit=500"))).EnumerateArray().ToList();
        var ids = intake.Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(assigned, ids);
        Assert.Contains(waiting, ids);
        Assert.Equal("Escalated", intake[ids.IndexOf(escalated)].GetProperty("state").GetString());

        // Nearest deadline first, reports without one last.
        var deadlines = intake.Select(i => i.TryGetProperty("sla", out var sla) && sla.ValueKind == JsonValueKind.Object ? sla.GetProperty("deadline").GetDateTimeOffset() : DateTimeOffset.MaxValue).ToList();
        Assert.Equal(deadlines.Order(), deadlines);

        // Pages of one, read one after another, give the same queue.
        var paged = new List<string?>();
        for (var offset = 0; offset < ids.Count; offset++)
        {
            var page = await Api.Ok(Api.GetAsync(factory, Api.Reception, $"/intake-queue?offset={offset}&limit=1"));
            paged.Add(Assert.Single(page.EnumerateArray()).GetProperty("id").GetString());
        }

        Assert.Equal(ids, paged);
    }

    private async Task AssertCountdownAsync(JsonElement queue, string id, string state, SlaStep step, Instant before, Instant after)
    {
        var item = queue.EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        Assert.Equal(state, item.GetProperty("state").GetString());
        var report = (await factory.Services.GetRequiredService<IReportStore>().FindAsync("ca-mau", new ReportId(Guid.Parse(id)), CancellationToken.None))!;
        var profile = factory.Services.GetRequiredService<ProvinceCatalog>().Find("ca-mau")!;
        var early = profile.SlaClockOf(report, before).Current!;
        var late = profile.SlaClockOf(report, after).Current!;
        var sla = item.GetProperty("sla");

        Assert.Equal(step, early.Step);
        Assert.Equal(early.Step.ToString(), sla.GetProperty("step").GetString());
        Assert.Equal(early.Deadline.ToDateTimeOffset(), sla.GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal(early.IsBreached, sla.GetProperty("isBreached").GetBoolean());
        Assert.Equal(early.IsWarning, sla.GetProperty("isWarning").GetBoolean());

        // The queue was read between the two instants, so its countdown lies between the clock's at each.
        var remaining = sla.GetProperty("remainingSeconds").GetInt64();
        Assert.InRange(remaining, (long)late.Remaining.TotalSeconds, (long)early.Remaining.TotalSeconds);
    }
}
