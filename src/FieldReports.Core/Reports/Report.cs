using System.Collections.Immutable;
using NodaTime;
using Stateless;

namespace FieldReports.Reports;

/// <summary>
/// A citizen's field report (phản ánh hiện trường) and its workflow: the aggregate that every step of the regulation acts on.
/// </summary>
/// <remarks>
/// <para>
/// The state is changed only by <see cref="Apply"/>, which checks who may act and when (see <see cref="ReportWorkflow"/>),
/// and appends exactly one <see cref="ReportEvent"/> per transition. A refused command returns a <see cref="DomainError"/>
/// and changes nothing. The workflow runs on a Stateless machine whose state is the report's own <see cref="State"/>.
/// </para>
/// <para>Instances are not thread-safe; stores hand each unit of work its own copy and detect concurrent changes by <see cref="Version"/>.</para>
/// </remarks>
public sealed class Report
{
    private readonly List<ReportEvent> _events;
    private StateMachine<ReportState, ReportTrigger>? _machine;
    private ReportWorkflow.GuardContext? _pending;

    private Report(ReportId id, string provinceId, string reporterAccountId, string channel, ReportContent content, ReportState state, List<ReportEvent> events)
    {
        Id = id;
        ProvinceId = provinceId;
        ReporterAccountId = reporterAccountId;
        Channel = channel;
        Content = content;
        State = state;
        _events = events;
    }

    /// <summary>The report's identity.</summary>
    public ReportId Id { get; }

    /// <summary>The province the report belongs to.</summary>
    public string ProvinceId { get; }

    /// <summary>The account of the reporter.</summary>
    public string ReporterAccountId { get; }

    /// <summary>The intake channel the report came in by; replies go back through it.</summary>
    public string Channel { get; }

    /// <summary>What the report says. Fixed at submission.</summary>
    public ReportContent Content { get; }

    /// <summary>The current state.</summary>
    public ReportState State { get; private set; }

    /// <summary>Whether the report is urgent. Set at intake; reception staff may change it when they receive the report.</summary>
    public bool IsUrgent { get; internal set; }

    /// <summary>Whether the reporter asked for the content and result to be kept secret; such a result is never published.</summary>
    public bool IsConfidential { get; private set; }

    /// <summary>The field (lĩnh vực) reception staff classified the report into, once received.</summary>
    public string? FieldCode { get; internal set; }

    /// <summary>The agency currently responsible, once assigned.</summary>
    public string? AssignedAgencyId { get; internal set; }

    /// <summary>The agency that last returned the report as outside its competence.</summary>
    public string? ReturnedByAgencyId { get; internal set; }

    /// <summary>The agency proposed by the agency that returned the report, until it is redistributed.</summary>
    public string? ProposedAgencyId { get; internal set; }

    /// <summary>Why the report was refused at intake, if it was.</summary>
    public IntakeRejectionReason? RejectionReason { get; internal set; }

    /// <summary>The original report this one duplicates, if it was rejected as a duplicate.</summary>
    public ReportId? DuplicateOf { get; internal set; }

    /// <summary>The state the report was escalated from, while it is escalated.</summary>
    public ReportState? EscalatedFrom { get; internal set; }

    /// <summary>The latest result or direct answer shown to the reporter.</summary>
    public string? Result { get; internal set; }

    /// <summary>The ids of the evidence attachments of the latest result.</summary>
    public ImmutableArray<string> Evidence { get; internal set; } = [];

    /// <summary>The reporter's latest rating, if any.</summary>
    public RatingLevel? Rating { get; internal set; }

    /// <summary>The audit trail, oldest first; never empty, never rewritten.</summary>
    public IReadOnlyList<ReportEvent> Events => _events;

    /// <summary>When the report was submitted.</summary>
    public Instant SubmittedAt => _events[0].OccurredAt;

    /// <summary>The version for optimistic concurrency: the number of events, so each transition increments it by one.</summary>
    public int Version => _events.Count;

    /// <summary>Whether the report has ended (rejected, withdrawn or closed).</summary>
    public bool IsTerminal => ReportWorkflow.TerminalStates.Contains(State);

