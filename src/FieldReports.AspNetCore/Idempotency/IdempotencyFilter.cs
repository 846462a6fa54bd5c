using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FieldReports.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.AspNetCore;

/// <summary>
/// Honours the <c>Idempotency-Key</c> header (IETF httpapi idempotency-key draft) on POSTs a client retries: the first
/// request with a key runs and its response is stored; a retry replays it (with <c>Idempotent-Replayed: true</c>); a retry
/// while the first still runs gets 409; the key reused with another payload gets 422. Keys are scoped per province and
/// account and forgotten after <see cref="FieldReportsAspNetCoreOptions.IdempotencyKeyLifetime"/>. Without the header the
/// request runs as usual. Responses of 5xx, 409 and 429 are not stored, so such a request may be retried with the same key.
/// </summary>
internal sealed class IdempotencyFilter(IIdempotencyStore store, ActorResolution resolution, IClock clock, IOptions<FieldReportsAspNetCoreOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return await next(context);
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > 255 || key.Any(c => c is < (char)0x21 or > (char)0x7E))
        {
            return Problem(StatusCodes.Status400BadRequest, ErrorCodes.IdempotencyKeyInvalid, "The Idempotency-Key header is one value of 1 to 255 printable ASCII characters.");
        }

        var account = (await resolution.ResolveAsync(http))?.Actor.AccountId;
        if (account is null)
        {
            return await next(context);
        }

        var scope = (http.Request.RouteValues["provinceId"] as string ?? "") + "\n" + account;
        var now = clock.GetCurrentInstant();
        var claim = await store.TryClaimAsync(scope, key, Fingerprint(context), now, now + Duration.FromTimeSpan(options.Value.IdempotencyKeyLifetime), http.RequestAborted);
        switch (claim.Status)
        {
            case IdempotencyClaimStatus.InFlight:
                return Problem(StatusCodes.Status409Conflict, ErrorCodes.IdempotencyKeyInFlight, "A request with this Idempotency-Key is still being handled; retry shortly.");
            case IdempotencyClaimStatus.FingerprintMismatch:
                return Problem(StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyKeyReused, "This Idempotency-Key was used for a different request; send a new key.");
            case IdempotencyClaimStatus.Completed when claim.Response is { } stored:
                return new Replay(stored);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await store.ReleaseAsync(scope, key, CancellationToken.None);
            throw;
        }

        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        var status = (inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status >= 500 || status is StatusCodes.Status409Conflict or StatusCodes.Status429TooManyRequests || inner is not IValueHttpResult value)
        {
            await store.ReleaseAsync(scope, key, CancellationToken.None);
            return result;
        }

        var contentType = inner is ProblemHttpResult or ValidationProblem ? "application/problem+json" : "application/json";
        var location = inner.GetType().GetProperty("Location")?.GetValue(inner) as string;
        var body = JsonSerializer.Serialize(value.Value, value.Value?.GetType() ?? typeof(object), json.Value.SerializerOptions);
        await store.CompleteAsync(scope, key, new IdempotentResponse(status, contentType, location, body), CancellationToken.None);
        return result;
    }

    private static string Fingerprint(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var text = new StringBuilder().Append(http.Request.Method).Append(' ').Append(http.Request.Path.Value).Append('\n');
        foreach (var argument in context.Arguments)
        {
            if (argument is null or HttpContext or CancellationToken || argument.GetType().Namespace != typeof(Endpoints.SubmitReportRequest).Namespace)
            {
                continue;
            }

            text.Append(JsonSerializer.Serialize(argument, argument.GetType())).Append('\n');
        }

        // A multipart body is streamed, not bound: its length stands for it (a retry sends the same bytes).
        if (http.Request.HasFormContentType || http.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            text.Append("multipart:").Append(http.Request.ContentLength);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static ProblemHttpResult Problem(int status, string code, string detail) => TypedResults.Problem(
        detail: detail,
        statusCode: status,
        title: "The Idempotency-Key cannot be honoured.",
        type: DomainErrorResults.TypePrefix + code,
        extensions: new Dictionary<string, object?> { [DomainErrorResults.CodeExtension] = code });

    private sealed class Replay(IdempotentResponse response) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = response.StatusCode;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (response.Location is { } location)
            {
                httpContext.Response.Headers.Location = location;
            }

            httpContext.Response.ContentType = response.ContentType ?? "application/json";
            return httpContext.Response.WriteAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
