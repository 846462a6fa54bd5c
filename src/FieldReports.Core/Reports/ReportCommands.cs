using System.Collections.Immutable;

namespace FieldReports.Reports;

// The commands of the workflow, one per trigger after submission. Kept in one file because each is a few lines.
#pragma warning disable SA1402, MA0048

/// <summary>The reporter withdraws a report before it is received.</summary>
/// <param name="Reason">Why, optionally.</param>
public sealed record WithdrawCommand(string? Reason = null) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Withdraw;

    internal override string? Note => Reason;
}

/// <summary>Reception staff refuse a report at intake.</summary>
/// <param name="Reason">The reason code.</param>
/// <param name="Explanation">The explanation sent to the reporter; required for <see cref="IntakeRejectionReason.Other"/>.</param>
/// <param name="DuplicateOf">For <see cref="IntakeRejectionReason.Duplicate"/>, the original report, whose outcome the reporter follows.</param>
public sealed record RejectCommand(IntakeRejectionReason Reason, string? Explanation = null, ReportId? DuplicateOf = null) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Reject;

    internal override string? Note => Explanation;

    internal override DomainError? Validate()
    {
        if (!Enum.IsDefined(Reason))
        {
            return ErrorCodes.Errors.CommandArgumentInvalid("reason", "an intake rejection reason");
        }

        if (Reason == IntakeRejectionReason.Duplicate && DuplicateOf is null)
        {
            return ErrorCodes.Errors.CommandArgumentRequired("duplicateOf");
        }

        if (Reason != IntakeRejectionReason.Duplicate && DuplicateOf is not null)
        {
            return ErrorCodes.Errors.CommandArgumentInvalid("duplicateOf", "given only with the reason Duplicate");
        }

        return ValidateText(Explanation, required: Reason == IntakeRejectionReason.Other, "explanation");
    }

    internal override ImmutableSortedDictionary<string, string> Data =>
        DataOf(("rejectionReason", Reason.ToString()), ("duplicateOf", DuplicateOf?.ToString()));

    internal override void ApplyTo(Report report)
    {
        report.RejectionReason = Reason;
        report.DuplicateOf = DuplicateOf;
    }
}

/// <summary>Reception staff accept a report and classify it into a field (Cà Mau art. 7.1a).</summary>
/// <param name="FieldCode">The field (lĩnh vực) of the report.</param>
/// <param name="Urgent">Marks the report urgent (or clears the mark); <see langword="null"/> keeps what intake recorded.</param>
public sealed record ReceiveCommand(string FieldCode, bool? Urgent = null) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Receive;

    internal override DomainError? Validate() => ValidateId(FieldCode, "fieldCode");

    internal override ImmutableSortedDictionary<string, string> Data =>
        DataOf(("field", FieldCode), ("urgent", Urgent is { } u ? (u ? "true" : "false") : null));

    internal override void ApplyTo(Report report)
    {
        report.FieldCode = FieldCode;
        if (Urgent is { } urgent)
        {
            report.IsUrgent = urgent;
        }
    }
}

/// <summary>Reception staff answer the reporter directly (Cà Mau art. 7.1b).</summary>
/// <param name="Answer">The answer.</param>
public sealed record AnswerDirectlyCommand(string Answer) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.AnswerDirectly;

    internal override string? Note => Answer;

    internal override DomainError? Validate() => ValidateText(Answer, required: true, "answer");

    internal override void ApplyTo(Report report) => report.Result = Answer;
}

/// <summary>Reception staff assign a received report to the agency responsible for its field and area.</summary>
/// <param name="AgencyId">The handling agency.</param>
/// <param name="Instructions">Instructions for the agency, optionally.</param>
public sealed record AssignCommand(string AgencyId, string? Instructions = null) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Assign;

    internal override string? Note => Instructions;

    internal override DomainError? Validate() => ValidateId(AgencyId, "agencyId") ?? base.Validate();

    internal override ImmutableSortedDictionary<string, string> Data => DataOf(("agency", AgencyId));

    internal override void ApplyTo(Report report) => report.AssignedAgencyId = AgencyId;
}

/// <summary>Handling staff of the assigned agency acknowledge the report and start handling it.</summary>
public sealed record AcknowledgeCommand : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Acknowledge;
}

/// <summary>Handling staff return the report to the centre as outside their agency's competence (Cà Mau art. 8.1b; Đắk Lắk).</summary>
/// <param name="Reason">Why the report is outside the agency's competence.</param>
/// <param name="ProposedAgencyId">The agency they propose should handle it, if they know one.</param>
public sealed record ReturnToCentreCommand(string Reason, string? ProposedAgencyId = null) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.ReturnToCentre;

    internal override string? Note => Reason;

    internal override DomainError? Validate() =>
        ValidateText(Reason, required: true, "reason") ?? (ProposedAgencyId is null ? null : ValidateId(ProposedAgencyId, "proposedAgencyId"));

    internal override ImmutableSortedDictionary<string, string> Data => DataOf(("proposedAgency", ProposedAgencyId));

    internal override void ApplyTo(Report report)
    {
        report.ReturnedByAgencyId = report.AssignedAgencyId;
        report.ProposedAgencyId = ProposedAgencyId;
    }
}

/// <summary>Reception staff send a returned report to another agency.</summary>
/// <param name="AgencyId">The new handling agency; it must differ from the agency that returned the report.</param>
/// <param name="Instructions">Instructions for the agency, optionally.</param>
public sealed record RedistributeCommand(string AgencyId, string? Instructions = null) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Redistribute;

    internal override string? Note => Instructions;

    internal override DomainError? Validate() => ValidateId(AgencyId, "agencyId") ?? base.Validate();

    internal override ImmutableSortedDictionary<string, string> Data => DataOf(("agency", AgencyId));

    internal override void ApplyTo(Report report)
    {
        report.AssignedAgencyId = AgencyId;
        report.ProposedAgencyId = null;
    }
}

