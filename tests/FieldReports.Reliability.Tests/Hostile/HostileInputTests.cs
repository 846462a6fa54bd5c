using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FieldReports.Reliability.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FieldReports.Reliability.Tests.Hostile;

/// <summary>
/// At least 10,000 malformed or malicious requests across every route of the host, from callers who may not see a canary
/// report's personal data: no 5xx, no canary in any answer, and a batch whose state-changing requests were all refused
/// leaves every table and every stored file as it was.
/// </summary>
public sealed class HostileInputTests(HostileFactory factory, ITestOutputHelper output) : IClassFixture<HostileFactory>
{
    private const int Requests = 10_000;
    private const int Batch = 200;
    private const int Seed = 20261123;

    // Canary personal data: distinctive enough that any leak is found by a plain search.
    private const string CanaryName = "Canaryname Quixotevu";
    private const string CanaryPhone = "0987 654 321";
    private const string CanaryEmail = "canary.5b1d9e@example.vn";

    private readonly HostileFactory _factory = factory;

    [Theory]
    [InlineData("/lang/en?returnUrl=//evil.example/", HttpStatusCode.Redirect)]
    [InlineData("/lang/en?returnUrl=/%5Cevil.example", HttpStatusCode.Redirect)]
    [InlineData("/ca-mau/public?cursor=AAAA", HttpStatusCode.BadRequest)]
    public async Task Requests_that_once_failed_with_500_are_answered_as_the_callers_error(string path, HttpStatusCode expected)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            // Never to another site.
            Assert.Equal("/", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task A_truncated_Open311_form_is_a_400()
    {
        using var client = _factory.CreateClient();
        using var body = new StringContent("--b0\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\nabc");
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0");
        using var response = await client.PostAsync(new Uri("/open311/v2/requests.json", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_5xx_change_nothing_when_refused_and_leak_no_personal_data()
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true };
        using var reporter = _factory.CreateClient(options);
        await Session.SignInAsync(reporter, "ca-mau.citizen");
        using var created = await reporter.PostAsJsonAsync(new Uri(Session.Api + "/reports", UriKind.Relative), new
        {
            title = "Lấn chiếm vỉa hè",
            description = "Quán nước lấn chiếm toàn bộ vỉa hè trước số 12.",
            latitude = 9.1769,
            longitude = 105.1524,
            address = "Số 12 Trần Hưng Đạo",
            contact = new { name = CanaryName, phone = CanaryPhone, email = CanaryEmail },
        });
        var canary = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var canaryId = canary.GetProperty("id").GetString()!;
        string[] secrets = [CanaryName, CanaryEmail, CanaryPhone, CanaryPhone.Replace(" ", "", StringComparison.Ordinal), canary.GetProperty("reporterAccountId").GetString()!];

        // Callers who may not see the canary's personal data: nobody, a forged cookie, another province's citizen and staff,
        // and handling staff of an agency the report is not assigned to.
        var callers = new List<(string Name, HttpClient Client)> { ("anonymous", _factory.CreateClient(options)) };
        var forged = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        forged.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", ".AspNetCore.Identity.Application=CfDJ8Forged" + new string('A', 300) + "; role=administrator");
        callers.Add(("forged cookie", forged));
        foreach (var user in new[] { "hue.citizen", "hue.reception", "hue.admin", "ca-mau.so-tnmt" })
        {
            var client = _factory.CreateClient(options);
            await Session.SignInAsync(client, user);
            callers.Add((user, client));
        }

        var routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // The API reference's script files are static assets of several megabytes: serving them thousands of times says nothing.
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/bench", StringComparison.Ordinal) && !raw.StartsWith("/api/reference/", StringComparison.Ordinal))
            .Select(e => new Route(e.RoutePattern.RawText!, e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() is { Length: > 0 } m ? m : ["GET", "POST"]))
            .ToArray();
        Assert.True(routes.Length > 40, $"Only {routes.Length} routes were found.");

        var generator = new HostileRequests(routes, canaryId, Seed);
        var failures = new List<string>();
        var leaks = new List<string>();
        var counts = new Dictionary<int, int>();
        var checkedBatches = 0;
        var time = new Dictionary<string, double>();
        var acceptedRoutes = new HashSet<string>();
        var sent = 0;
        string? last = null;
        while (sent < Requests)
        {
            var batch = Enumerable.Range(0, Batch).Select(i => (Request: generator.Next(), Caller: callers[(sent + i) % callers.Count])).ToArray();
            var before = last ?? _factory.Fingerprint();
            last = null;
            var accepted = 0;
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
            {
                using var message = item.Request.ToMessage();
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                int status;
                string body;
                try
                {
                    using var response = await item.Caller.Client.SendAsync(message, ct);
                    status = (int)response.StatusCode;
                    body = await response.Content.ReadAsStringAsync(ct) + "\n" + string.Join("\n", response.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}"));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // An exception escaping the pipeline is what a client sees as a 500.
                    status = 500;
                    body = ex.ToString();
                }

                lock (failures)
                {
                    var route = Regex.Replace(item.Request.Path.Split('?')[0], "/[^/]*[0-9a-f]{8}-[^/]*", "/{id}");
                    time[route] = time.GetValueOrDefault(route) + System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    counts[status] = counts.GetValueOrDefault(status) + 1;
                    if (status >= 500)
                    {
                        failures.Add($"{status} for {item.Caller.Name}: {item.Request}\n{Trim(body)}");
                    }

                    var readable = Unescape(body);
                    if (secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal) || readable.Contains(s, StringComparison.Ordinal)) is { } secret)
                    {
                        leaks.Add($"'{secret}' in the answer to {item.Caller.Name}: {item.Request}");
                    }

                    // Health checks answer every method and write nothing; any other request that is not a read and succeeded may write.
                    if (item.Request.Method != HttpMethod.Get && item.Request.Method != HttpMethod.Head && status is >= 200 and < 300 && !route.StartsWith("/health/", StringComparison.Ordinal))
                    {
                        accepted++;
                        acceptedRoutes.Add($"{item.Request.Method} {route} {status}");
                    }
                }
            });

            if (accepted == 0)
            {
                checkedBatches++;
                var after = last = _factory.Fingerprint();
                Assert.True(before == after, $"Stored data changed during batch {sent / Batch}, in which every state-changing request was refused:\n{string.Join("\n", batch.Select(b => b.Caller.Name + ": " + b.Request))}");
            }

            sent += Batch;
        }

