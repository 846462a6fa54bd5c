namespace FieldReports.Intake;

/// <summary>Sends each reply through the channel its report came in by (Cà Mau art. 9: the result goes back through the channel of intake). Thread-safe.</summary>
public sealed class ReplyDispatcher
{
    private readonly IReplyChannel[] _channels;

    /// <summary>Creates the dispatcher over the registered reply channels.</summary>
    /// <param name="channels">The reply channels.</param>
    public ReplyDispatcher(IEnumerable<IReplyChannel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        _channels = [.. channels];
    }

    /// <summary>Sends a reply through the channel named by <see cref="ChannelReply.Channel"/>.</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="cancellationToken">Cancels sending.</param>
    /// <returns>The channel's result, or <see cref="ErrorCodes.ReplyChannelMissing"/> when no channel replies for that code.</returns>
    public ValueTask<DomainResult> SendAsync(ChannelReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var channel = _channels.FirstOrDefault(c => string.Equals(c.Code, reply.Channel, StringComparison.OrdinalIgnoreCase));
        return channel is null
            ? ValueTask.FromResult<DomainResult>(ErrorCodes.Errors.ReplyChannelMissing(reply.Channel))
            : channel.SendAsync(reply, cancellationToken);
    }
}
