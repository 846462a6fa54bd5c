using FieldReports.Reports;

namespace FieldReports.Intake;

/// <summary>A reply to a reporter (an intake rejection, a result, an answer), to be sent through the channel the report came in by.</summary>
public sealed record ChannelReply
{
    /// <summary>The province.</summary>
    public required string ProvinceId { get; init; }

    /// <summary>The report replied about, when a report exists (a rejected draft has none).</summary>
    public ReportId? ReportId { get; init; }

    /// <summary>The channel code the report came in by.</summary>
    public required string Channel { get; init; }

    /// <summary>The reporter's account.</summary>
    public required string ReporterAccountId { get; init; }

    /// <summary>The reporter's contact, for channels that reply by phone or e-mail.</summary>
    public ReporterContact? Recipient { get; init; }

    /// <summary>A subject line, for channels that have one.</summary>
    public string? Subject { get; init; }

    /// <summary>The text of the reply.</summary>
    public required string Text { get; init; }
}
