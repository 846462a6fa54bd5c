using System.Collections.Frozen;
using FieldReports.Reports;

namespace FieldReports.Sla;

/// <summary>
/// The SLA rules of a province, validated and immutable: a rule per step, the states that pause the clock and the
/// warning threshold. Thread-safe.
/// </summary>
public sealed class SlaPolicy
{
    private static readonly FrozenSet<ReportState> StepStates = new[]
    {
        ReportState.Submitted, ReportState.Received, ReportState.Assigned, ReportState.InHandling,
        ReportState.ReturnedToCentre, ReportState.ResultSubmitted, ReportState.FollowUpRequired,
    }.ToFrozenSet();

    private readonly SlaRule?[] _rules;

    private SlaPolicy(SlaRule?[] rules, double warningThreshold, FrozenSet<ReportState> pauseStates)
    {
        _rules = rules;
        WarningThreshold = warningThreshold;
        PauseStates = pauseStates;
    }

    /// <summary>The default policy: the Cà Mau figures (Decision 17/2022/QĐ-UBND art. 7–9), see <see cref="SlaOptions"/>.</summary>
    public static SlaPolicy Default { get; } = Create(new SlaOptions());

    /// <summary>The share of a budget after which a step is flagged as at risk, in (0, 1].</summary>
    public double WarningThreshold { get; }

    /// <summary>The states during which the running step's clock stops.</summary>
    public IReadOnlySet<ReportState> PauseStates { get; }

    /// <summary>The rule of a step.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not a defined step.</exception>
    public SlaRule this[SlaStep step] =>
        (uint)step < (uint)_rules.Length && _rules[(int)step] is { } rule
            ? rule
            : throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown SLA step.");

    /// <summary>Creates a policy from options.</summary>
    /// <param name="options">The options; read once, not kept.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static SlaPolicy Create(SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        return TryCreate(options, errors) ?? throw new ArgumentException("Invalid SLA options: " + string.Join(" ", errors), nameof(options));
    }

    internal static bool StartsAStep(ReportState state) => StepStates.Contains(state);

    internal static SlaPolicy? TryCreate(SlaOptions options, List<string> errors)
    {
        var before = errors.Count;
        var steps = Enum.GetValues<SlaStep>();
        var rules = new SlaRule?[steps.Length];
        foreach (var step in steps)
        {
            var o = step switch
            {
                SlaStep.ReceiveAndDistribute => options.ReceiveAndDistribute,
                SlaStep.Handle => options.Handle,
                SlaStep.ReturnAsWrongCompetence => options.ReturnAsWrongCompetence,
                SlaStep.ApproveAndPublish => options.ApproveAndPublish,
                SlaStep.AnswerInteraction => options.AnswerInteraction,
                _ => options.FollowUpDissatisfiedRating,
            };
            rules[(int)step] = Rule(step, o, options.OutOfHours, errors);
        }

        if (!(options.WarningThreshold > 0 && options.WarningThreshold <= 1))
        {
            errors.Add($"WarningThreshold must be more than 0 and at most 1 (a share of the budget, 0.75 for 75%), not {options.WarningThreshold}.");
        }

        if (!Enum.IsDefined(options.OutOfHours))
        {
            errors.Add($"OutOfHours: unknown policy '{options.OutOfHours}'; use CountFromNextOpening or TreatAsDayOff.");
        }

        var pauses = options.PauseStates ?? [ReportState.Escalated];
        foreach (var state in pauses)
        {
            if (!Enum.IsDefined(state))
            {
                errors.Add($"PauseStates: unknown state '{state}'.");
            }
            else if (StartsAStep(state))
            {
                errors.Add($"PauseStates: {state} starts or continues a step, so it cannot pause one.");
            }
        }

        return errors.Count > before ? null : new SlaPolicy(rules, options.WarningThreshold, pauses.ToFrozenSet());
    }

    private static SlaRule? Rule(SlaStep step, SlaStepOptions? o, OutOfHoursPolicy outOfHours, List<string> errors)
    {
        if (o is null)
        {
            errors.Add($"{step}: no time limit is configured.");
            return null;
        }

        var count = errors.Count;
        void Positive(TimeSpan? value, string name)
        {
            if (value is { } v && v <= TimeSpan.Zero)
            {
                errors.Add($"{step}.{name} must be positive, not {v}.");
            }
        }

        Positive(o.WorkingTime, nameof(o.WorkingTime));
        Positive(o.DayOff, nameof(o.DayOff));
        Positive(o.Urgent, nameof(o.Urgent));
        if (o.WorkingDays is { } days)
        {
            if (days < 1)
            {
                errors.Add($"{step}.WorkingDays must be at least 1, not {days}.");
            }

            if (o.WorkingTime is not null || o.DayOff is not null)
            {
                errors.Add($"{step}: set either WorkingDays or WorkingTime and DayOff, not both.");
            }
        }
        else if (o.WorkingTime is null || o.DayOff is null)
        {
            errors.Add($"{step}: set both WorkingTime (budget on a working day) and DayOff (budget on a day off), or WorkingDays.");
        }

        if (o.OutOfHours is { } p && !Enum.IsDefined(p))
        {
            errors.Add($"{step}.OutOfHours: unknown policy '{p}'; use CountFromNextOpening or TreatAsDayOff.");
        }

        return errors.Count > count
            ? null
            : new SlaRule
            {
                Step = step,
                WorkingTime = o.WorkingTime is { } w ? NodaTime.Duration.FromTimeSpan(w) : null,
                DayOff = o.DayOff is { } d ? NodaTime.Duration.FromTimeSpan(d) : null,
                WorkingDays = o.WorkingDays,
                Urgent = o.Urgent is { } u ? NodaTime.Duration.FromTimeSpan(u) : null,
                OutOfHours = o.OutOfHours ?? outOfHours,
            };
    }
}
