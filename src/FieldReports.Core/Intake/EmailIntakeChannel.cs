using System.Text.RegularExpressions;
using FieldReports.Reports;
using MimeKit;

namespace FieldReports.Intake;

/// <summary>
/// Inbound e-mail (Quảng Bình, Huế): reads a MIME message into a draft. The sender's display name and address are the
/// contact; the first Vietnamese phone number in the body is the phone; the subject is the title; the plain-text body
/// (or the HTML body without tags) is the description; every attachment is kept, images and videos counting as media.
/// A sender gets the account id <c>email:</c> followed by the lower-cased address. Thread-safe.
/// </summary>
/// <param name="code">The channel code, <c>email</c> by default.</param>
public sealed partial class EmailIntakeChannel(string code = "email") : IIntakeChannel<MimeMessage>
{
    /// <inheritdoc/>
    public string Code { get; } = string.IsNullOrWhiteSpace(code) ? throw new ArgumentException("A channel has a code.", nameof(code)) : code;

    /// <summary>Parses a posted MIME message (for example the body of a mail provider's webhook) and reads it into a draft.</summary>
    /// <param name="mime">The raw message (RFC 5322).</param>
    /// <param name="cancellationToken">Cancels parsing.</param>
    /// <returns>The draft.</returns>
    /// <exception cref="FormatException">The stream is not a MIME message.</exception>
    public async ValueTask<ReportDraft> ParseAsync(Stream mime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mime);
        using var message = await MimeMessage.LoadAsync(mime, cancellationToken).ConfigureAwait(false);
        return await ToDraftAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ReportDraft> ToDraftAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = message.From.Mailboxes.FirstOrDefault();
        var body = message.TextBody ?? (message.HtmlBody is { } html ? Tags().Replace(html, " ") : null);
        string? phone = null;
        foreach (Match candidate in PhoneCandidates().Matches(body ?? string.Empty))
        {
            if (VietnamesePhoneNumber.TryNormalize(candidate.Value, out var e164))
            {
                phone = e164;
                break;
            }
        }

        var attachments = new List<DraftAttachment>();
        var index = 0;
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            index++;
            using var buffer = new MemoryStream();
            if (part.Content is not null)
            {
                await part.Content.DecodeToAsync(buffer, cancellationToken).ConfigureAwait(false);
            }

            attachments.Add(new DraftAttachment(
                part.ContentId ?? FormattableString.Invariant($"attachment-{index}"),
                part.FileName ?? FormattableString.Invariant($"attachment-{index}"),
                part.ContentType.MimeType,
                buffer.ToArray()));
        }

        return new ReportDraft
        {
            Channel = Code,
            ReporterAccountId = sender is null ? "email:unknown" : "email:" + sender.Address.ToLowerInvariant(),
            Contact = new ReporterContact { Name = string.IsNullOrWhiteSpace(sender?.Name) ? null : sender.Name, Email = sender?.Address, Phone = phone },
            Title = string.IsNullOrWhiteSpace(message.Subject) ? null : message.Subject,
            Description = body,
            Attachments = attachments,
        };
    }

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"(?<![\d+])(?:\+|00)?(?:84|0)[\d .\-()]{8,14}\d", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhoneCandidates();
}
