using System.Globalization;
using FieldReports.Reports;

namespace FieldReports.Stores;

/// <summary>The errors stores return, so that every store implementation reports them with the same code and message.</summary>
public static class StoreErrors
{
    /// <summary>Someone else changed the report since it was read (<see cref="ErrorCodes.ConcurrencyConflict"/>, <see cref="ErrorKind.Conflict"/>).</summary>
    /// <param name="id">The report.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <returns>The error.</returns>
    public static DomainError ConcurrencyConflict(ReportId id, int expectedVersion) =>
        new(ErrorCodes.ConcurrencyConflict, ErrorKind.Conflict, string.Create(CultureInfo.InvariantCulture,
            $"Report '{id}' was changed by someone else since it was read at version {expectedVersion}. Read it again and retry the action if it still applies."));

    /// <summary>A report with this id already exists (<see cref="ErrorCodes.ConcurrencyConflict"/>, <see cref="ErrorKind.Conflict"/>).</summary>
    /// <param name="id">The report.</param>
    /// <returns>The error.</returns>
    public static DomainError AlreadyExists(ReportId id) =>
        new(ErrorCodes.ConcurrencyConflict, ErrorKind.Conflict, string.Create(CultureInfo.InvariantCulture,
            $"Report '{id}' already exists. Create the report with a new id."));

    /// <summary>An attachment with this id already exists in the province (<see cref="ErrorCodes.ConcurrencyConflict"/>, <see cref="ErrorKind.Conflict"/>).</summary>
    /// <param name="id">The attachment's id.</param>
    /// <returns>The error.</returns>
    public static DomainError AttachmentAlreadyExists(string id) =>
        new(ErrorCodes.ConcurrencyConflict, ErrorKind.Conflict, string.Create(CultureInfo.InvariantCulture,
            $"Attachment '{id}' already exists. Upload it under a new id."));

    /// <summary>Someone else changed the account's moderation record since it was read (<see cref="ErrorCodes.ConcurrencyConflict"/>, <see cref="ErrorKind.Conflict"/>).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <returns>The error.</returns>
    public static DomainError ModerationConflict(string accountId, int expectedVersion) =>
        new(ErrorCodes.ConcurrencyConflict, ErrorKind.Conflict, string.Create(CultureInfo.InvariantCulture,
            $"The moderation record of account '{accountId}' was changed by someone else since it was read at version {expectedVersion}. Load it again and record the violation or decision on it."));

    /// <summary>Another version of the province's catalogue was stored since it was read (<see cref="ErrorCodes.ConcurrencyConflict"/>, <see cref="ErrorKind.Conflict"/>).</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="version">The version that could not be stored.</param>
    /// <returns>The error.</returns>
    public static DomainError CatalogueConflict(string provinceId, int version) =>
        new(ErrorCodes.ConcurrencyConflict, ErrorKind.Conflict, string.Create(CultureInfo.InvariantCulture,
            $"Version {version} of the catalogue of province '{provinceId}' could not be stored: another version was stored since it was read. Read the catalogue again and redo the edit on top."));

    /// <summary>An interaction with this id already exists (<see cref="ErrorCodes.ConcurrencyConflict"/>, <see cref="ErrorKind.Conflict"/>).</summary>
    /// <param name="id">The interaction's id.</param>
    /// <returns>The error.</returns>
    public static DomainError InteractionAlreadyExists(Guid id) =>
        new(ErrorCodes.ConcurrencyConflict, ErrorKind.Conflict, string.Create(CultureInfo.InvariantCulture,
            $"Interaction '{id}' already exists. Open the interaction with a new id."));

    /// <summary>An answer to the interaction was stored first (<see cref="ErrorCodes.InteractionAlreadyAnswered"/>, <see cref="ErrorKind.Conflict"/>).</summary>
    /// <returns>The error.</returns>
    public static DomainError InteractionAlreadyAnswered() => ErrorCodes.Errors.InteractionAlreadyAnswered();

    /// <summary>The interaction carries no answer to store (<see cref="ErrorCodes.ArgumentRequired"/>).</summary>
    /// <returns>The error.</returns>
    public static DomainError AnswerRequired() => ErrorCodes.Errors.CommandArgumentRequired("answer");

    /// <summary>The consent would rewrite the stored history of consents (<see cref="ErrorCodes.ConsentInvalid"/>, <see cref="ErrorKind.Conflict"/>).</summary>
    /// <param name="why">What it would rewrite.</param>
    /// <returns>The error.</returns>
    public static DomainError ConsentHistoryRewritten(string why) => ErrorCodes.Errors.ConsentInvalid(why);

    /// <summary>The province has no such report (<see cref="ErrorCodes.ReportNotFound"/>, <see cref="ErrorKind.NotFound"/>).</summary>
    /// <param name="id">The report.</param>
    /// <returns>The error.</returns>
    public static DomainError ReportNotFound(ReportId id) => ErrorCodes.Errors.ReportNotFound(id);

    /// <summary>Someone else stored the report's confidentiality marks at the same time (<see cref="ErrorCodes.ConcurrencyConflict"/>, <see cref="ErrorKind.Conflict"/>).</summary>
    /// <param name="id">The report.</param>
    /// <returns>The error.</returns>
    public static DomainError ConfidentialityConflict(ReportId id) =>
        new(ErrorCodes.ConcurrencyConflict, ErrorKind.Conflict, string.Create(CultureInfo.InvariantCulture,
            $"The confidentiality marks of report '{id}' were stored by someone else at the same time. Read them again and retry the action if it still applies."));
}
