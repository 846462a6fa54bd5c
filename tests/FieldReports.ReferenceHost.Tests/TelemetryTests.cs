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
    private const string Citizen = "reporter;otel-citizen-1;;ca-mau";

    [Fact]
    public async Task A_request_produces_a_server_span_and_a_submission_adds_one_to_reports_received_8()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var host = new HostFactory(new Dictionary<string, string?>(), services: s => s
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)));
        using var citizen = host.As(Citizen);

        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(new Uri("/ca-mau/submit", UriKind.Relative))).StatusCode);
        var sent = await HostFactory.PostFormAsync(citizen, "/ca-mau/submit",
        [
            new("Title", "Đèn tín hiệu giao thông hỏng"),
            new("Description", "Đèn tín hiệu tại ngã tư Lý Thường Kiệt không hoạt động từ sáng, xe cộ ùn tắc."),
            new("Latitude", "9.1769"), new("Longitude", "105.1524"), new("Address", "Ngã tư Lý Thường Kiệt"),
            new("Name", "Phạm Thị Hoa"), new("Phone", "0912345678"), new("Truthful", "true"),
        ], ("Photos", "den.png", HostFactory.Png));
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());

        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var server = spans.Where(a => a.Kind == ActivityKind.Server && a.Source.Name == "Microsoft.AspNetCore").ToList();
        Assert.Contains(server, a => a.DisplayName == "GET {province}/submit" && (int?)a.GetTagItem("http.response.status_code") == 200);
        Assert.Contains(server, a => a.DisplayName == "POST {province}/submit" && (int?)a.GetTagItem("http.response.status_code") == 302);

        var received = metrics.Where(m => m.Name == "fieldreports.reports.received").SelectMany(Points).ToList();
        var point = Assert.Single(received, p => p.Tags.Contains(new("fieldreports.province", "ca-mau")));
        Assert.Equal(1, point.Sum);
        Assert.Contains(new KeyValuePair<string, object?>("fieldreports.channel", "web"), point.Tags);
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
