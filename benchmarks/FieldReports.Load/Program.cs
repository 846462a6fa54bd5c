using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FieldReports.Load;

// Drives the reference host on 127.0.0.1 and reports FieldReports' figures as ratios to baseline endpoints of the same host,
// measured in the same run (docs/performance.md). Usually run through benchmarks/load.sh.
//   dotnet FieldReports.Load.dll sqlite|postgres --host <ReferenceHost.dll> [--connection <PostgreSQL connection string>]
//     [--seconds 5] [--rounds 3] [--workers 16] [--sustained-seconds 20] [--rate 100] [--photo-seconds 20] [--photo-rate 25]
//     [--warmup-seconds 10] [--open-loop-runs 1] [--out file.md]
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: sqlite|postgres --host <ReferenceHost.dll> [--connection <cs>] [--seconds N] [--rounds N] [--workers N] [--sustained-seconds N] [--rate N] [--photo-seconds N] [--photo-rate N] [--warmup-seconds N] [--open-loop-runs N] [--out file.md] [--only \"submit JSON,public list\"]");
    return 2;
}

const string province = "ca-mau";
const string api = "/api/v1/provinces/" + province;
var data = Directory.CreateTempSubdirectory("fieldreports-load-").FullName;
var settings = new Dictionary<string, string>
{
    ["FieldReports:Benchmark:Enabled"] = "true",

    // Text-only submissions (as several provinces accept) so that the JSON endpoint is measured; the multipart runs carry photos.
    [$"FieldReports:Provinces:{province}:Intake:MinimumMedia"] = "0",
    ["Logging:LogLevel:Default"] = "Warning",
};
if (options.Provider == "postgres")
{
    settings["FieldReports:Database:Provider"] = "Npgsql";
    settings["FieldReports:Database:ConnectionString"] = options.Connection ?? throw new InvalidOperationException("--connection is required for postgres.");
}

Console.WriteLine($"Starting the host ({options.Provider}) with its data in {data} …");
await using var host = await HostRunner.StartAsync(options.HostDll, data, settings);
using var anonymous = SignedInClient.Anonymous(host.BaseAddress);
using var citizen = await SignedInClient.SignInAsync(host.BaseAddress, $"{province}.citizen");
using var reception = await SignedInClient.SignInAsync(host.BaseAddress, $"{province}.reception");
using var agency = await SignedInClient.SignInAsync(host.BaseAddress, $"{province}.so-gtvt");

var counter = 0;
object Report() => new
{
    title = "Ổ gà trên đường Trần Hưng Đạo",
    description = $"Ổ gà lớn giữa đường gây nguy hiểm cho xe máy, đo đạc lần {Interlocked.Increment(ref counter)}.",
    latitude = 9.1769,
    longitude = 105.1524,
    address = "Đường Trần Hưng Đạo, Phường 1, TP Cà Mau",
    contact = new { name = "Nguyễn Văn An", phone = "0912 345 678", email = "an.nguyen@example.vn" },
};

var submitted = new ConcurrentQueue<string>();
var photo = SignedInClient.Photo(200 * 1024, 1);
var bigPhotos = Enumerable.Range(0, 3).Select(i => SignedInClient.Photo(2 * 1024 * 1024, 10 + i)).ToArray();

async Task<string?> Send(HttpClient client, HttpMethod method, string path, HttpContent? content, HttpStatusCode expected, Action<string>? read = null)
{
    try
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            return $"{(int)response.StatusCode} {path}: {body[..Math.Min(body.Length, 200)]}";
        }

        read?.Invoke(body);
        return null;
    }
    catch (HttpRequestException ex)
    {
        return ex.Message;
    }
    catch (TaskCanceledException ex)
    {
        return ex.Message;
    }
    finally
    {
        content?.Dispose();
    }
}

void KeepId(string body) => submitted.Enqueue(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);

