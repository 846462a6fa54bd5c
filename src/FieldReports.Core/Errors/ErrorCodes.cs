using System.Globalization;
using FieldReports.Reports;

namespace FieldReports;

/// <summary>
/// Every error code FieldReports produces, in one place. Codes are stable: integrations and clients may switch on them.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The trigger is not allowed in the report's current state.</summary>
    public const string TransitionNotPermitted = "workflow.transition_not_permitted";

    /// <summary>The actor's role may not fire this trigger.</summary>
    public const string RoleNotPermitted = "workflow.role_not_permitted";

    /// <summary>Handling staff acted on a report that is not assigned to their agency.</summary>
    public const string NotAssignedToAgency = "workflow.not_assigned_to_agency";

    /// <summary>Someone other than the report's reporter acted as its reporter.</summary>
    public const string NotTheReporter = "workflow.not_the_reporter";

    /// <summary>A confidential report's result cannot be published; reply privately instead.</summary>
    public const string ConfidentialCannotBePublished = "workflow.confidential_cannot_be_published";

    /// <summary>A returned report must go to an agency other than the one that returned it.</summary>
    public const string RedistributedToSameAgency = "workflow.redistributed_to_same_agency";

    /// <summary>A required argument of a command is missing.</summary>
    public const string ArgumentRequired = "validation.required";

    /// <summary>An argument of a command is longer than allowed.</summary>
    public const string ArgumentTooLong = "validation.too_long";

    /// <summary>An argument of a command has a value outside what it accepts.</summary>
    public const string ArgumentInvalid = "validation.invalid";

    /// <summary>Someone else changed the resource since it was read; read it again and retry.</summary>
    public const string ConcurrencyConflict = "store.concurrency_conflict";

    /// <summary>The signed-in user carries no FieldReports role (check the claim mapping).</summary>
    public const string NoRole = "auth.no_role";

    /// <summary>The HTTP request could not be read (syntax, types, encoding).</summary>
    public const string RequestMalformed = "request.malformed";

    /// <summary>The HTTP request body is larger than the endpoint accepts.</summary>
    public const string RequestTooLarge = "request.too_large";

    /// <summary>The server failed; the failure was logged without request data.</summary>
    public const string ServerError = "server.error";

    /// <summary>Factories for the errors above, with their messages.</summary>
    internal static class Errors
    {
        public static DomainError TransitionNotPermitted(ReportTrigger trigger, ReportState state) =>
            new(ErrorCodes.TransitionNotPermitted, ErrorKind.Conflict, Format(
                $"'{trigger}' is not allowed while the report is '{state}'. Read the report's state and choose an action it permits."));

        public static DomainError RoleNotPermitted(ReportTrigger trigger, ActorRole role, IEnumerable<ActorRole> allowed) =>
            new(ErrorCodes.RoleNotPermitted, ErrorKind.Forbidden, Format(
                $"A {role} may not '{trigger}' a report; only {string.Join(" or ", allowed)} may."));

        public static DomainError NotAssignedToAgency(ReportTrigger trigger) =>
            new(ErrorCodes.NotAssignedToAgency, ErrorKind.NotFound, Format(
                $"'{trigger}' is refused: the report is not assigned to the actor's agency."));

        public static DomainError NotTheReporter(ReportTrigger trigger) =>
            new(ErrorCodes.NotTheReporter, ErrorKind.NotFound, Format(
                $"'{trigger}' is refused: only the reporter who sent the report may do this."));

        public static DomainError ConfidentialCannotBePublished() =>
            new(ErrorCodes.ConfidentialCannotBePublished, ErrorKind.Rule,
                "The report is confidential: its result goes to the reporter only. Use 'ReplyPrivately' instead of 'Approve'.");

        public static DomainError RedistributedToSameAgency() =>
            new(ErrorCodes.RedistributedToSameAgency, ErrorKind.Validation,
                "The agency that returned the report cannot receive it again by redistribution; choose another agency.");

        public static DomainError CommandArgumentRequired(string name) =>
            new(ErrorCodes.ArgumentRequired, ErrorKind.Validation, Format($"'{name}' is required."));

        public static DomainError CommandArgumentTooLong(string name, int max) =>
            new(ErrorCodes.ArgumentTooLong, ErrorKind.Validation, Format($"'{name}' is longer than {max} characters."));

        public static DomainError CommandArgumentInvalid(string name, string expected) =>
            new(ErrorCodes.ArgumentInvalid, ErrorKind.Validation, Format($"'{name}' must be {expected}."));

        private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
