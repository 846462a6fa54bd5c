namespace FieldReports.Intake;

/// <summary>Why intake refused a draft: the reason, a stable code, and a message in Vietnamese and in English.</summary>
/// <param name="Reason">The reason recorded on the report workflow's terms.</param>
/// <param name="Code">The stable code, one of <see cref="ErrorCodes"/> (<c>intake.*</c>).</param>
/// <param name="MessageVi">The message for the reporter, in Vietnamese.</param>
/// <param name="MessageEn">The message for the reporter, in English.</param>
public sealed record IntakeRejection(Reports.IntakeRejectionReason Reason, string Code, string MessageVi, string MessageEn)
{
    /// <summary>The rejection as a domain error (English message, <see cref="ErrorKind.Validation"/> or <see cref="ErrorKind.Rule"/>).</summary>
    public DomainError ToDomainError() => new(
        Code,
        Reason is Reports.IntakeRejectionReason.OutsideNightWindow or Reports.IntakeRejectionReason.OutOfScope || Code == ErrorCodes.IntakeAccountLocked
            ? ErrorKind.Rule
            : ErrorKind.Validation,
        MessageEn);
}