var operations = new (string Name, string Baseline, Operation Run)[]
{
    ("no-op", "", _ => Send(anonymous, HttpMethod.Get, "/bench/noop", null, HttpStatusCode.NoContent)),
    ("bare-insert", "", _ => Send(anonymous, HttpMethod.Post, $"/bench/bare-insert?provinceId={province}", SignedInClient.Json(Report()), HttpStatusCode.Created)),
    ("submit JSON", "bare-insert", _ => Send(citizen, HttpMethod.Post, $"{api}/reports", SignedInClient.Json(Report()), HttpStatusCode.Created, KeepId)),
    ("submit multipart, one 200 KB photo", "bare-insert", _ => Send(citizen, HttpMethod.Post, $"{api}/reports/multipart", SignedInClient.Multipart(Report(), [photo]), HttpStatusCode.Created)),
    ("transition (receive)", "bare-insert", _ => submitted.TryDequeue(out var id)
        ? Send(reception, HttpMethod.Post, $"{api}/reports/{id}/receive", SignedInClient.Json(new { fieldCode = "traffic" }), HttpStatusCode.OK)
        : Task.FromResult<string?>("exhausted")),
    ("bare-read", "", _ => Send(anonymous, HttpMethod.Get, $"/bench/bare-read?provinceId={province}&pageSize=20", null, HttpStatusCode.OK)),
    ("public list, page of 20", "bare-read", _ => Send(anonymous, HttpMethod.Get, $"{api}/public/reports?pageSize=20", null, HttpStatusCode.OK)),
    ("agency queue, 20", "bare-read", _ => Send(agency, HttpMethod.Get, $"{api}/agency-queue?limit=20", null, HttpStatusCode.OK)),
    ("intake queue, 20", "bare-read", _ => Send(reception, HttpMethod.Get, $"{api}/intake-queue?limit=20", null, HttpStatusCode.OK)),
};

// --only "submit JSON,public list": those measurements and their baselines (for profiling one path).
if (options.Only is { } only)
{
    var wanted = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    var chosen = operations.Where(o => wanted.Any(w => o.Name.StartsWith(w, StringComparison.OrdinalIgnoreCase))).ToArray();
    var baselines = chosen.Select(o => o.Baseline).ToHashSet(StringComparer.Ordinal);
    operations = [.. operations.Where(o => chosen.Contains(o) || baselines.Contains(o.Name) || (o.Name == "submit JSON" && chosen.Any(c => c.Name.StartsWith("transition", StringComparison.Ordinal))))];
}

// Warm-up: connection pools, the bare table, and the JIT. Tiered compilation recompiles hot methods in the background
// for several seconds after they are first called, with CPU that would otherwise be counted against the first round.
Console.WriteLine($"Warming up ({options.WarmupSeconds} s per measurement) …");
foreach (var (name, _, run) in operations)
{
    await Measure.ClosedLoopAsync(name, options.Workers, TimeSpan.FromSeconds(options.WarmupSeconds), run);
}

// The database server's CPU (PostgreSQL runs beside the host on the same cores; SQLite runs inside it).
double ServerMilliseconds() => options.Provider == "postgres" ? ServerCpu.Milliseconds("postgres") : double.NaN;

var rounds = new List<Dictionary<string, Figures>>();
for (var round = 1; round <= options.Rounds; round++)
{
    Console.WriteLine($"Round {round} of {options.Rounds} ({options.Workers} callers, {options.Seconds} s each):");
    var figures = new Dictionary<string, Figures>();
    foreach (var (name, _, run) in operations)
    {
        var cpuBefore = host.CpuTime();
        var serverBefore = ServerMilliseconds();
        var f = await Measure.ClosedLoopAsync(name, options.Workers, TimeSpan.FromSeconds(options.Seconds), run);
        f = f with
        {
            CpuMilliseconds = (host.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, f.Count),
            ServerCpuMilliseconds = (ServerMilliseconds() - serverBefore) / Math.Max(1, f.Count),
        };
        figures[name] = f;
        Console.WriteLine("  " + f);
    }

    rounds.Add(figures);
}

double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

Figures MedianOf(string name) => new(
    name,
    rounds.Sum(r => r[name].Count),
    rounds.Sum(r => r[name].Failures),
    rounds.Sum(r => r[name].Seconds),
    Median(rounds.Select(r => r[name].Throughput)),
    Median(rounds.Select(r => r[name].P50)),
    Median(rounds.Select(r => r[name].P95)),
    Median(rounds.Select(r => r[name].P99)),
    rounds.Max(r => r[name].Max),
    rounds.Select(r => r[name].FirstFailure).FirstOrDefault(f => f is not null))
{
    CpuMilliseconds = Median(rounds.Select(r => r[name].CpuMilliseconds)),
    ServerCpuMilliseconds = Median(rounds.Select(r => r[name].ServerCpuMilliseconds)),
};

