using FieldReports.Reports;

namespace FieldReports.Sla;

/// <summary>
/// The SLA rules of a province as configuration: the budget of each step, the out-of-hours policy, the states that
/// pause the clock and the warning threshold. Defaults are the Cà Mau figures (Decision 17/2022/QĐ-UBND art. 7–9)
/// and the Huế interaction rule (Decision 30/2022/QĐ-UBND); see docs/sla.md. Validated by <see cref="SlaOptionsValidator"/>
/// and turned into an immutable <see cref="SlaPolicy"/> by <see cref="SlaPolicy.Create"/>.
/// </summary>
public sealed class SlaOptions
{
    /// <summary>Receive and distribute: 2 hours of working time on a working day, 12 hours on a day off (Cà Mau art. 7.2); urgent 30 minutes elapsed (the regulation says "at once"; the figure is this library's default).</summary>
    public SlaStepOptions ReceiveAndDistribute { get; set; } = new() { WorkingTime = TimeSpan.FromHours(2), DayOff = TimeSpan.FromHours(12), Urgent = TimeSpan.FromMinutes(30) };

    /// <summary>Handle: 4 hours of working time on a working day, 24 hours on a day off (Cà Mau art. 8.1); urgent 30 minutes elapsed ("at once", this library's figure).</summary>
    public SlaStepOptions Handle { get; set; } = new() { WorkingTime = TimeSpan.FromHours(4), DayOff = TimeSpan.FromHours(24), Urgent = TimeSpan.FromMinutes(30) };

    /// <summary>Redistribute a report returned as outside the agency's competence: 1 hour on a working day, 12 hours on a day off (Cà Mau art. 8.1b).</summary>
    public SlaStepOptions ReturnAsWrongCompetence { get; set; } = new() { WorkingTime = TimeSpan.FromHours(1), DayOff = TimeSpan.FromHours(12) };

    /// <summary>Check and publish the result: 2 hours on a working day, 12 hours on a day off (Cà Mau art. 9).</summary>
    public SlaStepOptions ApproveAndPublish { get; set; } = new() { WorkingTime = TimeSpan.FromHours(2), DayOff = TimeSpan.FromHours(12) };

    /// <summary>Answer an interaction: 1 working day (Huế Decision 30/2022: "within 1 day").</summary>
    public SlaStepOptions AnswerInteraction { get; set; } = new() { WorkingDays = 1 };

    /// <summary>Follow up a Not satisfied rating: 1 working day. No regulation sets a figure; this library follows the interaction rule.</summary>
    public SlaStepOptions FollowUpDissatisfiedRating { get; set; } = new() { WorkingDays = 1 };

    /// <summary>The policy for a step that starts on a working day outside office hours. Default <see cref="OutOfHoursPolicy.CountFromNextOpening"/>.</summary>
    public OutOfHoursPolicy OutOfHours { get; set; } = OutOfHoursPolicy.CountFromNextOpening;

    /// <summary>The share of a budget after which a step is flagged as at risk, in (0, 1]. Default 0.75.</summary>
    public double WarningThreshold { get; set; } = 0.75;

    /// <summary>
    /// The states during which the running step's clock stops; <see langword="null"/> (the default) for
    /// <see cref="ReportState.Escalated"/> only. Setting a list replaces the default (list it again to keep it).
    /// States that start a step cannot pause one.
    /// </summary>
    public List<ReportState>? PauseStates { get; set; }
}
