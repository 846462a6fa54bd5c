using FieldReports.Notifications;
using FieldReports.Reports;
using FieldReports.Stores;
using NodaTime;

namespace FieldReports.AspNetCore.Tests;

public class NotificationTests
{
    [Theory]
    [InlineData("Assign", NotificationAudience.Agency)]
    [InlineData("Approve", NotificationAudience.Reporter)]
    [InlineData("ReplyPrivately", NotificationAudience.Reporter)]
    [InlineData("Escalate", NotificationAudience.Leaders)]
    public async Task Report_messages_become_notifications_for_the_right_audience(string trigger, NotificationAudience audience)
    {
        var sender = new RecordingSender();
        var id = ReportId.New();
        var message = OutboxMessage.Create("ca-mau", "report." + trigger.ToLowerInvariant(), $$"""{"reportId":"{{id}}","trigger":"{{trigger}}","assignedAgencyId":"so-gtvt"}""", Instant.FromUtc(2026, 11, 20, 1, 0));

        await new ReportNotificationHandler(sender).HandleAsync(message, CancellationToken.None);

        var sent = Assert.Single(sender.Sent);
        Assert.Equal(audience, sent.Audience);
        Assert.Equal(id, sent.ReportId);
        Assert.Equal(message.Id, sent.Id);
    }

    [Fact]
    public async Task Other_messages_send_nothing()
    {
        var sender = new RecordingSender();
        var message = OutboxMessage.Create("ca-mau", "report.acknowledge", $$"""{"reportId":"{{ReportId.New()}}","trigger":"Acknowledge"}""", Instant.FromUtc(2026, 11, 20, 1, 0));

        await new ReportNotificationHandler(sender).HandleAsync(message, CancellationToken.None);

        Assert.Empty(sender.Sent);
    }

    private sealed class RecordingSender : INotificationSender
    {
        public List<Notification> Sent { get; } = [];

        public Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            Sent.Add(notification);
            return Task.CompletedTask;
        }
    }
}