var report = new StringBuilder();
var inv = CultureInfo.InvariantCulture;
report.AppendLine(inv, $"## {options.Provider}: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {options.Workers} callers, {options.Rounds} rounds of {options.Seconds} s (medians)");
report.AppendLine();
report.AppendLine("| measurement | throughput | p50 | p95 | p99 | host CPU per request | server CPU per request | baseline | throughput ratio | p50 ratio | p99 ratio | CPU ratio | failures |");
report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
foreach (var (name, baseline, _) in operations)
{
    var f = MedianOf(name);
    var ratios = "| — | — | — | — |";
    if (baseline.Length > 0)
    {
        var b = MedianOf(baseline);
        ratios = string.Create(inv, $"| {f.Throughput / b.Throughput:P0} | {f.P50 / b.P50:F1}× | {f.P99 / b.P99:F1}× | {f.CpuMilliseconds / b.CpuMilliseconds:F1}× |");
    }

    report.AppendLine(inv, $"| {name} | {f.Throughput:F0}/s | {f.P50:F1} ms | {f.P95:F1} ms | {f.P99:F1} ms | {f.CpuMilliseconds:F2} ms | {(double.IsNaN(f.ServerCpuMilliseconds) ? "—" : string.Create(inv, $"{f.ServerCpuMilliseconds:F2} ms"))} | {(baseline.Length == 0 ? "—" : baseline)} {ratios} {f.Failures} |");
}

// Sustained rates (open loop), with the host's memory sampled every second. The baseline runs first at the same rate for
// the same time, so that a disk that stalls in this window shows in both; the ratios compare the two. With
// --open-loop-runs N each pair runs N times, and the medians of its percentiles and of the ratios are reported: this
// disk's flushes stall for seconds at a time, now and then, and one 5-minute run may or may not meet one.
async Task Sustained(string title, double rate, int seconds, Operation run, string baselineTitle, Operation baseline, Func<Task>? afterBaseline = null, Action? beforeNextRun = null)
{
    var pairs = new List<(Figures Baseline, Figures FieldReports)>();
    for (var i = 1; i <= options.OpenLoopRuns; i++)
    {
        var suffix = options.OpenLoopRuns == 1 ? "" : string.Create(inv, $" (run {i} of {options.OpenLoopRuns})");
        var b = await OpenLoop(baselineTitle + suffix, rate, seconds, baseline);
        if (afterBaseline is not null)
        {
            await afterBaseline();
        }

        var f = await OpenLoop(title + suffix, rate, seconds, run);
        report.AppendLine(inv, $"Against {baselineTitle.Split(" at ")[0]} in the same run: p50 {f.P50 / b.P50:F1}×, p95 {f.P95 / b.P95:F1}×, p99 {f.P99 / b.P99:F1}×.");
        pairs.Add((b, f));
        if (i < options.OpenLoopRuns)
        {
            beforeNextRun?.Invoke();
        }
    }

    if (pairs.Count > 1)
    {
        string Runs(Func<Figures, double> of, IEnumerable<Figures> figures) => string.Join(", ", figures.Select(x => string.Create(inv, $"{of(x):F1}")));
        var theirs = pairs.Select(p => p.Baseline).ToArray();
        var ours = pairs.Select(p => p.FieldReports).ToArray();
        report.AppendLine();
        report.AppendLine(inv, $"**{title}, median of {pairs.Count} runs of {seconds} s:** p50 {Median(ours.Select(x => x.P50)):F1} ms, p95 {Median(ours.Select(x => x.P95)):F1} ms, p99 {Median(ours.Select(x => x.P99)):F1} ms (p99 by run: {Runs(x => x.P99, ours)} ms; {ours.Sum(x => x.Failures)} failures); {baselineTitle.Split(" at ")[0]}: p50 {Median(theirs.Select(x => x.P50)):F1} ms, p95 {Median(theirs.Select(x => x.P95)):F1} ms, p99 {Median(theirs.Select(x => x.P99)):F1} ms (p99 by run: {Runs(x => x.P99, theirs)} ms). Median of the runs' ratios: p50 {Median(pairs.Select(p => p.FieldReports.P50 / p.Baseline.P50)):F1}×, p95 {Median(pairs.Select(p => p.FieldReports.P95 / p.Baseline.P95)):F1}×, p99 {Median(pairs.Select(p => p.FieldReports.P99 / p.Baseline.P99)):F1}×.");
    }
}

