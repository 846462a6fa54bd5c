using System.Diagnostics;
using System.Globalization;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// Measures the product's queries on a large store (ten years of a large province):
//   dotnet run -c Release --project benchmarks/FieldReports.Storage.Benchmarks -- sqlite <file.db> [reports]
//   dotnet run -c Release --project benchmarks/FieldReports.Storage.Benchmarks -- postgres "<connection string>" [reports]
// The database is created and seeded in SQL when it holds no reports; the audit trail is not seeded (no query reads it).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: sqlite <file.db> [reports] | postgres <connection string> [reports]");
    return 2;
}

var provider = args[0];
var target = args[1];
var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
const string province = "hue";
var now = Instant.FromUtc(2026, 1, 1, 0, 0);

var services = new ServiceCollection();
services.AddFieldReports().AddProvince(province, p => p.DisplayName = "Thừa Thiên Huế").UseEntityFrameworkCore(ef => ef.UseDbContext(o =>
{
    if (provider == "sqlite")
    {
        o.UseSqlite($"Data Source={target}", x => x.UseFieldReportsMigrations());
    }
    else
    {
        o.UseNpgsql(target, x => x.UseFieldReportsMigrations());
    }
}));
await using var sp = services.BuildServiceProvider();
await sp.MigrateFieldReportsDatabaseAsync();
var factory = sp.GetRequiredService<IDbContextFactory<FieldReports.Storage.EF.FieldReportsDbContext>>();

await using (var db = await factory.CreateDbContextAsync())
{
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
    var existing = await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM reports").SingleAsync();
    if (existing == 0)
    {
        var seed = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync(provider == "sqlite" ? Seed.Sqlite(count, now) : Seed.Postgres(count, now));
        await db.Database.ExecuteSqlRawAsync(provider == "sqlite" ? "ANALYZE" : "ANALYZE reports");
        Console.WriteLine($"seeded {count:N0} reports in {seed.Elapsed.TotalSeconds:F1} s");
    }
}

var queries = sp.GetRequiredService<IReportQueries>();
await Measure("agency queue, first page of 20", () => queries.GetAgencyQueueAsync(province, "agency-017", 0, 20, default));
await Measure("centre queue, first page of 20", () => queries.GetCentreQueueAsync(province, 0, 20, default));
// The seed puts 40 % of the open reports (the last 0.5 %) at the centre.
await Measure("centre queue, last page of 20", () => queries.GetCentreQueueAsync(province, Math.Max(0, (count / 200 * 4 / 10) - 20), 20, default));
await Measure("overdue list, 50", () => queries.GetDeadlineWatchAsync(province, now, null, 50, default));
await Measure("at risk within 2 h, one agency", () => queries.GetDeadlineWatchAsync(province, now + Duration.FromHours(2), "agency-017", 50, default));
await Measure("statistics of a year, whole province", () => queries.GetStatisticsAsync(province,
    new ReportStatisticsQuery { From = now - Duration.FromDays(365), To = now, AsOf = now }, default), runs: 5);
await Measure("public list, first page of 20", () => queries.GetPublishedAsync(province, new PublishedReportFilter(), null, 20, default));
await Measure("public list, field filter, first page", () => queries.GetPublishedAsync(province, new PublishedReportFilter { FieldCode = "field-03" }, null, 20, default));

// Walk the whole public list to its last page, timing every page.
var pageTimes = new List<double>();
string? cursor = null;
var items = 0;
do
{
    var watch = Stopwatch.StartNew();
    var page = await queries.GetPublishedAsync(province, new PublishedReportFilter(), cursor, 500, default);
    pageTimes.Add(watch.Elapsed.TotalMilliseconds);
    items += page.Items.Count;
    cursor = page.NextCursor;
}
while (cursor is not null);
Console.WriteLine($"public list walked: {items:N0} items in {pageTimes.Count:N0} pages of 500; first 10 pages median {Median(pageTimes.Take(10)):F1} ms, last 10 pages median {Median(pageTimes.TakeLast(10)):F1} ms");

// The SLA monitor: its first pass writes a message for every open report near or past its deadline; the passes that
// follow, every minute, find them all written. Compared with one page of the overdue list, read in the same run.
var monitor = sp.GetRequiredService<FieldReports.Sla.SlaMonitor>();
var firstPass = Stopwatch.StartNew();
var written = await monitor.RunPassAsync(now, default);
Console.WriteLine($"SLA monitor, first pass: {written:N0} messages written in {firstPass.Elapsed.TotalMilliseconds:F0} ms");
var baseline = await Measure("overdue list, 200 (baseline)", () => queries.GetDeadlineWatchAsync(province, now + Duration.FromHours(1), null, 200, default));
var steady = await Measure("SLA monitor, pass with nothing new", () => monitor.RunPassAsync(now, default), runs: 5);
Console.WriteLine($"SLA monitor pass / one page of 200: {steady / baseline:F1}x");
return 0;

static async Task<double> Measure<T>(string name, Func<Task<T>> query, int runs = 20)
{
    await query(); // warm up
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await query();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"{name}: median {Median(times):F1} ms, max {times.Max():F1} ms ({runs} runs)");
    return Median(times);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
}
