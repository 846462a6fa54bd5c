using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FieldReports.Reliability.Tests.Infrastructure;
using FieldReports.Storage.EF.Tests.Infrastructure;

namespace FieldReports.Reliability.Tests;

/// <summary>
/// kill -9 of the host during a burst of submissions: after a restart on the same data, every submission that was
/// acknowledged with 201 is there, with what was sent.
/// </summary>
public static class CrashScenario
{
    private const int Writers = 6;
    private const int AcknowledgedBeforeKill = 40;

    public static async Task RunAsync(Dictionary<string, string> settings)
    {
        var acknowledged = new ConcurrentBag<(string Id, string Description)>();
        await using (var host = await HostProcess.StartAsync(settings))
        {
            using var citizen = await Session.ClientAsync(host.BaseAddress, $"{Session.Province}.citizen");
            var stop = false;
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !Volatile.Read(ref stop); i++)
                {
                    var description = $"Vụ va chạm số {w}-{i}, mã kiểm tra {Guid.NewGuid():N}.";
                    try
                    {
                        using var response = await Session.SubmitAsync(citizen, description);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
                            acknowledged.Add((id, description));
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The host died with this request in flight: it was never acknowledged.
                    }
                    catch (TaskCanceledException)
                    {
                    }
                    catch (IOException)
                    {
                    }
                }
            })).ToArray();

            var clock = Stopwatch.StartNew();
            while (acknowledged.Count < AcknowledgedBeforeKill && clock.Elapsed < TimeSpan.FromSeconds(60) && writers.All(t => !t.IsCompleted))
            {
                await Task.Delay(10);
            }

            // Mid-burst: the writers are still sending when the process dies.
            await host.KillAsync();
            Volatile.Write(ref stop, true);
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"Only {acknowledged.Count} submissions were acknowledged before the kill.");

        await using var restarted = await HostProcess.StartAsync(settings);
        using var reader = await Session.ClientAsync(restarted.BaseAddress, $"{Session.Province}.citizen");
        foreach (var (id, description) in acknowledged)
        {
            var report = await Session.GetReportAsync(reader, id);
            Assert.Equal(description, report.GetProperty("description").GetString());
            Assert.Equal("Ổ gà trên đường Trần Hưng Đạo", report.GetProperty("title").GetString());
            Assert.Equal("Đường Trần Hưng Đạo, Phường 1, TP Cà Mau", report.GetProperty("address").GetString());
            Assert.Equal(9.1769, report.GetProperty("latitude").GetDouble(), 6);
            Assert.Equal("Submitted", report.GetProperty("state").GetString());
            Assert.Equal("an.nguyen@example.vn", report.GetProperty("contact").GetProperty("email").GetString());
        }
    }
}

public sealed class SqliteCrashSafetyTests
{
    [Fact]
    public async Task Every_acknowledged_submission_survives_a_kill_9_of_the_host_on_SQLite()
    {
        var directory = Directory.CreateTempSubdirectory("fieldreports-crash-").FullName;
        try
        {
            await CrashScenario.RunAsync(HostProcess.DefaultSettings(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresCrashSafetyTests(PostgresServer postgres)
{
    [PostgresFact]
    public async Task Every_acknowledged_submission_survives_a_kill_9_of_the_host_on_PostgreSQL()
    {
        var directory = Directory.CreateTempSubdirectory("fieldreports-crash-pg-").FullName;
        try
        {
            var settings = HostProcess.DefaultSettings(directory);
            settings["FieldReports:Database:Provider"] = "Npgsql";
            settings["FieldReports:Database:ConnectionString"] = await postgres.CreateDatabaseAsync();
            await CrashScenario.RunAsync(settings);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
