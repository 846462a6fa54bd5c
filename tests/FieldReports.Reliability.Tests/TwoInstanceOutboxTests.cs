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
/// Two host processes on one PostgreSQL database, both running the outbox dispatcher, one handing off the messages it
/// commits to its own dispatcher and one not: every message is delivered, and no message is ever delivered by two
/// dispatchers at the same time. Each host records its deliveries (start and end) in a
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

            // One after the other, so that the second finds the schema and the demo data in place.
            await using var first = await HostProcess.StartAsync(Settings(root, "a", connection));
            await using var second = await HostProcess.StartAsync(Settings(root, "b", connection));
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
            var deliveries = ReadDeliveries(root);

            var messages = await IdsAsync(connection);
            Assert.True(messages.Count >= 128, $"Only {messages.Count} outbox messages were written.");
            var delivered = deliveries.Select(d => d.Id).ToHashSet();
            Assert.DoesNotContain(messages, m => !delivered.Contains(m));
            AssertNoMessageDeliveredTwiceAtOnce(deliveries);

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

    [PostgresFact]
    public async Task Two_hosts_on_one_database_write_every_sla_message_once_and_deliver_it_once()
    {
        var root = Directory.CreateTempSubdirectory("fieldreports-two-hosts-sla-").FullName;
        try
        {
            var connection = await postgres.CreateDatabaseAsync();
            Dictionary<string, string> SlaSettings(string name)
            {
                // Both hosts run the SLA monitor (a pass a second while holding the lease) and the outbox dispatcher.
                var settings = Settings(root, name, connection);
                settings["FieldReports:SlaMonitor:Enabled"] = "true";
                settings["FieldReports:SlaMonitor:Interval"] = "00:00:01";
                settings["FieldReports:SlaMonitor:LeaseDuration"] = "00:00:03";
                return settings;
            }

            await using var first = await HostProcess.StartAsync(SlaSettings("a"));
            await using var second = await HostProcess.StartAsync(SlaSettings("b"));
            HostProcess[] hosts = [first, second];
            var citizens = await Task.WhenAll(hosts.Select(h => Session.ClientAsync(h.BaseAddress, $"{Session.Province}.citizen")));
            var receptions = await Task.WhenAll(hosts.Select(h => Session.ClientAsync(h.BaseAddress, $"{Session.Province}.reception")));

            // Twelve reports through both hosts, half of them received (the centre's step goes on).
            var ids = new List<Guid>();
            for (var i = 0; i < 12; i++)
            {
                var id = await Session.SubmitOkAsync(citizens[i % 2], $"Đèn đường hỏng nhiều ngày, báo lần {i}.");
                if (i % 2 == 1)
                {
                    using var receive = await receptions[(i + 1) % 2].PostAsJsonAsync(new Uri($"{Session.Api}/reports/{id}/receive", UriKind.Relative), new { fieldCode = "traffic" });
                    Assert.Equal(HttpStatusCode.OK, receive.StatusCode);
                }

                ids.Add(Guid.Parse(id));
            }

            // As if time had passed: six deadlines half an hour away (a reminder), six two days ago (a breach and a
            // long-overdue follow-up). The monitors find them at their next pass.
            var now = DateTime.UtcNow;
            var soon = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddMinutes(30);
            var late = soon.AddDays(-2).AddMinutes(-30);
            var near = ids.Where((_, i) => i < 6).ToArray();
            var overdue = ids.Where((_, i) => i >= 6).ToArray();
            await SetDeadlinesAsync(connection, near, soon);
            await SetDeadlinesAsync(connection, overdue, late);
            var expected = near.Select(id => (id, "sla.reminder", soon))
                .Concat(overdue.SelectMany(id => new[] { (id, "sla.breached", late), (id, "sla.long_overdue", late) }))
                .ToHashSet();

            var clock = Stopwatch.StartNew();
            List<SlaMessage> messages;
            long pending;
            do
            {
                await Task.Delay(500);
                messages = await SlaMessagesAsync(connection);
                (_, pending) = await CountAsync(connection);
            }
            while ((pending > 0 || !expected.IsSubsetOf(messages.Select(m => (m.ReportId, m.Type, m.Deadline)))) && clock.Elapsed < TimeSpan.FromSeconds(60));

            var written = messages.Select(m => (m.ReportId, m.Type, m.Deadline)).ToList();
            Assert.True(expected.IsSubsetOf(written), $"Missing SLA messages after 60 s: {string.Join(", ", expected.Except(written))}.");
            Assert.True(pending == 0, $"{pending} outbox messages were still undelivered after 60 s.");

            // Written once per report, step and deadline, whichever host's monitor ran the pass.
            Assert.Equal(written.Count, written.Distinct().Count());
            Assert.DoesNotContain(written, m => ids.Contains(m.ReportId) && !expected.Contains(m));

            // Delivered once each, over both hosts' dispatchers, and never by both at the same time.
            var deliveries = ReadDeliveries(root);
            foreach (var message in messages)
            {
                var count = deliveries.Count(d => d.Id == message.Id);
                Assert.True(count == 1, $"{message.Type} for report {message.ReportId} was delivered {count} times.");
            }

            AssertNoMessageDeliveredTwiceAtOnce(deliveries);
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

    private static Dictionary<string, string> Settings(string root, string name, string connection)
    {
        var settings = HostProcess.DefaultSettings(Path.Combine(root, name));
        settings["FieldReports:Database:Provider"] = "Npgsql";
        settings["FieldReports:Database:ConnectionString"] = connection;
        settings["FieldReports:Benchmark:DeliveryLog"] = Path.Combine(root, $"deliveries-{name}.log");
        settings["FieldReports:Benchmark:DeliveryMilliseconds"] = "10";

        // Small passes polled often, so that both dispatchers take part even when one alone would keep up.
        settings["FieldReports:Outbox:BatchSize"] = "4";
        settings["FieldReports:Outbox:PollingInterval"] = "00:00:00.2";

        // The first host hands the messages it commits to its own dispatcher; the second writes them unclaimed, so that both
        // dispatchers compete for those while the first also delivers its own.
        settings["FieldReports:Outbox:HandOff"] = name == "a" ? "true" : "false";
        return settings;
    }

    private static (Guid Id, int Process, long Start, long End)[] ReadDeliveries(string root) =>
        Directory.GetFiles(root, "deliveries-*.log")
            .SelectMany(File.ReadAllLines)
            .Select(line => line.Split('\t'))
            .Select(f => (Id: Guid.Parse(f[0]), Process: int.Parse(f[1], CultureInfo.InvariantCulture), Start: long.Parse(f[2], CultureInfo.InvariantCulture), End: long.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToArray();

    private static void AssertNoMessageDeliveredTwiceAtOnce((Guid Id, int Process, long Start, long End)[] deliveries)
    {
        foreach (var group in deliveries.GroupBy(d => d.Id))
        {
            var ordered = group.OrderBy(d => d.Start).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                Assert.True(ordered[i].Start >= ordered[i - 1].End, $"Message {group.Key} was delivered by processes {ordered[i - 1].Process} and {ordered[i].Process} at the same time.");
            }
        }
    }

    private static async Task SetDeadlinesAsync(string connectionString, Guid[] ids, DateTime deadline)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE reports SET current_deadline = $1 WHERE id = ANY($2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = deadline });
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        Assert.Equal(ids.Length, await command.ExecuteNonQueryAsync());
    }

    private static async Task<List<SlaMessage>> SlaMessagesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, type, payload FROM outbox_messages WHERE type LIKE 'sla.%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var messages = new List<SlaMessage>();
        while (await reader.ReadAsync())
        {
            var payload = JsonDocument.Parse(reader.GetString(2)).RootElement;
            messages.Add(new SlaMessage(
                reader.GetGuid(0),
                reader.GetString(1),
                Guid.Parse(payload.GetProperty("reportId").GetString()!),
                DateTimeOffset.Parse(payload.GetProperty("deadline").GetString()!, CultureInfo.InvariantCulture).UtcDateTime));
        }

        return messages;
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

    private sealed record SlaMessage(Guid Id, string Type, Guid ReportId, DateTime Deadline);
}
