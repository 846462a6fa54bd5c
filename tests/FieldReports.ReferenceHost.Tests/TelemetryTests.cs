using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FieldReports.ReferenceHost.Tests;

/// <summary>The host's OpenTelemetry wiring: ASP.NET Core spans, and the core's meter exported (#8).</summary>
public sealed class TelemetryTests
{
    // A province no other test of this process submits to: the SDK listens to every meter named FieldReports in the process.
    private const string Citizen = "reporter;otel-citizen-1;;quang-binh";

    [Fact]
    public async Task A_request_produces_a_server_span_a_submission_adds_one_to_reports_received_and_its_delivery_records_the_outbox_lag_8()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var host = new HostFactory(new Dictionary<string, string?>(), services: s => s
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)));
        using var citizen = host.As(Citizen);

        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(new Uri("/quang-binh/submit", UriKind.Relative))).StatusCode);
        var sent = await HostFactory.PostFormAsync(citizen, "/quang-binh/submit",
        [
            new("Title", "Đèn tín hiệu giao thông hỏng"),
            new("Description", "Đèn tín hiệu tại ngã tư Lý Thường Kiệt không hoạt động từ sáng, xe cộ ùn tắc."),
            new("Latitude", "17.4689"), new("Longitude", "106.6223"), new("Address", "Ngã tư Lý Thường Kiệt, Đồng Hới"),
            new("Name", "Phạm Thị Hoa"), new("Phone", "0912345678"), new("Truthful", "true"),
        ], ("Photos", "den.png", HostFactory.Png));
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());

        // The outbox dispatcher (a hosted worker outside tests) delivers the submission's message.
        Assert.True(await host.Services.GetRequiredService<FieldReports.Storage.EF.OutboxDispatcher>().DispatchDueAsync(default) >= 1);

        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var server = spans.Where(a => a.Kind == ActivityKind.Server && a.Source.Name == "Microsoft.AspNetCore").ToList();
        Assert.Contains(server, a => a.DisplayName == "GET {province}/submit" && (string?)a.GetTagItem("url.path") == "/quang-binh/submit" && (int?)a.GetTagItem("http.response.status_code") == 200);
        Assert.Contains(server, a => a.DisplayName == "POST {province}/submit" && (string?)a.GetTagItem("url.path") == "/quang-binh/submit" && (int?)a.GetTagItem("http.response.status_code") == 302);

        var received = metrics.Where(m => m.Name == "fieldreports.reports.received").SelectMany(Points).ToList();
        var point = Assert.Single(received, p => p.Tags.Contains(new("fieldreports.province", "quang-binh")));
        Assert.Equal(1, point.Sum);
        Assert.Contains(new KeyValuePair<string, object?>("fieldreports.channel", "web"), point.Tags);

        var lag = Assert.Single(metrics.Where(m => m.Name == "fieldreports.outbox.lag").Select(m => m.Name).Distinct());
        var delivered = metrics.Where(m => m.Name == lag).SelectMany(HistogramCounts).Sum();
        Assert.True(delivered >= 1, "the outbox's delivery lag was not recorded");
    }

    private static IEnumerable<long> HistogramCounts(Metric metric)
    {
        var counts = new List<long>();
        foreach (ref readonly var p in metric.GetMetricPoints())
        {
            counts.Add(p.GetHistogramCount());
        }

        return counts;
    }

    private static IEnumerable<(long Sum, List<KeyValuePair<string, object?>> Tags)> Points(Metric metric)
    {
        foreach (ref readonly var p in metric.GetMetricPoints())
        {
            var tags = new List<KeyValuePair<string, object?>>();
            foreach (var tag in p.Tags)
            {
                tags.Add(tag);
            }

            yield return (p.GetSumLong(), tags);
        }
    }
}
