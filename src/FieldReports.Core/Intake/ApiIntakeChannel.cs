namespace FieldReports.Intake;

/// <summary>The app and web API: the request already is a draft; the channel only stamps its code. Thread-safe.</summary>
/// <param name="code">The channel code, <c>app</c> by default (use <c>web</c> for the portal).</param>
public sealed class ApiIntakeChannel(string code = "app") : IIntakeChannel<ReportDraft>
{
    /// <inheritdoc/>
    public string Code { get; } = string.IsNullOrWhiteSpace(code) ? throw new ArgumentException("A channel has a code.", nameof(code)) : code;

    /// <inheritdoc/>
    public ValueTask<ReportDraft> ToDraftAsync(ReportDraft message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ValueTask.FromResult(message with { Channel = Code });
    }
}
