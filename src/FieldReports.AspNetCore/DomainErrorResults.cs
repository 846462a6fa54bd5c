using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FieldReports.AspNetCore;

/// <summary>Turns <see cref="DomainError"/>s into RFC 9457 problem details with the error's stable code.</summary>
public static class DomainErrorResults
{
    /// <summary>The problem-details extension member that carries the stable error code.</summary>
    public const string CodeExtension = "code";

    /// <summary>The prefix of the problem <c>type</c> URI; the error code follows it.</summary>
    public const string TypePrefix = "urn:fieldreports:error:";

    /// <summary>
    /// The HTTP status of an error kind: validation 400, not found 404, forbidden 403, conflict 409, and a business rule 422.
    /// </summary>
    /// <param name="kind">The error kind.</param>
    public static int StatusCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Rule => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown error kind."),
    };

    /// <summary>Creates the problem result of a domain error.</summary>
    /// <param name="error">The error.</param>
    /// <returns>A problem result whose status follows <see cref="StatusCodeOf"/> and whose <c>code</c> member is the error code.</returns>
    public static ProblemHttpResult ToProblem(this DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(
            detail: error.Message,
            statusCode: StatusCodeOf(error.Kind),
            title: TitleOf(error.Kind),
            type: TypePrefix + error.Code,
            extensions: new Dictionary<string, object?> { [CodeExtension] = error.Code });
    }

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "The request is not valid.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Forbidden => "Not allowed.",
        ErrorKind.Conflict => "The request conflicts with the current state.",
        _ => "Refused by a rule of the province.",
    };
}
