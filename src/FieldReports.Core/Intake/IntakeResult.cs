using FieldReports.Reports;

namespace FieldReports.Intake;

/// <summary>
/// The outcome of intake: either the new report (in <see cref="ReportState.Submitted"/>) with its normalised contact and
/// attachments, or every rejection found (and no report).
/// </summary>
public sealed record IntakeResult
{
    /// <summary>The new report, when accepted.</summary>
    public Report? Report { get; init; }

    /// <summary>The reporter's contact, normalised (NFC, phone in E.164), when accepted. The host stores it apart from the report.</summary>
    public ReporterContact? Contact { get; init; }

    /// <summary>The attachments to store, when accepted; their ids are in the report's content.</summary>
    public IReadOnlyList<DraftAttachment> Attachments { get; init; } = [];

    /// <summary>What intake noticed, for reception staff.</summary>
    public IntakeSignals Signals { get; init; }

    /// <summary>Every reason the draft was refused, most fundamental first; empty when accepted.</summary>
    public IReadOnlyList<IntakeRejection> Rejections { get; init; } = [];

    /// <summary>Whether the draft was accepted.</summary>
    public bool IsAccepted => Report is not null;

    /// <summary>The first rejection, or <see langword="null"/> when accepted.</summary>
    public IntakeRejection? Rejection => Rejections.Count > 0 ? Rejections[0] : null;
}
