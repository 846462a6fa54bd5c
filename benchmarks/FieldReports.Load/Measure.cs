using System.Diagnostics;
using System.Globalization;

namespace FieldReports.Load;

/// <summary>The figures of one measurement: throughput, latency percentiles (exact, from every sample) and failures.</summary>
internal sealed record Figures(string Name, int Count, int Failures, double Seconds, double Throughput, double P50, double P95, double P99, double Max, string? FirstFailure)
{
    /// <summary>The host's CPU time per answered request, in milliseconds (NaN when not measured).</summary>
    public double CpuMilliseconds { get; init; } = double.NaN;

    /// <summary>
    /// For an open-loop run, the seconds (from the run's start) in which most requests took over 50 ms, with their counts,
    /// to tell a stall at one moment from a steady tail; empty when none did.
    /// </summary>
    public string SlowSeconds { get; init; } = "";

    /// <summary>The database server's CPU time per answered request, in milliseconds (NaN when not measured: SQLite runs in the host).</summary>
    public double ServerCpuMilliseconds { get; init; } = double.NaN;

    public static Figures From(string name, List<double> latencies, int failures, double seconds, string? firstFailure)
    {
        latencies.Sort();
        double At(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
        return new Figures(name, latencies.Count, failures, seconds, latencies.Count / seconds, At(0.50), At(0.95), At(0.99), latencies.Count == 0 ? double.NaN : latencies[^1], firstFailure);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name,-34} {Throughput,8:F1}/s  p50 {P50,7:F2} ms  p95 {P95,7:F2} ms  p99 {P99,7:F2} ms  cpu {CpuMilliseconds,6:F2} ms/req{(double.IsNaN(ServerCpuMilliseconds) ? "" : string.Create(CultureInfo.InvariantCulture, $"  server {ServerCpuMilliseconds,6:F2} ms/req"))}  n={Count} failures={Failures}{(FirstFailure is null ? "" : " first: " + FirstFailure)}");
}

/// <summary>One request of a measurement: returns null on success, else a short description of the failure.</summary>
internal delegate Task<string?> Operation(CancellationToken cancellationToken);

internal static class Measure
{
    /// <summary>
    /// Closed loop: <paramref name="workers"/> callers each send the next request as soon as the previous one answers, for
    /// <paramref name="duration"/>. An operation that returns "exhausted" stops its worker (no more input).
    /// </summary>
    public static async Task<Figures> ClosedLoopAsync(string name, int workers, TimeSpan duration, Operation operation)
    {
        var all = new List<double>[workers];
        var failures = 0;
        string? first = null;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = all[w] = [];
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                var failure = await operation(CancellationToken.None);
                if (failure == "exhausted")
                {
                    return;
                }

                if (failure is null)
                {
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref first, failure, null);
                }
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        return Figures.From(name, [.. all.SelectMany(l => l)], failures, seconds, first);
    }

    /// <summary>
    /// Open loop: starts requests at a fixed <paramref name="perSecond"/> rate whatever the answers, for
    /// <paramref name="duration"/>; latency counts from when the request was due, so a stalled host shows in the
    /// percentiles instead of slowing the load down. <paramref name="sample"/> is called every second.
    /// </summary>
    public static async Task<Figures> OpenLoopAsync(string name, double perSecond, TimeSpan duration, Operation operation, Action<TimeSpan>? sample = null)
    {
        var latencies = new List<double>();
        var slow = new Dictionary<int, int>();
        var failures = 0;
        string? first = null;
        var total = (int)(perSecond * duration.TotalSeconds);
        var running = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var nextSample = TimeSpan.Zero;
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            while (clock.Elapsed < due)
            {
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(2))
                {
                    await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }

            if (sample is not null && clock.Elapsed >= nextSample)
            {
                sample(clock.Elapsed);
                nextSample += TimeSpan.FromSeconds(1);
            }

            running.Add(Task.Run(async () =>
            {
                var failure = await operation(CancellationToken.None);
                var latency = (clock.Elapsed - due).TotalMilliseconds;
                lock (latencies)
                {
                    if (failure is null)
                    {
                        latencies.Add(latency);
                        if (latency > 50)
                        {
                            slow[(int)due.TotalSeconds] = slow.GetValueOrDefault((int)due.TotalSeconds) + 1;
                        }
                    }
                    else
                    {
                        failures++;
                        first ??= failure;
                    }
                }
            }));
        }

        await Task.WhenAll(running);
        sample?.Invoke(clock.Elapsed);
        return Figures.From(name, latencies, failures, duration.TotalSeconds, first) with
        {
            SlowSeconds = string.Join(", ", slow.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(10)
                .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} s: {s.Value}"))),
        };
    }
}
