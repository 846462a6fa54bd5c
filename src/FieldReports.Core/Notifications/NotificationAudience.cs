namespace FieldReports.Notifications;

/// <summary>Who a notification is for.</summary>
public enum NotificationAudience
{
    /// <summary>The handling staff of an agency (<see cref="Notification.RecipientId"/> is the agency id).</summary>
    Agency = 0,

    /// <summary>The reporter (<see cref="Notification.RecipientId"/> is the reporter's report id; the sender resolves the account).</summary>
    Reporter = 1,

    /// <summary>The province's leaders.</summary>
    Leaders = 2,

    /// <summary>The coordination centre's reception staff (<see cref="Notification.RecipientId"/> is <see langword="null"/>).</summary>
    Centre = 3,
}
