using MailKit;

namespace FieldReports.Intake;

/// <summary>
/// Reads reports from a mailbox with MailKit: every message in a POP3 spool (or every unseen message in an IMAP
/// folder) becomes a draft through <see cref="EmailIntakeChannel"/>. The host connects and authenticates the client
/// (server, port, TLS and credentials are deployment settings), then calls this on a schedule. Thread-safe as long as
/// each call gets its own connected client.
/// </summary>
/// <param name="channel">The e-mail channel that reads each message.</param>
public sealed class MailboxIntakeReader(EmailIntakeChannel channel)
{
    private readonly EmailIntakeChannel _channel = channel ?? throw new ArgumentNullException(nameof(channel));

    /// <summary>
    /// Reads every message of a connected, authenticated spool (for example MailKit's <c>Pop3Client</c>), and deletes
    /// each one once it has been read when <paramref name="deleteAfterReading"/> is set (POP3 commits deletions on
    /// disconnect with <c>quit: true</c>).
    /// </summary>
    /// <param name="spool">The spool.</param>
    /// <param name="deleteAfterReading">Whether to mark each message read for deletion.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The drafts, in the spool's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spool"/> is null.</exception>
    /// <exception cref="ServiceNotConnectedException">The spool is not connected.</exception>
    public async Task<IReadOnlyList<ReportDraft>> ReadAsync(IMailSpool spool, bool deleteAfterReading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spool);
        var drafts = new List<ReportDraft>();
        var count = await spool.GetMessageCountAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            using var message = await spool.GetMessageAsync(i, cancellationToken).ConfigureAwait(false);
            drafts.Add(await _channel.ToDraftAsync(message, cancellationToken).ConfigureAwait(false));
            if (deleteAfterReading)
            {
                await spool.DeleteMessageAsync(i, cancellationToken).ConfigureAwait(false);
            }
        }

        return drafts;
    }
}
