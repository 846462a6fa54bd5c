using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Core.Tests.Reports;

public class ReportWorkflowTests
{
    private static readonly Instant Later = Scenario.Start + Duration.FromHours(5);

    public static TheoryData<ReportState, ReportTrigger, ReportState> LegalTransitions()
    {
        var data = new TheoryData<ReportState, ReportTrigger, ReportState>();
        foreach (var t in ReportWorkflow.Transitions)
        {
            data.Add(t.From, t.Trigger, t.To);
        }

        return data;
    }

    public static TheoryData<ReportState, ReportTrigger> IllegalTransitions()
    {
        var data = new TheoryData<ReportState, ReportTrigger>();
        foreach (var state in Enum.GetValues<ReportState>())
        {
            foreach (var trigger in Enum.GetValues<ReportTrigger>().Where(t => t != ReportTrigger.Submit))
            {
                if (!ReportWorkflow.IsDefined(state, trigger))
                {
                    data.Add(state, trigger);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Legal_transition_moves_the_report_and_records_one_event(ReportState from, ReportTrigger trigger, ReportState to)
    {
        var report = Scenario.InState(from);
        var before = report.Events.Count;
        var (actor, command) = Scenario.ValidStep(from, trigger, to);

        var result = report.Apply(command, actor, Later);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(to, report.State);
        Assert.Equal(before + 1, report.Events.Count);
        var e = report.Events[^1];
        Assert.Equal((from, trigger, to), (e.From!.Value, e.Trigger, e.To));
        Assert.Equal(actor.AccountId, e.ActorAccountId);
        Assert.Equal(actor.Role, e.ActorRole);
        Assert.Equal(Later, e.OccurredAt);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Trigger_not_defined_in_a_state_is_refused_as_conflict_and_changes_nothing(ReportState state, ReportTrigger trigger)
    {
        var report = Scenario.InState(state);
        var before = report.ToSnapshot();

        // Try every actor, so that no role can slip through an undefined transition.
        foreach (var actor in Scenario.AllActors)
        {
            var result = report.Apply(Scenario.AnyCommand(trigger), actor, Later);

            Assert.False(result.IsSuccess);
            Assert.Equal(ErrorCodes.TransitionNotPermitted, result.Error!.Code);
            Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
            Assert.Contains(trigger.ToString(), result.Error.Message, StringComparison.Ordinal);
            Assert.Contains(state.ToString(), result.Error.Message, StringComparison.Ordinal);
        }

        AssertUnchanged(before, report);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Every_actor_outside_the_transitions_roles_is_refused_and_nothing_changes(ReportState from, ReportTrigger trigger, ReportState to)
    {
        var (_, command) = Scenario.ValidStep(from, trigger, to);
        var allowed = ReportWorkflow.Transitions.Where(t => t.From == from && t.Trigger == trigger).SelectMany(t => t.Roles).ToHashSet();

        foreach (var actor in Scenario.AllActors.Where(a => !allowed.Contains(a.Role)))
        {
            var report = Scenario.InState(from);
            var before = report.ToSnapshot();

            var result = report.Apply(command, actor, Later);

            Assert.False(result.IsSuccess, $"{actor.Role} fired {trigger} in {from}");
            Assert.Equal(ErrorCodes.RoleNotPermitted, result.Error!.Code);
            Assert.Equal(ErrorKind.Forbidden, result.Error.Kind);
            AssertUnchanged(before, report);
        }
    }

    [Theory]
    [InlineData(ReportState.Assigned, ReportTrigger.Acknowledge)]
    [InlineData(ReportState.Assigned, ReportTrigger.ReturnToCentre)]
    [InlineData(ReportState.InHandling, ReportTrigger.ReturnToCentre)]
    [InlineData(ReportState.InHandling, ReportTrigger.SubmitResult)]
    [InlineData(ReportState.FollowUpRequired, ReportTrigger.AnswerFollowUp)]
    public void Handling_staff_of_another_agency_cannot_act_and_learn_only_that_it_is_not_theirs(ReportState state, ReportTrigger trigger)
    {
        var report = Scenario.InState(state);
        var before = report.ToSnapshot();
        var command = Scenario.ValidStep(state, trigger, ReportState.Closed).Command;

        var result = report.Apply(command, Scenario.HandlerB, Later);

        Assert.Equal(ErrorCodes.NotAssignedToAgency, result.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        AssertUnchanged(before, report);
    }

    [Theory]
    [InlineData(ReportState.Submitted, ReportTrigger.Withdraw)]
    [InlineData(ReportState.Published, ReportTrigger.Rate)]
    [InlineData(ReportState.Rated, ReportTrigger.Rate)]
    public void Another_reporter_cannot_act_on_someone_elses_report(ReportState state, ReportTrigger trigger)
    {
        var report = Scenario.InState(state);
        var before = report.ToSnapshot();

        var result = report.Apply(Scenario.ValidStep(state, trigger, ReportState.Rated).Command, Scenario.OtherReporter, Later);

        Assert.Equal(ErrorCodes.NotTheReporter, result.Error?.Code);
        AssertUnchanged(before, report);
    }

    [Fact]
    public void Confidential_result_cannot_be_published_but_can_be_replied_privately()
    {
        var report = Scenario.InState(ReportState.ResultSubmitted, confidential: true);

        var publish = report.Apply(new ApproveCommand(), Scenario.Approver, Later);
        Assert.Equal(ErrorCodes.ConfidentialCannotBePublished, publish.Error?.Code);
        Assert.Equal(ReportState.ResultSubmitted, report.State);

        var reply = report.Apply(new ReplyPrivatelyCommand(), Scenario.Approver, Later);
        Assert.True(reply.IsSuccess);
        Assert.Equal(ReportState.RepliedPrivately, report.State);
    }

    [Fact]
    public void Returned_report_cannot_be_redistributed_to_the_agency_that_returned_it()
    {
        var report = Scenario.InState(ReportState.ReturnedToCentre);
        Assert.Equal(Scenario.AgencyA, report.ReturnedByAgencyId);
        Assert.Equal(Scenario.AgencyB, report.ProposedAgencyId);

        var same = report.Apply(new RedistributeCommand(Scenario.AgencyA), Scenario.Reception, Later);
        Assert.Equal(ErrorCodes.RedistributedToSameAgency, same.Error?.Code);

        var proposed = report.Apply(new RedistributeCommand(Scenario.AgencyB), Scenario.Reception, Later);
        Assert.True(proposed.IsSuccess);
        Assert.Equal((ReportState.Assigned, Scenario.AgencyB), (report.State, report.AssignedAgencyId));
        Assert.Null(report.ProposedAgencyId);

        // The new agency acts; the old one no longer can.
        Assert.Equal(ErrorCodes.NotAssignedToAgency, report.Apply(new AcknowledgeCommand(), Scenario.HandlerA, Later).Error?.Code);
        Assert.True(report.Apply(new AcknowledgeCommand(), Scenario.HandlerB, Later).IsSuccess);
    }

    [Fact]
    public void Not_satisfied_rating_opens_a_follow_up_that_must_be_answered_before_closing()
    {
        var report = Scenario.InState(ReportState.Published);

        Assert.True(report.Apply(new RateCommand(RatingLevel.NotSatisfied), Scenario.Reporter, Later).IsSuccess);
        Assert.Equal(ReportState.FollowUpRequired, report.State);
        Assert.Equal(RatingLevel.NotSatisfied, report.Rating);
        Assert.Equal(ErrorCodes.TransitionNotPermitted, report.Apply(new CloseCommand(), Scenario.Reception, Later).Error?.Code);

        Assert.True(report.Apply(new AnswerFollowUpCommand("Đã khắc phục triệt để"), Scenario.HandlerA, Later).IsSuccess);
        Assert.True(report.Apply(new RateCommand(RatingLevel.Satisfied), Scenario.Reporter, Later).IsSuccess);
        Assert.Equal((ReportState.Rated, RatingLevel.Satisfied), (report.State, report.Rating));
    }

    [Fact]
    public void Direct_answer_follow_up_is_answered_by_the_centre()
    {
        var report = Scenario.InState(ReportState.AnsweredDirectly);
        Assert.True(report.Apply(new RateCommand(RatingLevel.NotSatisfied), Scenario.Reporter, Later).IsSuccess);

        Assert.Equal(ErrorCodes.RoleNotPermitted, report.Apply(new AnswerFollowUpCommand("x"), Scenario.HandlerA, Later).Error?.Code);
        Assert.True(report.Apply(new AnswerFollowUpCommand("Giải trình của trung tâm"), Scenario.Reception, Later).IsSuccess);
        Assert.Equal(ReportState.FollowUpAnswered, report.State);
    }

    [Fact]
    public void Escalation_remembers_where_it_came_from_and_resumes_with_the_directed_agency()
    {
        var report = Scenario.InState(ReportState.InHandling);

        Assert.True(report.Apply(new EscalateCommand("Hai cơ quan không thống nhất"), Scenario.Reception, Later).IsSuccess);
        Assert.Equal((ReportState.Escalated, ReportState.InHandling), (report.State, report.EscalatedFrom!.Value));

        Assert.True(report.Apply(new ResumeCommand("Giao Sở Xây dựng chủ trì", Scenario.AgencyB), Scenario.Approver, Later).IsSuccess);
        Assert.Equal((ReportState.Assigned, Scenario.AgencyB), (report.State, report.AssignedAgencyId));
        Assert.Null(report.EscalatedFrom);
        Assert.Equal("Giao Sở Xây dựng chủ trì", report.Events[^1].Note);
    }

    [Fact]
    public void Urgent_mark_from_intake_is_carried_by_every_event()
    {
        var report = Scenario.NewReport(urgent: true);
        var at = Scenario.Start;
        foreach (var (actor, command) in Scenario.PathTo(ReportState.Rated))
        {
            at += Duration.FromMinutes(1);
            Assert.True(report.Apply(command, actor, at).IsSuccess);
        }

        Assert.True(report.IsUrgent);
        Assert.All(report.Events, e => Assert.True(e.IsUrgent));
    }

    [Fact]
    public void Reception_may_mark_a_report_urgent_when_receiving_it_and_the_mark_is_recorded()
    {
        var report = Scenario.NewReport();

        Assert.True(report.Apply(new ReceiveCommand("fire", Urgent: true), Scenario.Reception, Later).IsSuccess);

        Assert.True(report.IsUrgent);
        Assert.False(report.Events[0].IsUrgent);
        Assert.True(report.Events[1].IsUrgent);
        Assert.Equal("true", report.Events[1].Data["urgent"]);
        Assert.Equal("fire", report.Events[1].Data["field"]);
    }

    [Fact]
    public void Audit_trail_records_who_when_what_and_the_data_of_each_step()
    {
        var report = Scenario.InState(ReportState.Published);

        Assert.Equal(
            [ReportTrigger.Submit, ReportTrigger.Receive, ReportTrigger.Assign, ReportTrigger.Acknowledge, ReportTrigger.SubmitResult, ReportTrigger.Approve],
            report.Events.Select(e => e.Trigger));
        Assert.Equal(Enumerable.Range(1, 6), report.Events.Select(e => e.Sequence));
        Assert.Null(report.Events[0].From);
        Assert.Equal("app", report.Events[0].Data["channel"]);
        Assert.Equal(Scenario.Start, report.SubmittedAt);
        Assert.True(report.Events.Zip(report.Events.Skip(1)).All(p => p.First.To == p.Second.From && p.First.OccurredAt <= p.Second.OccurredAt));

        var assign = report.Events[2];
        Assert.Equal((ActorRole.ReceptionStaff, "reception-1", Scenario.AgencyA), (assign.ActorRole, assign.ActorAccountId, assign.AssignedAgencyId));
        Assert.Equal(Scenario.AgencyA, assign.Data["agency"]);

        var result = report.Events[4];
        Assert.Equal((Scenario.AgencyA, "Đã vá ổ gà", "photo-1"), (result.ActorAgencyId, result.Note, result.Data["evidence"]));
        Assert.Equal(6, report.Version);
    }

    [Fact]
    public void Rejection_as_duplicate_requires_and_records_the_original()
    {
        var original = ReportId.New();
        var report = Scenario.NewReport();

        var missing = report.Apply(new RejectCommand(IntakeRejectionReason.Duplicate), Scenario.Reception, Later);
        Assert.Equal(ErrorCodes.ArgumentRequired, missing.Error?.Code);
        Assert.Equal(ReportState.Submitted, report.State);

        Assert.True(report.Apply(new RejectCommand(IntakeRejectionReason.Duplicate, DuplicateOf: original), Scenario.Reception, Later).IsSuccess);
        Assert.Equal((ReportState.RejectedAtIntake, IntakeRejectionReason.Duplicate, original), (report.State, report.RejectionReason!.Value, report.DuplicateOf!.Value));
        Assert.Equal(original.ToString(), report.Events[^1].Data["duplicateOf"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Commands_without_their_required_text_are_refused_as_validation_errors(string blank)
    {
        var report = Scenario.InState(ReportState.InHandling);

        Assert.Equal(ErrorCodes.ArgumentRequired, report.Apply(new SubmitResultCommand(blank), Scenario.HandlerA, Later).Error?.Code);
        Assert.Equal(ErrorCodes.ArgumentRequired, report.Apply(new ReturnToCentreCommand(blank), Scenario.HandlerA, Later).Error?.Code);
        Assert.Equal(ErrorCodes.ArgumentTooLong, report.Apply(new SubmitResultCommand(new string('x', ReportCommand.MaxTextLength + 1)), Scenario.HandlerA, Later).Error?.Code);
        Assert.Equal(ReportState.InHandling, report.State);
        Assert.Equal(4, report.Events.Count);
    }

    [Fact]
    public void Events_cannot_be_recorded_out_of_time_order()
    {
        var report = Scenario.InState(ReportState.Received);

        Assert.Throws<ArgumentOutOfRangeException>(() => report.Apply(new AssignCommand(Scenario.AgencyA), Scenario.Reception, Scenario.Start - Duration.FromSeconds(1)));
        Assert.Equal(ReportState.Received, report.State);
    }

    [Fact]
    public void Only_the_reporter_reception_staff_or_the_system_can_submit()
    {
        var submission = new ReportSubmission { ProvinceId = "hue", ReporterAccountId = "citizen-9", Channel = "hotline", Content = new ReportContent { Description = "Cháy" } };

        var byStaff = Report.Submit(ReportId.New(), submission, Scenario.Reception, Scenario.Start);
        Assert.Equal(ActorRole.ReceptionStaff, byStaff.Events[0].ActorRole);
        Assert.Equal("hotline", byStaff.Channel);
        Assert.Throws<ArgumentException>(() => Report.Submit(ReportId.New(), submission, Scenario.Reporter, Scenario.Start));
        Assert.Throws<ArgumentException>(() => Report.Submit(ReportId.New(), submission, Scenario.HandlerA, Scenario.Start));
    }

    [Fact]
    public void Snapshot_round_trip_restores_an_equivalent_report_that_keeps_working()
    {
        var report = Scenario.InState(ReportState.ReturnedToCentre);

        var restored = Report.Restore(report.ToSnapshot());

        Assert.Equivalent(report.ToSnapshot(), restored.ToSnapshot(), strict: true);
        Assert.True(restored.Apply(new RedistributeCommand(Scenario.AgencyB), Scenario.Reception, Later).IsSuccess);
        Assert.Equal(report.Version + 1, restored.Version);
    }

    [Fact]
    public void Restoring_an_inconsistent_snapshot_is_refused()
    {
        var snapshot = Scenario.InState(ReportState.Assigned).ToSnapshot();

        Assert.Throws<ArgumentException>(() => Report.Restore(snapshot with { State = ReportState.Published }));
        Assert.Throws<ArgumentException>(() => Report.Restore(snapshot with { Events = [.. snapshot.Events.Skip(1)] }));
        Assert.Throws<ArgumentException>(() => Report.Restore(snapshot with { Events = [] }));
    }

    [Fact]
    public void CanApply_answers_like_Apply_without_changing_anything()
    {
        var report = Scenario.InState(ReportState.Assigned);

        Assert.True(report.CanApply(new AcknowledgeCommand(), Scenario.HandlerA).IsSuccess);
        Assert.Equal(ErrorCodes.NotAssignedToAgency, report.CanApply(new AcknowledgeCommand(), Scenario.HandlerB).Error?.Code);
        Assert.Equal(ReportState.Assigned, report.State);
        Assert.Equal(3, report.Version);
    }

    private static void AssertUnchanged(ReportSnapshot before, Report report) =>
        Assert.Equivalent(before, report.ToSnapshot(), strict: true);
}