async Task<Figures> OpenLoop(string title, double rate, int seconds, Operation run)
{
    // The closed-loop rounds leave gigabytes of photos and database pages for the kernel to write back; an open-loop run
    // that started meanwhile would measure that writeback (fsyncs queued behind it) rather than the host.
    await Settle();

    var samples = new List<(double At, double Rss, int Threads)>();
    var runtime = new ConcurrentBag<Task<RuntimeFigures?>>();
    var f = await Measure.OpenLoopAsync(title, rate, TimeSpan.FromSeconds(seconds), run, at =>
    {
        samples.Add((at.TotalSeconds, host.ResidentMebibytes(), host.Threads()));
        runtime.Add(Runtime());
    });
    var figures = (await Task.WhenAll(runtime)).OfType<RuntimeFigures>().OrderBy(r => r.GcPauseMilliseconds).ToArray();
    Console.WriteLine("  " + f);
    report.AppendLine();
    report.AppendLine(inv, $"**{title}** for {seconds} s: {f.Count} answered ({f.Failures} failures{(f.FirstFailure is null ? "" : ", first: " + f.FirstFailure)}), p50 {f.P50:F1} ms, p95 {f.P95:F1} ms, p99 {f.P99:F1} ms, max {f.Max:F1} ms (from when each request was due).");
    var step = Math.Max(1, samples.Count / 10);
    var series = string.Join(", ", samples.Where((_, i) => i % step == 0 || i == samples.Count - 1).Select(s => string.Create(inv, $"{s.At:F0} s: {s.Rss:F0}")));
    report.AppendLine(inv, $"Host RSS (MiB): {series}; first {samples[0].Rss:F0}, peak {samples.Max(s => s.Rss):F0}, last {samples[^1].Rss:F0}. Host threads: first {samples[0].Threads}, peak {samples.Max(s => s.Threads)}, last {samples[^1].Threads}.");
    if (figures.Length > 1)
    {
        // Samples are taken once a second, so the largest growth between two is the most GC pause in about a second.
        var worst = figures.Zip(figures.Skip(1), (a, b) => b.GcPauseMilliseconds - a.GcPauseMilliseconds).Max();
        report.AppendLine(inv, $"Host runtime: GC paused {figures[^1].GcPauseMilliseconds - figures[0].GcPauseMilliseconds:F0} ms in all (at most {worst:F0} ms between two samples a second apart), {figures[^1].Gen0 - figures[0].Gen0} gen0, {figures[^1].Gen1 - figures[0].Gen1} gen1 and {figures[^1].Gen2 - figures[0].Gen2} gen2 collections; thread pool {figures.Min(r => r.PoolThreads)}–{figures.Max(r => r.PoolThreads)} threads, at most {figures.Max(r => r.PendingWorkItems)} items waiting.");
    }

    if (f.SlowSeconds.Length > 0)
    {
        report.AppendLine(inv, $"Seconds with the most requests over 50 ms (second of the run: count): {f.SlowSeconds}.");
    }

    return f;
}

// The host's runtime figures (GET /bench/runtime), or null when the host did not answer.
async Task<RuntimeFigures?> Runtime()
{
    try
    {
        return await anonymous.GetFromJsonAsync<RuntimeFigures>("/bench/runtime", JsonSerializerOptions.Web);
    }
    catch (HttpRequestException)
    {
        return null;
    }
}

// Waits until the kernel has written every dirty page to the disk (sync), then until the disk has been quiet for a while:
// deleted files are discarded (the file system is mounted with `discard` here) and the journal commits after `sync`
// returns. Quiet is under 1 % of time with a task waiting for I/O over the last 10 s (/proc/pressure/io), for at most
// two minutes; at least 5 s in any case.
static async Task Settle()
{
    using var sync = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sync") { UseShellExecute = false });
    if (sync is not null)
    {
        await sync.WaitForExitAsync();
    }

    var waited = System.Diagnostics.Stopwatch.StartNew();
    await Task.Delay(TimeSpan.FromSeconds(5));
    while (waited.Elapsed < TimeSpan.FromMinutes(2) && IoPressure() is > 1.0)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (the disk settled in {waited.Elapsed.TotalSeconds:F0} s)"));
}

