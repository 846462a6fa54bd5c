using FieldReports.Intake;
using FieldReports.Reports;
using FieldReports.Sla;

namespace FieldReports.Services;

/// <summary>What became of a submission or a command: the saved report and its SLA step, or the error that refused it.</summary>
public sealed record ReportOutcome
{
    /// <summary>The report as saved, when the operation succeeded.</summary>
    public Report? Report { get; init; }

    /// <summary>The step the report is now in and its deadline, when a time limit runs.</summary>
    public SlaStatus? CurrentStep { get; init; }

    /// <summary>The reporter's contact details as a submission stored them (normalised); null for commands.</summary>
    public ReporterContact? Contact { get; init; }

    /// <summary>The error, when the operation was refused; nothing was stored.</summary>
    public DomainError? Error { get; init; }

    /// <summary>Every rejection of a refused submission (the first is <see cref="Error"/>), with Vietnamese and English messages.</summary>
    public IReadOnlyList<IntakeRejection> Rejections { get; init; } = [];

    /// <summary>Whether the operation succeeded.</summary>
    public bool IsSuccess => Report is not null && Error is null;
}
