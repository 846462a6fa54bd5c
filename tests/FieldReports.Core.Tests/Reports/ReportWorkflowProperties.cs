using FieldReports.Reports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace FieldReports.Core.Tests.Reports;

/// <summary>Invariants of the workflow under random sequences of commands by random actors.</summary>
public class ReportWorkflowProperties
{
    private static readonly ReportTrigger[] Triggers = [.. Enum.GetValues<ReportTrigger>().Where(t => t != ReportTrigger.Submit)];

    // A step is either fully random (any actor, any trigger) or guided: a transition defined in the current state, fired
    // by an actor of one of its roles (whose identity may still be wrong). Guided steps let walks reach every state.
    private static readonly Gen<Step> StepGen =
        from guided in Gen.Elements(true, true, false)
        from actor in Gen.Choose(0, Scenario.AllActors.Count - 1)
        from trigger in Gen.Elements(Triggers)
        from variant in Gen.Choose(0, 3)
        select new Step(guided, actor, trigger, variant);

    private static readonly Arbitrary<Step[]> Steps =
        Gen.ArrayOf(StepGen).Select(a => a.Length > 60 ? a[..60] : a).ToArbitrary();

    [Fact]
    public void Guided_random_walks_reach_every_state()
    {
        var random = new Random(20261122);
        var seen = new HashSet<ReportState>();
        for (var walk = 0; walk < 300; walk++)
        {
            var report = Scenario.NewReport(confidential: walk % 5 == 0);
            var at = Scenario.Start;
            for (var i = 0; i < 40; i++)
            {
                var step = new Step(random.Next(3) > 0, random.Next(Scenario.AllActors.Count), Triggers[random.Next(Triggers.Length)], random.Next(4));
                var (actor, trigger) = Resolve(report.State, step);
                at += Duration.FromMinutes(1);
                report.Apply(CommandFor(trigger, step.Variant), actor, at);
                seen.Add(report.State);
            }
        }

        Assert.Equal(Enum.GetValues<ReportState>().Order(), seen.Order());
    }

    [Property(MaxTest = 500)]
    public Property Random_command_sequences_keep_every_invariant_of_the_workflow() =>
        Prop.ForAll(Steps, Gen.Elements(true, false).ToArbitrary(), (steps, confidential) =>
        {
            var report = Scenario.NewReport(confidential);
            var at = Scenario.Start;
            var successes = 0;
            foreach (var step in steps)
            {
                var (actor, trigger) = Resolve(report.State, step);
                var command = CommandFor(trigger, step.Variant);
                var before = report.ToSnapshot();
                at += Duration.FromMinutes(7);

                var result = report.Apply(command, actor, at);

                if (!result.IsSuccess)
                {
                    // A refused command changes nothing.
                    Assert.Equivalent(before, report.ToSnapshot(), strict: true);
                    continue;
                }

                successes++;
                Assert.True(ReportWorkflow.IsDefined(before.State, trigger), $"{trigger} fired in {before.State}");
                Assert.DoesNotContain(before.State, ReportWorkflow.TerminalStates);
                Assert.True(Enum.IsDefined(report.State));
                Assert.Contains(report.State, ReportWorkflow.Transitions.Where(t => t.From == before.State && t.Trigger == trigger).Select(t => t.To));
                Assert.Contains(actor.Role, ReportWorkflow.Transitions.Where(t => t.From == before.State && t.Trigger == trigger).SelectMany(t => t.Roles));
                AssertIdentityRights(before, actor, trigger);
                if (trigger == ReportTrigger.Approve)
                {
                    Assert.False(before.IsConfidential, "a confidential report was published");
                }

                var e = report.Events[^1];
                Assert.Equal((before.State, report.State, trigger, actor.AccountId, at), (e.From!.Value, e.To, e.Trigger, e.ActorAccountId, e.OccurredAt));
            }

            // No event is lost: one for the submission and one per accepted command, numbered without gaps.
            Assert.Equal(1 + successes, report.Events.Count);
            Assert.Equal(Enumerable.Range(1, report.Events.Count), report.Events.Select(e => e.Sequence));
            Assert.Equal(report.State, report.Events[^1].To);
            Assert.False(confidential && report.Events.Any(e => e.To == ReportState.Published));
        });

    private static (Actor Actor, ReportTrigger Trigger) Resolve(ReportState state, Step step)
    {
        var defined = ReportWorkflow.Transitions.Where(t => t.From == state).ToArray();
        if (!step.Guided || defined.Length == 0)
        {
            return (Scenario.AllActors[step.Actor], step.Trigger);
        }

        var transition = defined[(step.Actor + step.Variant) % defined.Length];
        var candidates = Scenario.AllActors.Where(a => transition.Roles.Contains(a.Role)).ToArray();
        return (candidates[step.Actor % candidates.Length], transition.Trigger);
    }

    private static void AssertIdentityRights(ReportSnapshot before, Actor actor, ReportTrigger trigger)
    {
        switch (actor.Role)
        {
            case ActorRole.Reporter:
                Assert.Equal(before.ReporterAccountId, actor.AccountId);
                break;
            case ActorRole.HandlingStaff:
                Assert.Equal(before.AssignedAgencyId, actor.AgencyId);
                break;
            case ActorRole.Leader:
                Assert.Fail($"a leader fired {trigger}");
                break;
            case ActorRole.Administrator or ActorRole.System:
                Assert.Equal(ReportTrigger.Close, trigger);
                break;
            default:
                break;
        }
    }

    private static ReportCommand CommandFor(ReportTrigger trigger, int variant)
    {
        var agency = variant % 2 == 0 ? Scenario.AgencyA : Scenario.AgencyB;
        return trigger switch
        {
            ReportTrigger.Withdraw => new WithdrawCommand(),
            ReportTrigger.Reject => new RejectCommand((IntakeRejectionReason)(variant % 3)),
            ReportTrigger.Receive => new ReceiveCommand("transport", variant == 3),
            ReportTrigger.AnswerDirectly => new AnswerDirectlyCommand("Trả lời"),
            ReportTrigger.Assign => new AssignCommand(agency),
            ReportTrigger.Acknowledge => new AcknowledgeCommand(),
            ReportTrigger.ReturnToCentre => new ReturnToCentreCommand("Sai thẩm quyền", variant == 0 ? null : agency),
            ReportTrigger.Redistribute => new RedistributeCommand(agency),
            ReportTrigger.SubmitResult => new SubmitResultCommand("Kết quả"),
            ReportTrigger.SendBack => new SendBackCommand("Bổ sung"),
            ReportTrigger.Approve => new ApproveCommand(),
            ReportTrigger.ReplyPrivately => new ReplyPrivatelyCommand(),
            ReportTrigger.Escalate => new EscalateCommand("Chưa thống nhất"),
            ReportTrigger.Resume => new ResumeCommand("Chỉ đạo", agency),
            ReportTrigger.Rate => new RateCommand(variant switch { 0 => RatingLevel.Satisfied, 1 => RatingLevel.Acceptable, _ => RatingLevel.NotSatisfied }),
            ReportTrigger.AnswerFollowUp => new AnswerFollowUpCommand("Giải trình"),
            ReportTrigger.Close => new CloseCommand(),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
        };
    }

    public readonly record struct Step(bool Guided, int Actor, ReportTrigger Trigger, int Variant);
}
