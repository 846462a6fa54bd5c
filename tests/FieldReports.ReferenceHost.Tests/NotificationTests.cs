using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ReferenceHost.Data;

namespace FieldReports.ReferenceHost.Tests;

/// <summary>The host's outbox handler: a dispatcher pass's transitions reach the in-app inbox in one commit, once each.</summary>
public sealed class NotificationTests
{
    [Fact]
    public async Task A_pass_s_messages_become_one_inbox_row_each_even_with_a_redelivery_in_the_same_pass_or_a_later_one()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>());
        var handler = Assert.IsAssignableFrom<IOutboxBatchHandler>(host.Services.GetRequiredService<IOutboxMessageHandler>());
        var (one, two) = (Guid.NewGuid(), Guid.NewGuid());
        var (first, second) = (Submitted(one), Submitted(two));

        await handler.HandleBatchAsync([first, second, first], default);
        await handler.HandleBatchAsync([second, Submitted(one)], default);

        var rows = await InboxAsync(host, one, two);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(("reception_staff", "ca-mau", "New report waiting for intake"), (r.Role, r.ProvinceId, r.TextEn)));
    }

    [Fact]
    public async Task A_batch_that_fails_writes_nothing_so_that_the_messages_are_delivered_again_one_by_one()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>());
        var handler = Assert.IsAssignableFrom<IOutboxBatchHandler>(host.Services.GetRequiredService<IOutboxMessageHandler>());
        var goodId = Guid.NewGuid();
        var good = Submitted(goodId);
        var broken = Submitted(Guid.NewGuid()) with { PayloadJson = "{\"reportId\":" };

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => handler.HandleBatchAsync([good, broken], default));
        Assert.Empty(await InboxAsync(host, goodId));

        // The dispatcher then delivers them one by one: the good one gets its row, the broken one fails alone.
        await handler.HandleAsync(good, default);
        Assert.Single(await InboxAsync(host, goodId));
    }

    private static OutboxMessage Submitted(Guid reportId) => OutboxMessage.Create(
        "ca-mau",
        "report.submitted",
        $$"""{"reportId":"{{reportId}}","trigger":"Submit","to":"Submitted","reporterAccountId":"citizen-1","sequence":1}""",
        SystemClock.Instance.GetCurrentInstant());

    private static async Task<List<InboxMessage>> InboxAsync(HostFactory host, params Guid[] reportIds)
    {
        var ids = reportIds.Select(id => (Guid?)id).ToList();
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HostDbContext>().Inbox.AsNoTracking().Where(m => ids.Contains(m.ReportId)).ToListAsync();
    }
}
