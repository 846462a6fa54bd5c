using MimeKit;

namespace FieldReports.Intake;

/// <summary>
/// Replies by e-mail to reports that came in by e-mail: composes the message with MimeKit and hands it to a sender the
/// host provides (typically MailKit's <c>SmtpClient</c>), so the core opens no connection itself. Thread-safe if the sender is.
/// </summary>
public sealed class EmailReplyChannel : IReplyChannel
{
    private readonly MailboxAddress _from;
    private readonly Func<MimeMessage, CancellationToken, ValueTask> _send;

    /// <summary>Creates the channel.</summary>
    /// <param name="from">The centre's address replies come from.</param>
    /// <param name="send">Sends a composed message.</param>
    /// <param name="code">The channel code, <c>email</c> by default.</param>
    public EmailReplyChannel(MailboxAddress from, Func<MimeMessage, CancellationToken, ValueTask> send, string code = "email")
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _from = from;
        _send = send;
        Code = code;
    }

    /// <inheritdoc/>
    public string Code { get; }

    /// <inheritdoc/>
    public async ValueTask<DomainResult> SendAsync(ChannelReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Recipient?.Email is not { } address || !MailboxAddress.TryParse(address, out var to))
        {
            return ErrorCodes.Errors.CommandArgumentRequired("recipient.email");
        }

        using var message = new MimeMessage();
        message.From.Add(_from);
        message.To.Add(to);
        message.Subject = reply.Subject ?? (reply.ReportId is { } id ? $"Phản ánh {id}" : "Phản ánh hiện trường");
        message.Body = new TextPart("plain") { Text = reply.Text };
        await _send(message, cancellationToken).ConfigureAwait(false);
        return DomainResult.Success;
    }
}
