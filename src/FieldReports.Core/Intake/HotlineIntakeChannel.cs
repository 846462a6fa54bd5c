namespace FieldReports.Intake;

/// <summary>
/// Staff entry for a hotline caller: turns the call notes into a draft. Submit the draft with the reception staff
/// member as the submitter, so the report records who entered it. A caller without an account gets the account id
/// <c>phone:</c> followed by the number in E.164. Thread-safe.
/// </summary>
/// <param name="code">The channel code, <c>hotline</c> by default.</param>
public sealed class HotlineIntakeChannel(string code = "hotline") : IIntakeChannel<HotlineCall>
{
    /// <inheritdoc/>
    public string Code { get; } = string.IsNullOrWhiteSpace(code) ? throw new ArgumentException("A channel has a code.", nameof(code)) : code;

    /// <inheritdoc/>
    public ValueTask<ReportDraft> ToDraftAsync(HotlineCall message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var account = message.ReporterAccountId
            ?? (VietnamesePhoneNumber.TryNormalize(message.CallerPhone, out var e164) ? "phone:" + e164 : "hotline:anonymous");
        return ValueTask.FromResult(new ReportDraft
        {
            Channel = Code,
            ReporterAccountId = account,
            Contact = new Reports.ReporterContact { Name = message.CallerName, Phone = message.CallerPhone, Email = message.CallerEmail },
            Description = message.Description,
            Address = message.Address,
            Location = message.Location,
            AreaCode = message.AreaCode,
            Category = message.Category,
            MarkedUrgent = message.Urgent,
            Confidential = message.Confidential,
        });
    }
}
