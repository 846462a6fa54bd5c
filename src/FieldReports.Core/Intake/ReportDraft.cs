using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Intake;

/// <summary>
/// A report as a channel received it, before intake checks it. Text is normalised by intake; nothing here is trusted.
/// </summary>
public sealed record ReportDraft
{
    /// <summary>The code of the channel it came in by (one of the province's channels). Replies go back through it.</summary>
    public required string Channel { get; init; }

    /// <summary>The reporter's account id (for a hotline caller without an account, the channel derives one, for example <c>phone:+84…</c>).</summary>
    public required string ReporterAccountId { get; init; }

    /// <summary>The reporter's contact details, as given. Intake normalises the phone to E.164.</summary>
    public ReporterContact Contact { get; init; } = new();

    /// <summary>A short title, if the channel has one.</summary>
    public string? Title { get; init; }

    /// <summary>The description of the situation.</summary>
    public string? Description { get; init; }

    /// <summary>The place, as coordinates.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The place, as an address.</summary>
    public string? Address { get; init; }

    /// <summary>The administrative area of the place, when the channel knows it.</summary>
    public string? AreaCode { get; init; }

    /// <summary>When the reporter saw the situation, if they said.</summary>
    public Instant? ObservedAt { get; init; }

    /// <summary>The language, as a BCP 47 tag. Default <c>vi</c>.</summary>
    public string Language { get; init; } = "vi";

    /// <summary>The images, videos and documents that came with it.</summary>
    public IReadOnlyList<DraftAttachment> Attachments { get; init; } = [];

    /// <summary>What the channel says it is. Default <see cref="ReportKind.FieldReport"/>; any other kind is rejected as out of scope.</summary>
    public ReportKind Kind { get; init; } = ReportKind.FieldReport;

    /// <summary>A category the channel or reporter picked (for example <c>fire</c>); an urgent category makes the report urgent.</summary>
    public string? Category { get; init; }

    /// <summary>Marked urgent by staff or by a trusted channel; honoured only when staff or the system submit the draft.</summary>
    public bool MarkedUrgent { get; init; }

    /// <summary>Whether the reporter asked for the content and result to be kept secret (Cà Mau art. 9.2).</summary>
    public bool Confidential { get; init; }
}
