using FieldReports.Core.Tests.Provinces;
using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Core.Tests.Moderation;

public class AccountModerationTests
{
    private static readonly Actor Staff = Actor.Reception("staff-1");

    private static int ViolationsUntilLock(ProvinceProfile profile, Instant at)
    {
        var account = new AccountModeration(profile.Id, "citizen-1");
        for (var i = 1; i <= 10; i++)
        {
            account.RecordViolation(profile, ViolationKind.AbusiveReport, Staff, at + Duration.FromMinutes(i));
            if (account.IsLocked(at + Duration.FromMinutes(i)))
            {
                return i;
            }
        }

        return -1;
    }

    [Fact]
    public void Default_locks_account_at_third_abusive_report_not_second_Ca_Mau() =>
        Assert.Equal(3, ViolationsUntilLock(SeedProvinces.Load("ca-mau"), SeedProvinces.Local(2024, 1, 1)));

    [Fact]
    public void Hue_locks_account_at_fourth_abusive_report_not_third() =>
        Assert.Equal(4, ViolationsUntilLock(SeedProvinces.Load("hue"), SeedProvinces.Local(2024, 1, 1)));

    [Fact]
    public void Hue_locked_at_third_before_its_regulation_took_effect() =>
        Assert.Equal(3, ViolationsUntilLock(SeedProvinces.Load("hue"), SeedProvinces.Local(2022, 7, 1)));

    [Fact]
    public void Hue_bans_interaction_at_fourth_violation_within_one_month_for_one_month()
    {
        var hue = SeedProvinces.Load("hue");
        var account = new AccountModeration("hue", "citizen-1");
        var first = SeedProvinces.Local(2024, 3, 1, 9);
        for (var day = 0; day < 3; day++)
        {
            var (_, imposed) = account.RecordViolation(hue, ViolationKind.InteractionRule, Staff, first + Duration.FromDays(day * 10));
            Assert.Null(imposed);
        }

        // The 4th at exactly one month after the first: the window includes its start, so four count.
        var fourthAt = SeedProvinces.Local(2024, 4, 1, 9);
        var (result, ban) = account.RecordViolation(hue, ViolationKind.InteractionRule, Staff, fourthAt);

        Assert.True(result.IsSuccess);
        Assert.NotNull(ban);
        Assert.Equal(SeedProvinces.Local(2024, 5, 1, 9), ban.Until);
        Assert.True(account.IsInteractionBanned(SeedProvinces.Local(2024, 5, 1, 8, 59)));
        Assert.False(account.IsInteractionBanned(SeedProvinces.Local(2024, 5, 1, 9)));
        Assert.False(account.IsLocked(fourthAt));
    }

    [Fact]
    public void Hue_does_not_ban_when_the_first_violation_slid_out_of_the_month_by_one_minute()
    {
        var hue = SeedProvinces.Load("hue");
        var account = new AccountModeration("hue", "citizen-1");
        account.RecordViolation(hue, ViolationKind.InteractionRule, Staff, SeedProvinces.Local(2024, 3, 1, 9));
        account.RecordViolation(hue, ViolationKind.InteractionRule, Staff, SeedProvinces.Local(2024, 3, 10));
        account.RecordViolation(hue, ViolationKind.InteractionRule, Staff, SeedProvinces.Local(2024, 3, 20));

        var (_, ban) = account.RecordViolation(hue, ViolationKind.InteractionRule, Staff, SeedProvinces.Local(2024, 4, 1, 9, 1));

        Assert.Null(ban);
        Assert.False(account.IsInteractionBanned(SeedProvinces.Local(2024, 4, 1, 9, 1)));
    }

