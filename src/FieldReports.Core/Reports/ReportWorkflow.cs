using System.Collections.Frozen;
using Stateless;
using Stateless.Graph;

namespace FieldReports.Reports;

/// <summary>
/// The report workflow as data: every transition with the guards that decide who may fire it and when. The Stateless
/// machine inside <see cref="Report"/> is configured from this table, and so is the committed diagram.
/// </summary>
public static class ReportWorkflow
{
    private static readonly ActorRole[] Centre = [ActorRole.ReceptionStaff, ActorRole.Approver];
    private static readonly ActorRole[] Closers = [ActorRole.ReceptionStaff, ActorRole.Approver, ActorRole.Administrator, ActorRole.System];

    private static readonly Guard IsReporter = new(
        "actor is the report's reporter",
        c => c.Actor.Role == ActorRole.Reporter && c.Actor.AccountId == c.Report.ReporterAccountId ? null : ErrorCodes.Errors.NotTheReporter(c.Command.Trigger));

    private static readonly Guard IsAssignedHandler = new(
        "actor works for the assigned agency",
        c => c.Actor.AgencyId is not null && c.Actor.AgencyId == c.Report.AssignedAgencyId ? null : ErrorCodes.Errors.NotAssignedToAgency(c.Command.Trigger));

    private static readonly Guard IsFollowUpAnswerer = new(
        "actor works for the assigned agency, or the centre answered directly",
        c => c.Report.AssignedAgencyId is null
            ? (c.Actor.Role == ActorRole.ReceptionStaff ? null : ErrorCodes.Errors.RoleNotPermitted(c.Command.Trigger, c.Actor.Role, [ActorRole.ReceptionStaff]))
            : (c.Actor.Role == ActorRole.HandlingStaff && c.Actor.AgencyId == c.Report.AssignedAgencyId
                ? null
                : c.Actor.Role == ActorRole.HandlingStaff
                    ? ErrorCodes.Errors.NotAssignedToAgency(c.Command.Trigger)
                    : ErrorCodes.Errors.RoleNotPermitted(c.Command.Trigger, c.Actor.Role, [ActorRole.HandlingStaff])));

    private static readonly Guard NotConfidential = new(
        "report is not confidential",
        c => c.Report.IsConfidential ? ErrorCodes.Errors.ConfidentialCannotBePublished() : null);

    private static readonly Guard ToAnotherAgency = new(
        "new agency differs from the one that returned it",
        c => c.Command is RedistributeCommand r && r.AgencyId == c.Report.ReturnedByAgencyId ? ErrorCodes.Errors.RedistributedToSameAgency() : null);

    private static readonly Guard RatingKeepsOpen = new(
        "rating does not open a follow-up",
        c => c.Command is RateCommand { Level.OpensFollowUp: false } ? null : Mismatch());

    private static readonly Guard RatingOpensFollowUp = new(
        "rating opens a follow-up",
        c => c.Command is RateCommand { Level.OpensFollowUp: true } ? null : Mismatch());

    /// <summary>Every transition of the workflow, in the order the diagram lists them.</summary>
    internal static IReadOnlyList<Transition> Transitions { get; } = BuildTransitions();

    /// <summary>Every transition of the workflow with its roles and conditions, in the order of the diagram.</summary>
    public static IReadOnlyList<WorkflowTransition> All { get; } = [.. Transitions.Select(t =>
        new WorkflowTransition(t.From, t.Trigger, t.To, t.Roles, [.. t.Guards.Skip(1).Select(g => g.Description)]))];

    /// <summary>The roles allowed to fire each trigger, whatever the state.</summary>
    internal static FrozenDictionary<ReportTrigger, ActorRole[]> AllowedRoles { get; } = Transitions
        .GroupBy(t => t.Trigger)
        .ToFrozenDictionary(g => g.Key, g => g.SelectMany(t => t.Roles).Distinct().Order().ToArray());

    /// <summary>The roles that may create a report: the reporter, reception staff entering it on a reporter's behalf, and the system (inbound channels).</summary>
    internal static ActorRole[] SubmitRoles { get; } = [ActorRole.Reporter, ActorRole.ReceptionStaff, ActorRole.System];

    private static readonly FrozenSet<(ReportState, ReportTrigger)> Defined =
        Transitions.Select(t => (t.From, t.Trigger)).ToFrozenSet();

    /// <summary>The states in which a report has ended and accepts no trigger.</summary>
    public static IReadOnlySet<ReportState> TerminalStates { get; } =
        new HashSet<ReportState> { ReportState.RejectedAtIntake, ReportState.Withdrawn, ReportState.Closed };

    /// <summary>Whether the workflow defines <paramref name="trigger"/> in <paramref name="state"/> for some actor.</summary>
    /// <param name="state">The state.</param>
    /// <param name="trigger">The trigger.</param>
    public static bool IsDefined(ReportState state, ReportTrigger trigger) => Defined.Contains((state, trigger));

    /// <summary>The roles that may fire <paramref name="trigger"/> in some state.</summary>
    /// <param name="trigger">The trigger.</param>
    public static IReadOnlyList<ActorRole> RolesAllowedTo(ReportTrigger trigger) =>
        trigger == ReportTrigger.Submit ? SubmitRoles : AllowedRoles.GetValueOrDefault(trigger, []);

