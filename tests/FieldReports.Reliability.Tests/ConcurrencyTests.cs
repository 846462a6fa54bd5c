using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FieldReports.Reliability.Tests.Infrastructure;

namespace FieldReports.Reliability.Tests;

/// <summary>Parallel requests through the HTTP API of a host process: exactly one effect each, and no error from the database.</summary>
public sealed class ConcurrencyTests(SqliteHost fixture) : IClassFixture<SqliteHost>
{
    private const int Parallel = 16;

    [Fact]
    public async Task Parallel_conflicting_transitions_on_one_report_have_exactly_one_effect()
    {
        using var citizen = await Session.ClientAsync(fixture.Host.BaseAddress, $"{Session.Province}.citizen");
        var id = await Session.SubmitOkAsync(citizen, $"Cây đổ chắn ngang đường, mã {Guid.NewGuid():N}.");
        var receptionists = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Session.ClientAsync(fixture.Host.BaseAddress, $"{Session.Province}.reception")));
        var before = (await Session.GetReportAsync(receptionists[0], id)).GetProperty("version").GetInt32();

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = receptionists.Select((client, i) => Task.Run(async () =>
        {
            await go.Task;
            var field = i % 2 == 0 ? "traffic" : "environment";
            using var response = await client.PostAsJsonAsync(new Uri($"{Session.Api}/reports/{id}/receive", UriKind.Relative), new { fieldCode = field });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToArray();
        go.SetResult();
        var answers = await Task.WhenAll(sending);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.True(a.StatusCode == HttpStatusCode.Conflict, $"{(int)a.StatusCode} {a.Body}"));
        var after = await Session.GetReportAsync(receptionists[0], id);
        Assert.Equal("Received", after.GetProperty("state").GetString());
        Assert.Equal(before + 1, after.GetProperty("version").GetInt32());
        var winner = JsonDocument.Parse(answers.Single(a => a.StatusCode == HttpStatusCode.OK).Body).RootElement;
        Assert.Equal(winner.GetProperty("fieldCode").GetString(), after.GetProperty("fieldCode").GetString());
        foreach (var client in receptionists)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Parallel_submissions_with_one_Idempotency_Key_create_exactly_one_report()
    {
        using var citizen = await Session.ClientAsync(fixture.Host.BaseAddress, $"{Session.Province}.citizen");
        var key = "retry-" + Guid.NewGuid().ToString("N");
        var description = $"Đèn đường hỏng cả dãy phố, mã {Guid.NewGuid():N}.";
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            using var response = await Session.SubmitAsync(citizen, description, key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToArray();
        go.SetResult();
        var answers = await Task.WhenAll(sending);

        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToArray();
        Assert.NotEmpty(created);
        Assert.Single(created.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()).Distinct());
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
        {
            Assert.True(a.StatusCode == HttpStatusCode.Conflict, $"{(int)a.StatusCode} {a.Body}");
            Assert.Equal("idempotency.in_flight", JsonDocument.Parse(a.Body).RootElement.GetProperty("code").GetString());
        });

        // A retry after they all finished replays the one report.
        using var replay = await Session.SubmitAsync(citizen, description, key);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        var id = JsonDocument.Parse(created[0].Body).RootElement.GetProperty("id").GetString();
        Assert.Equal(id, JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());

        // The reporter's list, read to its last page, holds that report once.
        var listed = new List<string?>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? "?pageSize=100" : $"?pageSize=100&cursor={Uri.EscapeDataString(cursor)}";
            var page = await citizen.GetFromJsonAsync<JsonElement>(new Uri($"{Session.Api}/my/reports{query}", UriKind.Relative));
            listed.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Single(listed, x => x == id);
    }

    [Fact]
    public async Task Many_concurrent_writers_on_SQLite_never_see_database_is_locked()
    {
        const int writers = 24;
        const int each = 8;
        using var citizen = await Session.ClientAsync(fixture.Host.BaseAddress, $"{Session.Province}.citizen");
        using var reception = await Session.ClientAsync(fixture.Host.BaseAddress, $"{Session.Province}.reception");
        var answers = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var statuses = new List<(HttpStatusCode, string)>();
            for (var i = 0; i < each; i++)
            {
                using var submit = await Session.SubmitAsync(citizen, $"Rác thải đổ trộm ven kênh, người viết {w}, lần {i}.");
                var body = await submit.Content.ReadAsStringAsync();
                statuses.Add((submit.StatusCode, body));
                if (submit.StatusCode == HttpStatusCode.Created)
                {
                    // Writers of transitions run alongside the writers of submissions.
                    var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
                    using var receive = await reception.PostAsJsonAsync(new Uri($"{Session.Api}/reports/{id}/receive", UriKind.Relative), new { fieldCode = "environment" });
                    statuses.Add((receive.StatusCode, await receive.Content.ReadAsStringAsync()));
                }
            }

            return statuses;
        })));

        var all = answers.SelectMany(a => a).ToArray();
        Assert.Equal(writers * each * 2, all.Length);
        Assert.All(all, a => Assert.True(a.Item1 is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)a.Item1} {a.Item2}"));
        Assert.DoesNotContain("database is locked", fixture.Host.Output, StringComparison.OrdinalIgnoreCase);
    }
}