/// <summary>Handling staff submit the result of their handling, with evidence (Cà Mau art. 8.1c; Đắk Lắk: images, documents).</summary>
/// <param name="Result">The result, as it will be shown to the reporter.</param>
/// <param name="EvidenceAttachmentIds">
/// Ids of evidence attachments already stored for this report; <see cref="Services.ReportService"/> refuses any other id
/// (<see cref="ErrorCodes.EvidenceNotAttached"/>).
/// </param>
public sealed record SubmitResultCommand(string Result, IReadOnlyList<string>? EvidenceAttachmentIds = null) : ReportCommand
{
    /// <summary>The most evidence attachments one result may carry.</summary>
    public const int MaxEvidence = 50;

    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.SubmitResult;

    internal override string? Note => Result;

    internal override DomainError? Validate()
    {
        if (ValidateText(Result, required: true, "result") is { } error)
        {
            return error;
        }

        var evidence = EvidenceAttachmentIds ?? [];
        if (evidence.Count > MaxEvidence)
        {
            return ErrorCodes.Errors.CommandArgumentInvalid("evidenceAttachmentIds", $"at most {MaxEvidence} attachments");
        }

        foreach (var id in evidence)
        {
            if (ValidateId(id, "evidenceAttachmentIds") is { } idError)
            {
                return idError;
            }
        }

        return null;
    }

    internal override ImmutableSortedDictionary<string, string> Data =>
        DataOf(("evidence", EvidenceAttachmentIds is { Count: > 0 } ids ? string.Join(',', ids) : null));

    internal override void ApplyTo(Report report)
    {
        report.Result = Result;
        report.Evidence = [.. EvidenceAttachmentIds ?? []];
    }
}

/// <summary>The centre's approver sends the result back to the agency for more work.</summary>
/// <param name="Reason">What is missing.</param>
public sealed record SendBackCommand(string Reason) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.SendBack;

    internal override string? Note => Reason;

    internal override DomainError? Validate() => ValidateText(Reason, required: true, "reason");
}

/// <summary>The centre's approver approves the result and publishes it (Cà Mau art. 9). Refused for confidential reports.</summary>
/// <param name="Remark">A remark for the audit trail, optionally.</param>
public sealed record ApproveCommand(string? Remark = null) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Approve;

    internal override string? Note => Remark;
}

/// <summary>The centre's approver approves the result and sends it to the reporter only (Cà Mau art. 9.2).</summary>
/// <param name="Remark">A remark for the audit trail, optionally.</param>
public sealed record ReplyPrivatelyCommand(string? Remark = null) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.ReplyPrivately;

    internal override string? Note => Remark;
}

/// <summary>The centre raises the report to the province's escalation body (Cà Mau art. 4.7).</summary>
/// <param name="Reason">Why: the agencies cannot agree, or handling is not thorough.</param>
public sealed record EscalateCommand(string Reason) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Escalate;

    internal override string? Note => Reason;

    internal override DomainError? Validate() => ValidateText(Reason, required: true, "reason");

    internal override void ApplyTo(Report report) => report.EscalatedFrom = report.State;
}

/// <summary>The centre records the escalation body's direction and assigns the report to the agency it names.</summary>
/// <param name="Direction">The direction given.</param>
/// <param name="AgencyId">The agency directed to handle the report.</param>
public sealed record ResumeCommand(string Direction, string AgencyId) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Resume;

    internal override string? Note => Direction;

    internal override DomainError? Validate() => ValidateText(Direction, required: true, "direction") ?? ValidateId(AgencyId, "agencyId");

    internal override ImmutableSortedDictionary<string, string> Data => DataOf(("agency", AgencyId));

    internal override void ApplyTo(Report report)
    {
        report.AssignedAgencyId = AgencyId;
        report.EscalatedFrom = null;
    }
}

/// <summary>The reporter rates the result; a level that opens a follow-up sends the report back to the agency.</summary>
/// <param name="Level">The level on the province's scale.</param>
/// <param name="Comment">The reporter's comment, optionally.</param>
public sealed record RateCommand(RatingLevel Level, string? Comment = null) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Rate;

    internal override string? Note => Comment;

    internal override DomainError? Validate() => ValidateId(Level.Code, "level") ?? base.Validate();

    internal override ImmutableSortedDictionary<string, string> Data =>
        DataOf(("rating", Level.Code), ("opensFollowUp", Level.OpensFollowUp ? "true" : "false"));

    internal override void ApplyTo(Report report) => report.Rating = Level;
}

/// <summary>Handling staff (or the centre, for a report it answered itself) answer the follow-up of a Not satisfied rating.</summary>
/// <param name="Answer">The clarification.</param>
public sealed record AnswerFollowUpCommand(string Answer) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.AnswerFollowUp;

    internal override string? Note => Answer;

    internal override DomainError? Validate() => ValidateText(Answer, required: true, "answer");
}

/// <summary>The centre, an administrator or the system closes a report whose result has reached the reporter.</summary>
/// <param name="Reason">Why, optionally (for example, the rating period has ended).</param>
public sealed record CloseCommand(string? Reason = null) : ReportCommand
{
    /// <inheritdoc/>
    public override ReportTrigger Trigger => ReportTrigger.Close;

    internal override string? Note => Reason;
}
