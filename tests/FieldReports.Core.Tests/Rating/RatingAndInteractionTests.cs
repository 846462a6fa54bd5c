using FieldReports.Core.Tests.Provinces;
using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Rating;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Core.Tests.Rating;

public class RatingAndInteractionTests
{
    private static readonly Instant At = SeedProvinces.Local(2024, 6, 3, 9);
    private static readonly Actor Reporter = Actor.Reporter("citizen-1");

    [Fact]
    public void Hue_not_satisfied_rating_opens_a_follow_up_for_the_agency()
    {
        var policy = new RatingPolicy(SeedProvinces.Load("hue"));
        var report = SeedProvinces.Published("hue", At, "ubnd-tp-hue");

        SeedProvinces.Ok(policy.Rate(report, Reporter, "not_satisfied", "Rác vẫn còn", At));

        Assert.Equal(ReportState.FollowUpRequired, report.State);
        Assert.Equal(RatingLevel.NotSatisfied, report.Rating);
    }

    [Fact]
    public void Rating_can_change_until_the_period_ends_counted_from_the_first_rating_Ca_Mau_default_7_days()
    {
        var policy = new RatingPolicy(SeedProvinces.Load("ca-mau"));
        var report = SeedProvinces.Published("ca-mau", At, "ubnd-tp");
        SeedProvinces.Ok(policy.Rate(report, Reporter, "acceptable", null, At));

        SeedProvinces.Ok(policy.Rate(report, Reporter, "satisfied", null, At + Duration.FromDays(7)));
        var late = policy.Rate(report, Reporter, "acceptable", null, At + Duration.FromDays(7) + Duration.FromSeconds(1));

        Assert.Equal(ErrorCodes.RatingPeriodClosed, late.Error!.Code);
        Assert.Equal(RatingLevel.Satisfied, report.Rating);
    }

    [Fact]
    public void Only_the_reporter_rates_and_only_on_the_provinces_scale()
    {
        var policy = new RatingPolicy(SeedProvinces.Load("ca-mau"));
        var report = SeedProvinces.Published("ca-mau", At, "ubnd-tp");
        var version = report.Version;

        Assert.Equal(ErrorCodes.RatingLevelUnknown, policy.Rate(report, Reporter, "five_stars", null, At).Error!.Code);
        Assert.Equal(ErrorCodes.NotTheReporter, policy.Rate(report, Actor.Reporter("other"), "satisfied", null, At).Error!.Code);
        Assert.Equal(version, report.Version);
    }

    [Fact]
    public void A_province_scale_with_its_own_levels_is_used()
    {
        var profile = SeedProvinces.Build("x", p =>
        {
            p.Rating.Levels.Add(new RatingLevelOptions { Code = "good", NameVi = "Tốt" });
            p.Rating.Levels.Add(new RatingLevelOptions { Code = "bad", NameVi = "Kém", OpensFollowUp = true });
        });
        var report = SeedProvinces.Published("x", At, "a");

        Assert.Equal(ErrorCodes.RatingLevelUnknown, new RatingPolicy(profile).Rate(report, Reporter, "satisfied", null, At).Error!.Code);
        SeedProvinces.Ok(new RatingPolicy(profile).Rate(report, Reporter, "bad", null, At));
        Assert.Equal(ReportState.FollowUpRequired, report.State);
    }

    [Fact]
    public void Hue_clarification_request_is_due_one_day_later_and_counts_as_unanswered_after_that()
    {
        var policy = new InteractionPolicy(SeedProvinces.Load("hue"));
        var report = SeedProvinces.Published("hue", At, "ubnd-tp-hue");

        var (result, interaction) = policy.Open(report, Actor.Reporter("citizen-9"), InteractionKind.ClarificationRequest, "Xin làm rõ thời gian thu gom?", At);

        Assert.True(result.IsSuccess);
        Assert.Equal(At + Duration.FromDays(1), interaction!.DueAt);
        Assert.Equal("ubnd-tp-hue", interaction.AgencyId);
        Assert.False(interaction.IsUnansweredAt(At + Duration.FromDays(1)));
        Assert.True(interaction.IsUnansweredAt(At + Duration.FromDays(1) + Duration.FromSeconds(1)));
    }

    [Fact]
    public void An_answer_exactly_at_the_due_instant_is_in_time_and_only_the_assigned_agency_answers()
    {
        var policy = new InteractionPolicy(SeedProvinces.Load("hue"));
        var report = SeedProvinces.Published("hue", At, "ubnd-tp-hue");
        var (_, interaction) = policy.Open(report, Reporter, InteractionKind.ClarificationRequest, "Làm rõ?", At);

        Assert.Equal(ErrorCodes.NotAssignedToAgency, policy.Answer(interaction!, Actor.Handler("h", "ioc"), "x", At).Error!.Code);
        Assert.Equal(ErrorCodes.ArgumentTooLong, policy.Answer(interaction!, Actor.Handler("h", "ubnd-tp-hue"), new string('a', ReportCommand.MaxTextLength + 1), At).Error!.Code);
        Assert.Null(interaction!.AnsweredAt);
        SeedProvinces.Ok(policy.Answer(interaction!, Actor.Handler("h", "ubnd-tp-hue"), "Thu gom lúc 6 giờ sáng.", At + Duration.FromDays(1)));

        Assert.False(interaction!.IsUnansweredAt(At + Duration.FromDays(30)));
        Assert.Equal(ErrorCodes.InteractionAlreadyAnswered, policy.Answer(interaction, Actor.Handler("h", "ubnd-tp-hue"), "again", At).Error!.Code);
    }

    [Fact]
    public void The_SLA_engine_can_replace_the_clarification_deadline()
    {
        var policy = new InteractionPolicy(SeedProvinces.Load("hue"), new FixedDeadline(At + Duration.FromHours(80)));
        var report = SeedProvinces.Published("hue", At, "ubnd-tp-hue");

        var (_, interaction) = policy.Open(report, Reporter, InteractionKind.ClarificationRequest, "Làm rõ?", At);

        Assert.Equal(At + Duration.FromHours(80), interaction!.DueAt);
    }

    [Fact]
    public void Interaction_is_refused_on_an_unpublished_or_confidential_result_and_for_a_banned_account()
    {
        var hue = SeedProvinces.Load("hue");
        var policy = new InteractionPolicy(hue);
        var confidential = SeedProvinces.Published("hue", At, "ubnd-tp-hue", confidential: true);
        Assert.Equal(ErrorCodes.InteractionNotPublished, policy.Open(confidential, Reporter, InteractionKind.Comment, "?", At).Result.Error!.Code);

        var account = new AccountModeration("hue", "citizen-1");
        for (var i = 0; i < 4; i++)
        {
            account.RecordViolation(hue, ViolationKind.InteractionRule, Actor.Reception("s"), At);
        }

        var (result, interaction) = policy.Open(SeedProvinces.Published("hue", At, "ubnd-tp-hue"), Reporter, InteractionKind.Comment, "Cảm ơn", At, account);
        Assert.Equal(ErrorCodes.InteractionBanned, result.Error!.Code);
        Assert.Null(interaction);
    }

    private sealed class FixedDeadline(Instant due) : IClarificationDeadline
    {
        public Instant DueAt(ProvinceProfile province, Instant sentAt) => due;
    }
}