    /// <summary>Creates a report from a submission and records the submission as its first event.</summary>
    /// <param name="id">The new report's id.</param>
    /// <param name="submission">Whose report it is, its channel and marks.</param>
    /// <param name="submitter">The reporter themself, reception staff entering it on their behalf, or the system (an inbound channel).</param>
    /// <param name="at">When it was submitted.</param>
    /// <returns>The report, in <see cref="ReportState.Submitted"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The submission lacks its province, reporter or channel, or the submitter may not submit for this reporter.</exception>
    public static Report Submit(ReportId id, ReportSubmission submission, Actor submitter, Instant at)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(submitter);
        ArgumentException.ThrowIfNullOrWhiteSpace(submission.ProvinceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(submission.ReporterAccountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(submission.Channel);
        if (!ReportWorkflow.SubmitRoles.Contains(submitter.Role)
            || (submitter.Role == ActorRole.Reporter && submitter.AccountId != submission.ReporterAccountId))
        {
            throw new ArgumentException(
                "A report is submitted by its reporter, by reception staff on the reporter's behalf, or by the system for an inbound channel.",
                nameof(submitter));
        }

        var report = new Report(id, submission.ProvinceId, submission.ReporterAccountId, submission.Channel, submission.Content ?? throw new ArgumentException("A submission has content.", nameof(submission)), ReportState.Submitted, [])
        {
            IsUrgent = submission.IsUrgent,
            IsConfidential = submission.IsConfidential,
        };
        report._events.Add(new ReportEvent
        {
            Sequence = 1,
            OccurredAt = at,
            ActorRole = submitter.Role,
            ActorAccountId = submitter.AccountId,
            ActorAgencyId = submitter.AgencyId,
            Trigger = ReportTrigger.Submit,
            From = null,
            To = ReportState.Submitted,
            IsUrgent = report.IsUrgent,
            Data = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
                KeyValuePair.Create("channel", submission.Channel),
                KeyValuePair.Create("confidential", submission.IsConfidential ? "true" : "false"),
            ]),
        });
        return report;
    }

    /// <summary>
    /// Applies a command: checks the actor's rights and the command's preconditions, changes the state and records an event.
    /// </summary>
    /// <param name="command">What to do.</param>
    /// <param name="actor">Who does it.</param>
    /// <param name="at">When. Must not be earlier than the latest event.</param>
    /// <returns>Success, or the error that explains the refusal; a refused command changes nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> or <paramref name="actor"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is earlier than the latest event.</exception>
    public DomainResult Apply(ReportCommand command, Actor actor, Instant at)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        if (at < _events[^1].OccurredAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), "A report's events are recorded in time order; this instant is earlier than its latest event.");
        }

        if (Check(command, actor) is { } error)
        {
            return error;
        }

        var from = State;
        command.ApplyTo(this);
        _pending = new ReportWorkflow.GuardContext(this, actor, command);
        try
        {
            Machine().Fire(command.Trigger);
        }
        finally
        {
            _pending = null;
        }

        _events.Add(new ReportEvent
        {
            Sequence = _events.Count + 1,
            OccurredAt = at,
            ActorRole = actor.Role,
            ActorAccountId = actor.AccountId,
            ActorAgencyId = actor.AgencyId,
            Trigger = command.Trigger,
            From = from,
            To = State,
            IsUrgent = IsUrgent,
            AssignedAgencyId = AssignedAgencyId,
            Note = command.Note,
            Data = command.Data,
        });
        return DomainResult.Success;
    }

    /// <summary>Says whether <paramref name="actor"/> could apply <paramref name="command"/> now, without applying it.</summary>
    /// <param name="command">The command.</param>
    /// <param name="actor">The actor.</param>
    /// <returns>Success, or the error <see cref="Apply"/> would return.</returns>
    public DomainResult CanApply(ReportCommand command, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        return Check(command, actor) is { } error ? error : DomainResult.Success;
    }

    /// <summary>Creates the snapshot a store persists.</summary>
    public ReportSnapshot ToSnapshot() => new()
    {
        Id = Id,
        ProvinceId = ProvinceId,
        ReporterAccountId = ReporterAccountId,
        Channel = Channel,
        Content = Content,
        State = State,
        IsUrgent = IsUrgent,
        IsConfidential = IsConfidential,
        FieldCode = FieldCode,
        AssignedAgencyId = AssignedAgencyId,
        ReturnedByAgencyId = ReturnedByAgencyId,
        ProposedAgencyId = ProposedAgencyId,
        RejectionReason = RejectionReason,
        DuplicateOf = DuplicateOf,
        EscalatedFrom = EscalatedFrom,
        Result = Result,
        Evidence = Evidence,
        Rating = Rating,
        Events = [.. _events],
    };

    /// <summary>Recreates a report from a stored snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The snapshot is inconsistent: no events, a gap in the sequence, or a state that differs from the last event's.</exception>
    public static Report Restore(ReportSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var events = snapshot.Events.OrderBy(e => e.Sequence).ToList();
        if (events.Count == 0 || events[0].Trigger != ReportTrigger.Submit)
        {
            throw new ArgumentException("A stored report starts with its submission event.", nameof(snapshot));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Sequence != i + 1)
            {
                throw new ArgumentException("A stored report's events are numbered from 1 without gaps.", nameof(snapshot));
            }
        }

        if (events[^1].To != snapshot.State)
        {
            throw new ArgumentException("A stored report's state is the state its last event led to.", nameof(snapshot));
        }

        return new Report(snapshot.Id, snapshot.ProvinceId, snapshot.ReporterAccountId, snapshot.Channel, snapshot.Content, snapshot.State, events)
        {
            IsUrgent = snapshot.IsUrgent,
            IsConfidential = snapshot.IsConfidential,
            FieldCode = snapshot.FieldCode,
            AssignedAgencyId = snapshot.AssignedAgencyId,
            ReturnedByAgencyId = snapshot.ReturnedByAgencyId,
            ProposedAgencyId = snapshot.ProposedAgencyId,
            RejectionReason = snapshot.RejectionReason,
            DuplicateOf = snapshot.DuplicateOf,
            EscalatedFrom = snapshot.EscalatedFrom,
            Result = snapshot.Result,
            Evidence = snapshot.Evidence,
            Rating = snapshot.Rating,
        };
    }

    private DomainError? Check(ReportCommand command, Actor actor)
    {
        if (!ReportWorkflow.IsDefined(State, command.Trigger))
        {
            return ErrorCodes.Errors.TransitionNotPermitted(command.Trigger, State);
        }

        if (command.Validate() is { } invalid)
        {
            return invalid;
        }

        // Several transitions may share a trigger (a rating that does or does not open a follow-up): the one whose guards
        // all pass wins; otherwise the error comes from the candidate that got furthest.
        var context = new ReportWorkflow.GuardContext(this, actor, command);
        DomainError? best = null;
        var bestDepth = -1;
        foreach (var transition in ReportWorkflow.Transitions)
        {
            if (transition.From != State || transition.Trigger != command.Trigger)
            {
                continue;
            }

            var depth = 0;
            DomainError? failure = null;
            foreach (var guard in transition.Guards)
            {
                failure = guard.Check(context);
                if (failure is not null)
                {
                    break;
                }

                depth++;
            }

            if (failure is null)
            {
                return null;
            }

            if (depth > bestDepth)
            {
                (best, bestDepth) = (failure, depth);
            }
        }

        return best;
    }

    /// <summary>
    /// The workflow's state machine over this report, configured on the first command applied: most reports a process
    /// holds are read to be shown or listed, or have just been submitted, and never fire a trigger.
    /// </summary>
    private StateMachine<ReportState, ReportTrigger> Machine()
    {
        if (_machine is null)
        {
            _machine = new StateMachine<ReportState, ReportTrigger>(() => State, s => State = s);
            ReportWorkflow.Configure(_machine, () => _pending ?? throw new InvalidOperationException("Guards are evaluated only while a command is applied."));
        }

        return _machine;
    }
}