    /// <summary>
    /// The workflow as a Mermaid state diagram, generated from the configured Stateless machine. The copy committed
    /// in <c>docs/workflow.md</c> is compared with this by a test.
    /// </summary>
    public static string ToMermaid()
    {
        var holder = ReportState.Submitted;
        var machine = new StateMachine<ReportState, ReportTrigger>(() => holder, s => holder = s);
        Configure(machine, () => throw new InvalidOperationException("The diagram machine evaluates no guard."));
        return MermaidGraph.Format(machine.GetInfo());
    }

    internal static void Configure(StateMachine<ReportState, ReportTrigger> machine, Func<GuardContext> context)
    {
        foreach (var transition in Transitions)
        {
            var guards = transition.Guards
                .Select(g => new Tuple<Func<bool>, string>(() => g.Check(context()) is null, g.Description))
                .ToArray();
            var state = machine.Configure(transition.From);
            if (transition.From == transition.To)
            {
                state.PermitReentryIf(transition.Trigger, guards);
            }
            else
            {
                state.PermitIf(transition.Trigger, transition.To, guards);
            }
        }

        foreach (var terminal in TerminalStates)
        {
            machine.Configure(terminal);
        }
    }

    private static DomainError Mismatch() =>
        new(ErrorCodes.ArgumentInvalid, ErrorKind.Validation, "The command does not match this transition.");

    private static List<Transition> BuildTransitions()
    {
        var list = new List<Transition>();

        void Add(ReportState from, ReportTrigger trigger, ReportState to, ActorRole[] roles, params Guard[] guards)
        {
            var roleGuard = new Guard(
                "actor is " + string.Join(" or ", roles),
                c => roles.Contains(c.Actor.Role) ? null : ErrorCodes.Errors.RoleNotPermitted(c.Command.Trigger, c.Actor.Role, roles));
            list.Add(new Transition(from, trigger, to, roles, [roleGuard, .. guards]));
        }

        ActorRole[] reception = [ActorRole.ReceptionStaff];
        ActorRole[] approver = [ActorRole.Approver];
        ActorRole[] handler = [ActorRole.HandlingStaff];
        ActorRole[] reporter = [ActorRole.Reporter];

        // Intake (Cà Mau art. 6–7).
        Add(ReportState.Submitted, ReportTrigger.Withdraw, ReportState.Withdrawn, reporter, IsReporter);
        Add(ReportState.Submitted, ReportTrigger.Reject, ReportState.RejectedAtIntake, reception);
        Add(ReportState.Submitted, ReportTrigger.Receive, ReportState.Received, reception);

        // Distribution (art. 7.1b): assign, or answer directly where the centre has grounds to.
        Add(ReportState.Received, ReportTrigger.Assign, ReportState.Assigned, reception);
        Add(ReportState.Received, ReportTrigger.AnswerDirectly, ReportState.AnsweredDirectly, reception);

        // Handling (art. 8).
        Add(ReportState.Assigned, ReportTrigger.Acknowledge, ReportState.InHandling, handler, IsAssignedHandler);
        Add(ReportState.Assigned, ReportTrigger.ReturnToCentre, ReportState.ReturnedToCentre, handler, IsAssignedHandler);
        Add(ReportState.InHandling, ReportTrigger.ReturnToCentre, ReportState.ReturnedToCentre, handler, IsAssignedHandler);
        Add(ReportState.InHandling, ReportTrigger.SubmitResult, ReportState.ResultSubmitted, handler, IsAssignedHandler);
        Add(ReportState.ReturnedToCentre, ReportTrigger.Redistribute, ReportState.Assigned, reception, ToAnotherAgency);
        Add(ReportState.ReturnedToCentre, ReportTrigger.AnswerDirectly, ReportState.AnsweredDirectly, reception);

        // Check and publish (art. 9).
        Add(ReportState.ResultSubmitted, ReportTrigger.SendBack, ReportState.InHandling, approver);
        Add(ReportState.ResultSubmitted, ReportTrigger.Approve, ReportState.Published, approver, NotConfidential);
        Add(ReportState.ResultSubmitted, ReportTrigger.ReplyPrivately, ReportState.RepliedPrivately, approver);

        // Escalation to the province's escalation body (art. 4.7), and resumption on its direction.
        foreach (var from in new[] { ReportState.Received, ReportState.Assigned, ReportState.InHandling, ReportState.ReturnedToCentre, ReportState.ResultSubmitted })
        {
            Add(from, ReportTrigger.Escalate, ReportState.Escalated, Centre);
        }

        Add(ReportState.Escalated, ReportTrigger.Resume, ReportState.Assigned, Centre);

        // Rating and follow-up (Huế Decision 30/2022; Cà Mau art. 10).
        foreach (var from in new[] { ReportState.Published, ReportState.RepliedPrivately, ReportState.AnsweredDirectly, ReportState.Rated, ReportState.FollowUpAnswered })
        {
            Add(from, ReportTrigger.Rate, ReportState.Rated, reporter, IsReporter, RatingKeepsOpen);
            Add(from, ReportTrigger.Rate, ReportState.FollowUpRequired, reporter, IsReporter, RatingOpensFollowUp);
            Add(from, ReportTrigger.Close, ReportState.Closed, Closers);
        }

        Add(ReportState.FollowUpRequired, ReportTrigger.AnswerFollowUp, ReportState.FollowUpAnswered, [ActorRole.HandlingStaff, ActorRole.ReceptionStaff], IsFollowUpAnswerer);

        return list;
    }

    internal readonly record struct GuardContext(Report Report, Actor Actor, ReportCommand Command);

    internal sealed record Guard(string Description, Func<GuardContext, DomainError?> Check);

    internal sealed record Transition(ReportState From, ReportTrigger Trigger, ReportState To, ActorRole[] Roles, Guard[] Guards);
}
