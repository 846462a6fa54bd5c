using System.Net;
using System.Text.Json;
using FieldReports.Confidentiality;
using FieldReports.Reports;
using FieldReports.Services;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static FieldReports.AspNetCore.Tests.Open311.Open311Client;

namespace FieldReports.AspNetCore.Tests.Open311;

/// <summary>Reading published reports: state secrets, paging, address ids, a POST without jurisdiction_id (#7).</summary>
public class Open311ReadingTests(Open311Factory factory) : IClassFixture<Open311Factory>
{
    [Fact]
    public async Task A_published_report_marked_as_a_state_secret_shows_nothing_beyond_its_status()
    {
        var id = await FileAndPublishAsync();
        var (_, visible) = await GetJsonAsync(factory.CreateClient(), $"requests/{id}.json?{Jurisdiction}");
        Assert.Equal(JsonValueKind.String, visible[0].GetProperty("description").ValueKind);

        Assert.True(ReportId.TryParse(id, out var reportId));
        var marks = factory.Services.GetRequiredService<IReportConfidentialityStore>();
        Assert.True((await marks.SaveAsync(Open311Factory.Province, reportId, ReportConfidentiality.None with { IsStateSecret = true }, default)).IsSuccess);

        var (_, hidden) = await GetJsonAsync(factory.CreateClient(), $"requests/{id}.json?{Jurisdiction}");
        Assert.Equal(JsonValueKind.Null, hidden[0].GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, hidden[0].GetProperty("lat").ValueKind);
        Assert.Equal("closed", hidden[0].GetProperty("status").GetString());
        var (_, list) = await GetJsonAsync(factory.CreateClient(), $"requests.json?{Jurisdiction}");
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id && r.GetProperty("description").ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_together_hold_every_published_report()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await FileAndPublishAsync());
        }

        using var client = factory.CreateClient();
        var seen = new List<string>();
        for (var page = 1; page <= 10; page++)
        {
            var (status, json) = await GetJsonAsync(client, $"requests.json?{Jurisdiction}&page={page}&page_size=2");
            Assert.Equal(HttpStatusCode.OK, status);
            var items = json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToList();
            Assert.True(items.Count <= 2);
            if (items.Count == 0)
            {
                break;
            }

            seen.AddRange(items);
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Superset(ids.ToHashSet(), seen.ToHashSet());
    }

    [Fact]
    public async Task An_address_id_is_the_area_and_a_key_alone_names_the_jurisdiction()
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var form = TrafficRequest(key).Where(p => p.Key is not ("lat" or "long" or "address_string" or "jurisdiction_id")).Append(new("address_id", "p-01")).ToList();
        var (status, body, _) = await PostAsync(client, "json", form);
        Assert.True(status == HttpStatusCode.OK, body);
        var id = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
        Assert.True(ReportId.TryParse(id, out var reportId));
        var report = await factory.Services.GetRequiredService<IReportStore>().FindAsync(Open311Factory.Province, reportId, default);
        Assert.Equal("p-01", report!.Content.AreaCode);

        var unknown = form.Select(p => p.Key == "address_id" ? new KeyValuePair<string, string>(p.Key, "nowhere") : p);
        var (refused, errors, _) = await PostAsync(client, "xml", unknown);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Open311ConformanceTests.AssertErrors(errors, "xml", 400);
    }

    private async Task<string> FileAndPublishAsync()
    {
        var (_, key) = await factory.IssueKeyAsync();
        var (status, body, _) = await PostAsync(factory.CreateClient(), "json", TrafficRequest(key));
        Assert.True(status == HttpStatusCode.OK, body);
        var id = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
        Assert.True(ReportId.TryParse(id, out var reportId));
        var service = factory.Services.GetRequiredService<ReportService>();
        foreach (var (command, actor) in new (ReportCommand, Actor)[]
        {
            (new ReceiveCommand("traffic_safety"), Actor.Reception("reception-1")),
            (new AssignCommand("csgt"), Actor.Reception("reception-1")),
            (new AcknowledgeCommand(), Actor.Handler("handler-1", "csgt")),
            (new SubmitResultCommand("Đã xử lý xong, phương tiện đã được di dời."), Actor.Handler("handler-1", "csgt")),
            (new ApproveCommand(), Actor.Approver("approver-1")),
        })
        {
            factory.Clock.Advance(Duration.FromMinutes(10));
            var outcome = await service.ApplyAsync(Open311Factory.Province, reportId, command, actor, default);
            Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        }

        return id;
    }
}
