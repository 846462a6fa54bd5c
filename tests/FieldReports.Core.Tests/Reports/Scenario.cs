using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Core.Tests.Reports;

/// <summary>Builds reports in a given state, with the actors and commands each transition needs.</summary>
internal static class Scenario
{
    public const string ReporterId = "citizen-1";
    public const string AgencyA = "agency-a";
    public const string AgencyB = "agency-b";

    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 0);

    public static Actor Reporter { get; } = Actor.Reporter(ReporterId);

    public static Actor OtherReporter { get; } = Actor.Reporter("citizen-2");

    public static Actor Reception { get; } = Actor.Reception("reception-1");

    public static Actor Approver { get; } = Actor.Approver("approver-1");

    public static Actor HandlerA { get; } = Actor.Handler("handler-a", AgencyA);

    public static Actor HandlerB { get; } = Actor.Handler("handler-b", AgencyB);

    public static Actor Leader { get; } = new(ActorRole.Leader, "leader-1");

    public static Actor Admin { get; } = Actor.Administrator("admin-1");

    public static IReadOnlyList<Actor> AllActors { get; } = [Reporter, OtherReporter, Reception, Approver, HandlerA, HandlerB, Leader, Admin, Actor.System];

    public static Report NewReport(bool confidential = false, bool urgent = false) => Report.Submit(
        ReportId.New(),
        new ReportSubmission
        {
            ProvinceId = "camau",
            ReporterAccountId = ReporterId,
            Channel = "app",
            IsConfidential = confidential,
            IsUrgent = urgent,
            Content = new ReportContent { Description = "Ổ gà lớn trên đường Lý Thường Kiệt", Location = new GeoPoint(9.17, 105.15) },
        },
        Reporter,
        Start);

    /// <summary>The shortest path of (actor, command) steps from Submitted to <paramref name="state"/>.</summary>
    public static IReadOnlyList<(Actor Actor, ReportCommand Command)> PathTo(ReportState state) => state switch
    {
        ReportState.Submitted => [],
        ReportState.Withdrawn => [(Reporter, new WithdrawCommand())],
        ReportState.RejectedAtIntake => [(Reception, new RejectCommand(IntakeRejectionReason.Incomplete, "Thiếu hình ảnh"))],
        ReportState.Received => [(Reception, new ReceiveCommand("transport"))],
        ReportState.AnsweredDirectly => [.. PathTo(ReportState.Received), (Reception, new AnswerDirectlyCommand("Đã có kế hoạch sửa chữa"))],
        ReportState.Assigned => [.. PathTo(ReportState.Received), (Reception, new AssignCommand(AgencyA))],
        ReportState.InHandling => [.. PathTo(ReportState.Assigned), (HandlerA, new AcknowledgeCommand())],
        ReportState.ReturnedToCentre => [.. PathTo(ReportState.InHandling), (HandlerA, new ReturnToCentreCommand("Không thuộc thẩm quyền", AgencyB))],
        ReportState.ResultSubmitted => [.. PathTo(ReportState.InHandling), (HandlerA, new SubmitResultCommand("Đã vá ổ gà", ["photo-1"]))],
        ReportState.Published => [.. PathTo(ReportState.ResultSubmitted), (Approver, new ApproveCommand())],
        ReportState.RepliedPrivately => [.. PathTo(ReportState.ResultSubmitted), (Approver, new ReplyPrivatelyCommand())],
        ReportState.Escalated => [.. PathTo(ReportState.Assigned), (Reception, new EscalateCommand("Các cơ quan chưa thống nhất"))],
        ReportState.Rated => [.. PathTo(ReportState.Published), (Reporter, new RateCommand(RatingLevel.Satisfied))],
        ReportState.FollowUpRequired => [.. PathTo(ReportState.Published), (Reporter, new RateCommand(RatingLevel.NotSatisfied, "Chưa sửa xong"))],
        ReportState.FollowUpAnswered => [.. PathTo(ReportState.FollowUpRequired), (HandlerA, new AnswerFollowUpCommand("Đã bổ sung"))],
        ReportState.Closed => [.. PathTo(ReportState.Rated), (Reception, new CloseCommand())],
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static Report InState(ReportState state, bool confidential = false)
    {
        var report = NewReport(confidential);
        var at = Start;
        foreach (var (actor, command) in PathTo(state))
        {
            at += Duration.FromMinutes(10);
            var result = report.Apply(command, actor, at);
            Assert.True(result.IsSuccess, $"setting up {state}: {result.Error}");
        }

        Assert.Equal(state, report.State);
        return report;
    }

    /// <summary>A command and an actor entitled to fire the transition, given the report reached its source state by <see cref="PathTo"/>.</summary>
    public static (Actor Actor, ReportCommand Command) ValidStep(ReportState from, ReportTrigger trigger, ReportState to) => trigger switch
    {
        ReportTrigger.Withdraw => (Reporter, new WithdrawCommand("Đã tự xử lý")),
        ReportTrigger.Reject => (Reception, new RejectCommand(IntakeRejectionReason.OutOfScope)),
        ReportTrigger.Receive => (Reception, new ReceiveCommand("environment", Urgent: true)),
        ReportTrigger.AnswerDirectly => (Reception, new AnswerDirectlyCommand("Trả lời trực tiếp")),
        ReportTrigger.Assign => (Reception, new AssignCommand(AgencyA)),
        ReportTrigger.Acknowledge => (HandlerA, new AcknowledgeCommand()),
        ReportTrigger.ReturnToCentre => (HandlerA, new ReturnToCentreCommand("Không thuộc thẩm quyền", AgencyB)),
        ReportTrigger.Redistribute => (Reception, new RedistributeCommand(AgencyB)),
        ReportTrigger.SubmitResult => (HandlerA, new SubmitResultCommand("Kết quả", ["photo-9"])),
        ReportTrigger.SendBack => (Approver, new SendBackCommand("Thiếu hình ảnh sau xử lý")),
        ReportTrigger.Approve => (Approver, new ApproveCommand()),
        ReportTrigger.ReplyPrivately => (Approver, new ReplyPrivatelyCommand()),
        ReportTrigger.Escalate => (Approver, new EscalateCommand("Xử lý chưa triệt để")),
        ReportTrigger.Resume => (Reception, new ResumeCommand("UBND tỉnh chỉ đạo", AgencyB)),
        ReportTrigger.Rate => (Reporter, new RateCommand(to == ReportState.FollowUpRequired ? RatingLevel.NotSatisfied : RatingLevel.Acceptable)),
        ReportTrigger.AnswerFollowUp => (HandlerA, new AnswerFollowUpCommand("Giải trình")),
        ReportTrigger.Close => (Actor.System, new CloseCommand("Hết thời hạn đánh giá")),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), $"{from} -{trigger}-> {to}"),
    };

    /// <summary>A syntactically valid command for any trigger, for illegal-transition tests.</summary>
    public static ReportCommand AnyCommand(ReportTrigger trigger) => ValidStep(ReportState.Submitted, trigger, ReportState.Rated).Command;
}
