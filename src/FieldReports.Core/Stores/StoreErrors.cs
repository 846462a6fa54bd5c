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
}
