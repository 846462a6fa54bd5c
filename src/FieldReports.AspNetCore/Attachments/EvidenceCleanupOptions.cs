namespace FieldReports.AspNetCore;

/// <summary>
/// The options of the evidence cleanup, <see cref="FieldReportsAspNetCoreOptions.EvidenceCleanup"/>: evidence uploaded by
/// handling staff that no result cited is deleted (its bytes, its stripped copy and its row) once the report is where no
/// result can be submitted any more and the evidence is older than <see cref="Retention"/>.
/// </summary>
public sealed class EvidenceCleanupOptions
{
    /// <summary>
    /// Whether the background service runs the cleanup. <see langword="true"/> by default; set it to
    /// <see langword="false"/> on instances that must not.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a pass runs. 1 hour by default; from 1 second to 1 day.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after its upload uncited evidence is kept at least, whatever the report's state. 1 day by default; zero
    /// or more.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the instance running the passes keeps the cleanup's lease without renewing it. 2 hours by default; longer
    /// than <see cref="Interval"/>.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many attachments a pass reads at a time. 100 by default; from 1 to 1,000.</summary>
    public int PageSize { get; set; } = 100;

    internal IEnumerable<string> Check()
    {
        const string key = "FieldReportsAspNetCoreOptions.EvidenceCleanup";
        if (Interval < TimeSpan.FromSeconds(1) || Interval > TimeSpan.FromDays(1))
        {
            yield return $"{key}.Interval must be from 00:00:01 to 1.00:00:00 (it is {Interval}).";
        }

        if (Retention < TimeSpan.Zero)
        {
            yield return $"{key}.Retention must be zero or more (it is {Retention}).";
        }

        if (LeaseDuration <= Interval)
        {
            yield return $"{key}.LeaseDuration must be longer than Interval (it is {LeaseDuration}, Interval {Interval}).";
        }

        if (PageSize is < 1 or > 1000)
        {
            yield return $"{key}.PageSize must be from 1 to 1000 (it is {PageSize}).";
        }
    }
}
