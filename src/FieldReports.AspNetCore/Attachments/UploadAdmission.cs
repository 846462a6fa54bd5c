using System.Threading.RateLimiting;
using FieldReports.AspNetCore.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FieldReports.AspNetCore;

/// <summary>Admits multipart uploads by <see cref="UploadAdmissionOptions"/>: a concurrency limiter with a bounded, ordered queue.</summary>
internal sealed class UploadAdmission : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly UploadAdmissionOptions _options;

    public UploadAdmission(IOptions<FieldReportsAspNetCoreOptions> options)
    {
        _options = options.Value.Uploads;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.MaxConcurrent,
            QueueLimit = _options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Waits for the upload's turn; the lease (dispose it when the request is done), or null when it is refused.</summary>
    public async ValueTask<RateLimitLease?> EnterAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_options.QueueTimeout);
        try
        {
            var lease = await _limiter.AcquireAsync(1, wait.Token);
            if (lease.IsAcquired)
            {
                return lease;
            }

            lease.Dispose();
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The 503 that refuses an upload, with <c>Retry-After</c>.</summary>
    public ProblemHttpResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = _options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail: "The server is taking as many uploads as it can; nothing was read or stored. Retry after the time in Retry-After.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The upload is not accepted now.",
            type: DomainErrorResults.TypePrefix + ErrorCodes.ServerBusy,
            extensions: new Dictionary<string, object?> { [DomainErrorResults.CodeExtension] = ErrorCodes.ServerBusy });
    }

    public void Dispose() => _limiter.Dispose();
}
