using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FieldReports.Reliability.Tests.Infrastructure;
using FieldReports.Storage.EF.Tests.Infrastructure;
using Npgsql;

namespace FieldReports.Reliability.Tests;

/// <summary>
/// Two host processes on one PostgreSQL database, both running the outbox dispatcher: every message is delivered, and no
/// message is ever delivered by two dispatchers at the same time. Each host records its deliveries (start and end) in a
/// file through the FieldReports:Benchmark:DeliveryLog setting.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class TwoInstanceOutboxTests(PostgresServer postgres)
{
    [PostgresFact]
    public async Task Two_hosts_on_one_database_deliver_every_outbox_message_and_never_one_twice_at_once()
    {
        var root = Directory.CreateTempSubdirectory("fieldreports-two-hosts-").FullName;
        try
        {
            var connection = await postgres.CreateDatabaseAsync();
            Dictionary<string, string> Settings(string name)
            {
                var settings = HostProcess.DefaultSettings(Path.Combine(root, name));
                settings["FieldReports:Database:Provider"] = "Npgsql";
                settings["FieldReports:Database:ConnectionString"] = connection;
                settings["FieldReports:Benchmark:DeliveryLog"] = Path.Combine(root, $"deliveries-{name}.log");
                settings["FieldReports:Benchmark:DeliveryMilliseconds"] = "10";
                return settings;
            }

            // One after the other, so that the second finds the schema and the demo data in place.
            await using var first = await HostProcess.StartAsync(Settings("a"));
            await using var second = await HostProcess.StartAsync(Settings("b"));
            HostProcess[] hosts = [first, second];
            var citizens = await Task.WhenAll(hosts.Select(h => Session.ClientAsync(h.BaseAddress, $"{Session.Province}.citizen")));
            var receptions = await Task.WhenAll(hosts.Select(h => Session.ClientAsync(h.BaseAddress, $"{Session.Province}.reception")));

            // Submissions and transitions through both hosts: each commits outbox messages that either dispatcher may take.
            await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < 8; i++)
                {
                    var id = await Session.SubmitOkAsync(citizens[(w + i) % 2], $"Nước ngập sâu trên đường, người viết {w}, lần {i}.");
                    using var receive = await receptions[(w + i + 1) % 2].PostAsJsonAsync(new Uri($"{Session.Api}/reports/{id}/receive", UriKind.Relative), new { fieldCode = "traffic" });
                    Assert.Equal(HttpStatusCode.OK, receive.StatusCode);
                }
            })));

            var clock = Stopwatch.StartNew();
            var (total, pending) = await CountAsync(connection);
            while (pending > 0 && clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(500);
                (total, pending) = await CountAsync(connection);
            }

            Assert.True(pending == 0, $"{pending} of {total} outbox messages were still undelivered after 90 s.");
            var deliveries = Directory.GetFiles(root, "deliveries-*.log")
                .SelectMany(File.ReadAllLines)
                .Select(line => line.Split('\t'))
                .Select(f => (Id: Guid.Parse(f[0]), Process: int.Parse(f[1], CultureInfo.InvariantCulture), Start: long.Parse(f[2], CultureInfo.InvariantCulture), End: long.Parse(f[3], CultureInfo.InvariantCulture)))
                .ToArray();

            var messages = await IdsAsync(connection);
            Assert.True(messages.Count >= 128, $"Only {messages.Count} outbox messages were written.");
            var delivered = deliveries.Select(d => d.Id).ToHashSet();
            Assert.DoesNotContain(messages, m => !delivered.Contains(m));
            foreach (var group in deliveries.GroupBy(d => d.Id))
            {
                var ordered = group.OrderBy(d => d.Start).ToArray();
                for (var i = 1; i < ordered.Length; i++)
                {
                    Assert.True(ordered[i].Start >= ordered[i - 1].End, $"Message {group.Key} was delivered by processes {ordered[i - 1].Process} and {ordered[i].Process} at the same time.");
                }
            }

            // Both dispatchers took part, so the absence of overlaps says something.
            Assert.Equal(2, deliveries.Select(d => d.Process).Distinct().Count());
            foreach (var client in citizens.Concat(receptions))
            {
                client.Dispose();
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(long Total, long Pending)> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), count(*) FILTER (WHERE delivered_at IS NULL) FROM outbox_messages", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<List<Guid>> IdsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM outbox_messages", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
