namespace FieldReports.Notifications;

/// <summary>
/// Sends notifications (push to the app, SMS, e-mail, the agency portal's inbox). Replace the default, which only logs,
/// with the province's gateway. Implementations are thread-safe and idempotent on <see cref="Notification.Id"/>, since
/// the outbox delivers at least once.
/// </summary>
public interface INotificationSender
{
    /// <summary>Sends one notification.</summary>
    /// <param name="notification">What to send and to whom; holds no personal data (the sender looks up addresses itself).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the notification has been handed to the gateway.</returns>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
