namespace FieldReports.Sla;

/// <summary>
/// The options of the SLA monitor (<see cref="SlaMonitor"/>), bound from <c>FieldReports:SlaMonitor</c>. Validated at
/// start-up with the rest of <see cref="Provinces.FieldReportsOptions"/>.
/// </summary>
public sealed class SlaMonitorOptions
{
    /// <summary>
    /// Whether the background service runs the monitor. <see langword="true"/> by default; set it to
    /// <see langword="false"/> on instances that must not (a host that runs the monitor elsewhere, or tests).
    /// <see cref="SlaMonitor.RunPassAsync"/> itself runs whatever this says.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a pass runs. 1 minute by default; from 1 second to 1 hour.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long before a step's deadline the one responsible for the step is reminded (<see cref="SlaMessageTypes.Reminder"/>).
    /// 1 hour by default; positive.
    /// </summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after a step's deadline a report still in that step is raised to the centre for follow-up
    /// (<see cref="SlaMessageTypes.LongOverdue"/>). 1 day by default (elapsed time, not working time); positive.
    /// </summary>
    public TimeSpan LongOverdueAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the instance that runs the passes keeps the monitor's lease without renewing it; another instance takes
    /// over when it runs out (the holder stopped or hangs). 5 minutes by default; longer than <see cref="Interval"/>, since
    /// the holder renews it at each pass.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many reports a pass reads at a time. 200 by default; from 1 to 500.</summary>
    public int PageSize { get; set; } = 200;

    internal IEnumerable<string> Check()
    {
        const string key = "FieldReports:SlaMonitor";
        if (Interval < TimeSpan.FromSeconds(1) || Interval > TimeSpan.FromHours(1))
        {
            yield return $"{key}:Interval must be from 00:00:01 to 01:00:00 (it is {Interval}).";
        }

        if (ReminderLead <= TimeSpan.Zero)
        {
            yield return $"{key}:ReminderLead must be positive, for example 01:00:00 (it is {ReminderLead}).";
        }

        if (LongOverdueAfter <= TimeSpan.Zero)
        {
            yield return $"{key}:LongOverdueAfter must be positive, for example 1.00:00:00 (it is {LongOverdueAfter}).";
        }

        if (LeaseDuration <= Interval)
        {
            yield return $"{key}:LeaseDuration must be longer than Interval, so that the instance running the passes keeps its lease (it is {LeaseDuration}, Interval {Interval}).";
        }

        if (PageSize is < 1 or > 500)
        {
            yield return $"{key}:PageSize must be from 1 to 500 (it is {PageSize}).";
        }
    }
}