    [Fact]
    public void Administrator_lifts_a_lock_with_a_reason_and_both_decisions_are_audited()
    {
        var profile = SeedProvinces.Load("ca-mau");
        var account = new AccountModeration("ca-mau", "citizen-1");
        var at = SeedProvinces.Local(2024, 1, 1);
        for (var i = 0; i < 3; i++)
        {
            account.RecordViolation(profile, ViolationKind.AbusiveReport, Staff, at, ReportId.New());
        }

        Assert.Equal(ErrorCodes.ArgumentRequired, account.Lift(SanctionKind.AccountLock, Actor.Administrator("admin-1"), " ", at).Error!.Code);
        Assert.Equal(ErrorCodes.RoleNotPermitted, account.Lift(SanctionKind.AccountLock, Staff, "ok", at).Error!.Code);
        Assert.True(account.Lift(SanctionKind.AccountLock, Actor.Administrator("admin-1"), "Người dân đã xin lỗi", at + Duration.FromHours(1)).IsSuccess);

        Assert.False(account.IsLocked(at + Duration.FromHours(1)));
        Assert.Equal([ModerationDecisionKind.Imposed, ModerationDecisionKind.Lifted], account.Decisions.Select(d => d.Kind));
        Assert.Equal("admin-1", account.Decisions[1].DecidedBy);
        Assert.Equal(ErrorCodes.NoSanctionToLift, account.Lift(SanctionKind.AccountLock, Actor.Administrator("admin-1"), "again", at + Duration.FromHours(2)).Error!.Code);
    }

    [Fact]
    public void Citizens_cannot_record_violations_and_nothing_is_recorded()
    {
        var account = new AccountModeration("ca-mau", "citizen-2");

        var (result, _) = account.RecordViolation(SeedProvinces.Load("ca-mau"), ViolationKind.AbusiveReport, Actor.Reporter("citizen-1"), SeedProvinces.Local(2024, 1, 1));

        Assert.Equal(ErrorCodes.RoleNotPermitted, result.Error!.Code);
        Assert.Empty(account.Violations);
    }

    [Theory]
    [InlineData("Đồ ngu", true)]
    [InlineData("do ngu", true)]
    [InlineData("DO NGU", true)]
    [InlineData("Mấy ông khốn nạn", true)]
    [InlineData("may ong khon nan", true)]
    [InlineData("Đường bị ngập, xin xử lý", false)]
    [InlineData("Ngủ không được vì tiếng ồn", false)]
    public void Vietnamese_screen_flags_abusive_words_with_or_without_diacritics(string text, bool flagged) =>
        Assert.Equal(flagged, new VietnameseContentScreen().Screen(text).IsFlagged);

    [Fact]
    public void Fold_turns_d_with_stroke_into_d() => Assert.Equal("dong da", FieldReports.Intake.VietnameseText.Fold("Đống Đa"));

    [Fact]
    public void Administrator_locks_and_bans_with_a_reason_for_the_rule_s_duration_and_only_an_administrator_may_8()
    {
        var profile = SeedProvinces.Load("hue");
        var account = new AccountModeration("hue", "citizen-1");
        var at = SeedProvinces.Local(2024, 3, 1);
        var admin = Actor.Administrator("admin-1");

        Assert.Equal(ErrorCodes.RoleNotPermitted, account.Impose(profile, SanctionKind.AccountLock, Staff, "xúc phạm", at).Result.Error!.Code);
        Assert.Equal(ErrorCodes.ArgumentRequired, account.Impose(profile, SanctionKind.AccountLock, admin, " ", at).Result.Error!.Code);
        Assert.Empty(account.Decisions);

        var (locked, lockDecision) = account.Impose(profile, SanctionKind.AccountLock, admin, "Gửi nội dung xúc phạm", at);
        Assert.True(locked.IsSuccess);
        Assert.True(account.IsLocked(at));
        Assert.Null(lockDecision!.Until);
        Assert.Equal("Gửi nội dung xúc phạm", lockDecision.Reason);
        Assert.Equal(ErrorCodes.SanctionInForce, account.Impose(profile, SanctionKind.AccountLock, admin, "again", at).Result.Error!.Code);

        var (_, ban) = account.Impose(profile, SanctionKind.InteractionBan, admin, "Spam", at);
        Assert.True(account.IsInteractionBanned(at + Duration.FromDays(20)));
        Assert.False(account.IsInteractionBanned(ban!.Until!.Value));

        Assert.True(account.Lift(SanctionKind.AccountLock, admin, "Đã xác minh", at + Duration.FromHours(1)).IsSuccess);
        Assert.False(account.IsLocked(at + Duration.FromHours(1)));
    }
}