        output.WriteLine($"{sent} requests over {routes.Length} routes; answers: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}×{c.Value}"))}; {checkedBatches} batches checked unchanged.");
        output.WriteLine("Slowest: " + string.Join(", ", time.OrderByDescending(t => t.Value).Take(8).Select(t => $"{t.Key} {t.Value / 1000:F1} s")));
        output.WriteLine("Accepted: " + string.Join(", ", acceptedRoutes.Take(20)));
        Assert.True(failures.Count == 0, $"{failures.Count} answers were 5xx:\n{string.Join("\n\n", failures.DistinctBy(f => Regex.Match(f, @"(GET|POST|PUT|DELETE|PATCH) [^?\s]+").Value).Take(20))}");
        Assert.True(leaks.Count == 0, $"{leaks.Count} answers held the canary's personal data:\n{string.Join("\n", leaks.Take(10))}");
        Assert.True(checkedBatches >= Requests / Batch / 2, $"Only {checkedBatches} batches were refused throughout, too few for the stored-data check to say much.");

        // The canary is still there, untouched, for its reporter.
        var still = await reporter.GetFromJsonAsync<JsonElement>(new Uri($"{Session.Api}/reports/{canaryId}", UriKind.Relative));
        Assert.Equal(CanaryEmail, still.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal(canary.GetProperty("version").GetInt32(), still.GetProperty("version").GetInt32());
        foreach (var (_, client) in callers)
        {
            client.Dispose();
        }
    }

    private static string Trim(string text) => text.Length > 1500 ? text[..1500] + "…" : text;

    private static string Unescape(string text)
    {
        try
        {
            return Regex.Unescape(text);
        }
        catch (ArgumentException)
        {
            return WebUtility.HtmlDecode(text);
        }
    }
}
