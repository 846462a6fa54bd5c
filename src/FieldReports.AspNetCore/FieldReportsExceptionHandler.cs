using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FieldReports.AspNetCore;

/// <summary>
/// Turns malformed requests into 4xx problem details with a code, and any other failure into a 500 that reveals nothing;
/// logs the failure without request data.
/// </summary>
internal sealed partial class FieldReportsExceptionHandler(IProblemDetailsService problems, ILogger<FieldReportsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (bad.StatusCode, ErrorCodes.RequestTooLarge, "The request body is larger than this endpoint accepts."),
            BadHttpRequestException bad =>
                (bad.StatusCode, ErrorCodes.RequestMalformed, "The request could not be read: check its syntax, types and encoding."),
            _ => (StatusCodes.Status500InternalServerError, ErrorCodes.ServerError, "The server failed to handle the request. It has been logged."),
        };

        if (status >= 500)
        {
            LogUnhandled(logger, exception.GetType().FullName ?? "?", httpContext.TraceIdentifier);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Type = DomainErrorResults.TypePrefix + code,
                Title = status >= 500 ? "Internal error." : "The request is not valid.",
                Detail = detail,
                Extensions = { [DomainErrorResults.CodeExtension] = code },
            },
        });
    }

    [LoggerMessage(EventId = 1000, EventName = "UnhandledException", Level = LogLevel.Error, Message = "Unhandled {ExceptionType} while handling request {TraceId}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string traceId);
}