// The share of the last 10 s in which some task waited for I/O (Linux pressure stall information), or null where not offered.
static double? IoPressure()
{
    try
    {
        var some = File.ReadLines("/proc/pressure/io").FirstOrDefault(l => l.StartsWith("some ", StringComparison.Ordinal));
        var avg10 = some?.Split(' ').FirstOrDefault(p => p.StartsWith("avg10=", StringComparison.Ordinal));
        return avg10 is null ? null : double.Parse(avg10.AsSpan(6), CultureInfo.InvariantCulture);
    }
    catch (IOException)
    {
        return null;
    }
    catch (UnauthorizedAccessException)
    {
        return null;
    }
}

Console.WriteLine("Sustained runs:");
if (options.SustainedSeconds > 0)
{
    await Sustained($"JSON submissions at {options.Rate}/s", options.Rate, options.SustainedSeconds,
        _ => Send(citizen, HttpMethod.Post, $"{api}/reports", SignedInClient.Json(Report()), HttpStatusCode.Created),
        $"Bare inserts at {options.Rate}/s",
        _ => Send(anonymous, HttpMethod.Post, $"/bench/bare-insert?provinceId={province}", SignedInClient.Json(Report()), HttpStatusCode.Created));
}

if (options.PhotoSeconds > 0)
{
    await Sustained($"Multipart submissions with three 2 MB photos at {options.PhotoRate}/s", options.PhotoRate, options.PhotoSeconds,
        _ => Send(citizen, HttpMethod.Post, $"{api}/reports/multipart", SignedInClient.Multipart(Report(), bigPhotos), HttpStatusCode.Created),
        $"Bare uploads of three 2 MB photos at {options.PhotoRate}/s",
        _ => Send(anonymous, HttpMethod.Post, $"/bench/bare-upload?provinceId={province}", SignedInClient.Multipart(Report(), bigPhotos), HttpStatusCode.Created),

        // The baseline's files are removed before FieldReports' run, which would otherwise start with twice the data on the disk.
        async () => await Send(anonymous, HttpMethod.Delete, "/bench/bare-upload", null, HttpStatusCode.NoContent),

        // A run stores 45 GB of photos; the next run starts without the previous one's, as the first did.
        () =>
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(data, "attachments"), "*", SearchOption.AllDirectories))
            {
                File.Delete(file);
            }
        });
}

Console.WriteLine();
Console.WriteLine(report.ToString());
if (options.Out is { } outPath)
{
    await File.AppendAllTextAsync(outPath, report.ToString() + Environment.NewLine);
}

await host.DisposeAsync();
Directory.Delete(data, recursive: true);
return 0;

/// <summary>What the host's <c>GET /bench/runtime</c> answers.</summary>
internal sealed record RuntimeFigures(double GcPauseMilliseconds, int Gen0, int Gen1, int Gen2, int PoolThreads, long PendingWorkItems);

/// <summary>The command line.</summary>
internal sealed record Options(string Provider, string HostDll, string? Connection, int Seconds, int Rounds, int Workers, int SustainedSeconds, double Rate, int PhotoSeconds, double PhotoRate, string? Out, string? Only, int WarmupSeconds, int OpenLoopRuns)
{
    public static Options? Parse(string[] args)
    {
        if (args.Length < 1 || args[0] is not ("sqlite" or "postgres"))
        {
            return null;
        }

        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            named[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string key, int fallback) => named.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double Real(string key, double fallback) => named.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return named.TryGetValue("host", out var hostDll)
            ? new Options(args[0], hostDll, named.GetValueOrDefault("connection"), Int("seconds", 5), Int("rounds", 3), Int("workers", 16), Int("sustained-seconds", 20), Real("rate", 100), Int("photo-seconds", 20), Real("photo-rate", 25), named.GetValueOrDefault("out"), named.GetValueOrDefault("only"), Int("warmup-seconds", 10), Math.Max(1, Int("open-loop-runs", 1)))
            : null;
    }
}
