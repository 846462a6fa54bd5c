namespace FieldReports.Reports;

/// <summary>What the workflow needs to know about a new report: whose it is, where it came from, and its marks.</summary>
/// <remarks>The report's content and the reporter's contact details are checked by intake before a report is created.</remarks>
public sealed record ReportSubmission
{
    /// <summary>The province the report belongs to. Nothing crosses between provinces.</summary>
    public required string ProvinceId { get; init; }

    /// <summary>The account of the reporter.</summary>
    public required string ReporterAccountId { get; init; }

    /// <summary>The intake channel (for example <c>app</c>, <c>web</c>, <c>hotline</c>, <c>email</c>, <c>zalo</c>). Replies go back through it.</summary>
    public required string Channel { get; init; }

    /// <summary>What the report says; validated by intake before the report is created.</summary>
    public required ReportContent Content { get; init; }

    /// <summary>Whether the report is urgent (security, fire, rescue, accidents); carried through every step.</summary>
    public bool IsUrgent { get; init; }

    /// <summary>Whether the reporter asked for the content and result to be kept secret (Cà Mau art. 9.2): the result is never published.</summary>
    public bool IsConfidential { get; init; }
}
