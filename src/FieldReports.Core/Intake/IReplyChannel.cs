namespace FieldReports.Intake;

/// <summary>
/// Sends replies back through an intake channel (the app's notification, an e-mail, an SMS to a hotline caller…).
/// Implementations are registered with <c>AddReplyChannel</c>; <see cref="ReplyDispatcher"/> picks the one whose
/// <see cref="Code"/> is the report's channel.
/// </summary>
public interface IReplyChannel
{
    /// <summary>The channel code this implementation replies through.</summary>
    string Code { get; }

    /// <summary>Sends a reply.</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="cancellationToken">Cancels sending.</param>
    /// <returns>Success, or an error that explains why the reply could not be sent (for example no e-mail address).</returns>
    ValueTask<DomainResult> SendAsync(ChannelReply reply, CancellationToken cancellationToken = default);
}
