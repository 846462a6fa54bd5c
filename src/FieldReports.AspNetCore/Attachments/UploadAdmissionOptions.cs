namespace FieldReports.AspNetCore;

/// <summary>
/// How many multipart uploads (reports with photos or videos, a result's evidence) one instance reads at the same time.
/// Uploads beyond <see cref="MaxConcurrent"/> wait in arrival order; when <see cref="QueueLimit"/> are waiting, or one has
/// waited <see cref="QueueTimeout"/>, the API answers 503 <c>server.busy</c> with <c>Retry-After</c> before reading the
/// body, so that a burst of large uploads is paced instead of slowing every request down until bodies time out.
/// </summary>
public sealed class UploadAdmissionOptions
{
    /// <summary>
    /// Uploads read at the same time. Default 32, or 8 per processor where that is more: an upload mostly waits for the
    /// network and for the disk's flushes, which concurrent uploads share, and images that must be re-encoded are cleaned
    /// at most one per processor whatever this allows. Each upload holds its images in memory while they are checked, so
    /// this bounds that memory too.
    /// </summary>
    public int MaxConcurrent { get; set; } = Math.Max(32, Environment.ProcessorCount * 8);

    /// <summary>Uploads that may wait for their turn; more are refused at once. Default 64; 0 refuses whenever all are busy.</summary>
    public int QueueLimit { get; set; } = 64;

    /// <summary>How long an upload waits for its turn before it is refused. Default 10 seconds.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The seconds the 503's <c>Retry-After</c> asks a client to wait. Default 5.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    internal IEnumerable<string> Check()
    {
        if (MaxConcurrent < 1)
        {
            yield return "FieldReports:Uploads:MaxConcurrent must be at least 1.";
        }

        if (QueueLimit < 0)
        {
            yield return "FieldReports:Uploads:QueueLimit cannot be negative.";
        }

        if (QueueTimeout <= TimeSpan.Zero)
        {
            yield return "FieldReports:Uploads:QueueTimeout must be positive.";
        }

        if (RetryAfterSeconds < 1)
        {
            yield return "FieldReports:Uploads:RetryAfterSeconds must be at least 1.";
        }
    }
}
