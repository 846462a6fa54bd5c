using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using FieldReports.Calendar;
using FieldReports.Testing;
using NodaTime;

namespace FieldReports.Benchmarks;

/// <summary>
/// Deadline and working-time-between of the business calendar against the minute-stepping reference, for working-time
/// budgets of 1 hour, 1 working day (7.5 h), 1 week (5 working days), 1 month (22 working days) and 1 year (250 working days).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TrendConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WorkingTimeBenchmarks
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    private BusinessCalendar _calendar = null!;
    private MinuteSteppingReference _reference = null!;
    private Instant _start;
    private Instant _end;
    private Duration _budget;

    /// <summary>The working-time budget.</summary>
    [Params("1h", "1d", "1w", "1mo", "1y")]
    public string Budget { get; set; } = "1h";

    [GlobalSetup]
    public void Setup()
    {
        _calendar = new BusinessCalendar(
            TestHolidayCalendar.Instance,
            WorkingHours.Create(new WorkingHoursOptions { OfficeHours = { ["Mon-Fri"] = ["07:30-11:30", "13:30-17:00"] } }),
            Zone);
        _reference = new MinuteSteppingReference(TestHolidayCalendar.Instance, MinuteSteppingReference.StandardWeek, Zone);
        _start = new LocalDateTime(2026, 3, 10, 9, 17).InZoneStrictly(Zone).ToInstant();
        _budget = Budget switch
        {
            "1h" => Duration.FromHours(1),
            "1d" => Duration.FromMinutes(450),
            "1w" => Duration.FromMinutes(450 * 5),
            "1mo" => Duration.FromMinutes(450 * 22),
            _ => Duration.FromMinutes(450 * 250),
        };

        // Precomputes the years involved, as a running service would have long done.
        _end = _calendar.AddWorkingTime(_start, _budget);
        if (_reference.AddWorkingMinutes(_start, (long)_budget.TotalMinutes) != _end)
        {
            throw new InvalidOperationException("The calendar and the reference disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "Reference deadline")]
    [BenchmarkCategory("Deadline")]
    public Instant ReferenceDeadline() => _reference.AddWorkingMinutes(_start, (long)_budget.TotalMinutes);

    [Benchmark(Description = "Deadline")]
    [BenchmarkCategory("Deadline")]
    public Instant Deadline() => _calendar.AddWorkingTime(_start, _budget);

    [Benchmark(Baseline = true, Description = "Reference between")]
    [BenchmarkCategory("Between")]
    public long ReferenceBetween() => _reference.WorkingMinutesBetween(_start, _end);

    [Benchmark(Description = "Between")]
    [BenchmarkCategory("Between")]
    public Duration Between() => _calendar.WorkingTimeBetween(_start, _end);

    /// <summary>Prints ratios as "N x faster" so that ratios far below 1 stay readable.</summary>
    private sealed class TrendConfig : ManualConfig
    {
        public TrendConfig() => SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
