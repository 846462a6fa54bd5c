namespace FieldReports.Intake;

/// <summary>
/// A way reports come in: turns an external message (an app request, a hotline call, an e-mail, a Zalo or Facebook
/// webhook…) into a <see cref="ReportDraft"/> with its attachments and the reporter's contact. The draft then goes
/// through the same <see cref="IntakeService"/> rules as any other. Vendors implement this to add channels.
/// </summary>
/// <typeparam name="TMessage">The channel's own message type.</typeparam>
/// <remarks>Implementations should not reject: a draft with missing details is refused by intake with a reason the reporter can read.</remarks>
public interface IIntakeChannel<in TMessage>
{
    /// <summary>The channel code recorded on reports (one of the province's <c>Channels</c>). Replies go back through the <see cref="IReplyChannel"/> with the same code.</summary>
    string Code { get; }

    /// <summary>Reads a message into a draft.</summary>
    /// <param name="message">The external message.</param>
    /// <param name="cancellationToken">Cancels reading (for example of a large attachment).</param>
    /// <returns>The draft.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    ValueTask<ReportDraft> ToDraftAsync(TMessage message, CancellationToken cancellationToken = default);
}
