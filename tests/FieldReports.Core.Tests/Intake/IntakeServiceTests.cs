using FieldReports.Core.Tests.Provinces;
using FieldReports.Intake;
using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Reports;
using NodaTime.Testing;

namespace FieldReports.Core.Tests.Intake;

public class IntakeServiceTests
{
    private static IntakeService Service(ProvinceProfile profile, int hour = 10, int minute = 0) =>
        new(profile, new FakeClock(SeedProvinces.Local(2024, 3, 5, hour, minute)));

    [Fact]
    public void Ca_Mau_accepts_a_complete_report_and_normalises_phone_and_text()
    {
        var draft = SeedProvinces.Draft() with
        {
            Description = "Ống nước vỡ tràn ra đường".Normalize(System.Text.NormalizationForm.FormD),
            Contact = new ReporterContact { Name = " Nguyễn Văn A ", Phone = "84-912.345.678" },
        };

        var result = Service(SeedProvinces.Load("ca-mau")).Submit(draft, Actor.Reporter("citizen-1"));

        Assert.True(result.IsAccepted);
        Assert.Equal("+84912345678", result.Contact!.Phone);
        Assert.Equal("Nguyễn Văn A", result.Contact.Name);
        Assert.True(result.Report!.Content.Description.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Equal(ReportState.Submitted, result.Report.State);
        Assert.Equal("app", result.Report.Channel);
    }

    [Fact]
    public void Tien_Giang_rejects_a_report_without_email_with_code_and_both_languages()
    {
        var draft = SeedProvinces.Draft() with { Contact = new ReporterContact { Name = "A", Phone = "0912345678" } };

        var result = Service(SeedProvinces.Load("tien-giang")).Submit(draft, Actor.Reporter("citizen-1"));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(ErrorCodes.IntakeEmailRequired, rejection.Code);
        Assert.Equal(IntakeRejectionReason.Incomplete, rejection.Reason);
        Assert.Contains("thư điện tử", rejection.MessageVi, StringComparison.Ordinal);
        Assert.Contains("e-mail", rejection.MessageEn, StringComparison.Ordinal);
        Assert.Null(result.Report);
    }

    [Fact]
    public void Ca_Mau_does_not_require_email_but_reports_every_missing_item_at_once()
    {
        var draft = SeedProvinces.Draft() with
        {
            Contact = new ReporterContact(),
            Description = "ngắn",
            Attachments = [],
            Address = null,
            Location = null,
        };

        var result = Service(SeedProvinces.Load("ca-mau")).Submit(draft, Actor.Reporter("citizen-1"));

        Assert.Equal(
            [ErrorCodes.IntakeContentRequired, ErrorCodes.IntakeMediaRequired, ErrorCodes.IntakePlaceRequired, ErrorCodes.IntakeNameRequired, ErrorCodes.IntakePhoneRequired],
            result.Rejections.Select(r => r.Code));
    }

    [Theory]
    [InlineData("0912345678", "+84912345678")]
    [InlineData("+84 912 345 678", "+84912345678")]
    [InlineData("84912345678", "+84912345678")]
    [InlineData("0084-912-345-678", "+84912345678")]
    [InlineData("(0290) 3831 234", "+842903831234")]
    public void Vietnamese_phone_numbers_normalise_to_E164(string input, string expected)
    {
        Assert.True(VietnamesePhoneNumber.TryNormalize(input, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("091234567")]
    [InlineData("+85 912345678")]
    [InlineData("0112345678")]
    [InlineData("09123abc78")]
    [InlineData("1022")]
    public void Invalid_phone_numbers_are_refused(string input) =>
        Assert.False(VietnamesePhoneNumber.TryNormalize(input, out _));

    [Fact]
    public void A_complaint_set_by_the_channel_is_rejected_as_out_of_scope()
    {
        var result = Service(SeedProvinces.Load("ca-mau")).Submit(SeedProvinces.Draft() with { Kind = ReportKind.Complaint }, Actor.Reporter("citizen-1"));

        Assert.Equal(IntakeRejectionReason.OutOfScope, result.Rejection!.Reason);
        Assert.Equal(ErrorCodes.IntakeOutOfScope, result.Rejection.Code);
    }

    [Fact]
    public void Denunciation_words_flag_the_report_for_staff_without_rejecting_it()
    {
        var draft = SeedProvinces.Draft() with { Description = "Tôi muốn tố cáo việc đổ rác trộm ra kênh hằng đêm." };

        var result = Service(SeedProvinces.Load("ca-mau")).Submit(draft, Actor.Reporter("citizen-1"));

        Assert.True(result.IsAccepted);
        Assert.True(result.Signals.HasFlag(IntakeSignals.PossiblyOutOfScope));
    }

    [Fact]
    public void Scope_words_reject_when_the_province_says_so()
    {
        var profile = SeedProvinces.Build("x", p => p.Intake.RejectOnScopeKeywords = true);
        var draft = SeedProvinces.Draft() with { Channel = "app", Description = "Đơn khiếu nại về quyết định thu hồi đất của xã." };

        var result = Service(profile).Submit(draft, Actor.Reporter("citizen-1"));

        Assert.Equal(ErrorCodes.IntakeOutOfScope, result.Rejection!.Code);
    }

    [Fact]
    public void A_report_in_English_is_rejected_unless_the_province_accepts_English()
    {
        var draft = SeedProvinces.Draft() with { Language = "en-GB" };

        Assert.Equal(ErrorCodes.IntakeLanguageNotAccepted, Service(SeedProvinces.Load("ca-mau")).Submit(draft, Actor.Reporter("citizen-1")).Rejection!.Code);
        var bilingual = SeedProvinces.Build("x", p => { p.Intake.Languages.Add("vi"); p.Intake.Languages.Add("en"); });
        Assert.True(Service(bilingual).Submit(draft, Actor.Reporter("citizen-1")).IsAccepted);
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(3, 0, false)]
    [InlineData(7, 29, false)]
    [InlineData(7, 30, true)]
    [InlineData(23, 59, true)]
    public void Hue_accepts_non_urgent_reports_only_outside_midnight_to_0730(int hour, int minute, bool accepted)
    {
        var result = Service(SeedProvinces.Load("hue"), hour, minute).Submit(SeedProvinces.Draft(), Actor.Reporter("citizen-1"));

        Assert.Equal(accepted, result.IsAccepted);
        if (!accepted)
        {
            Assert.Equal(IntakeRejectionReason.OutsideNightWindow, result.Rejection!.Reason);
            Assert.Contains("07:30", result.Rejection.MessageVi, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Hue_accepts_an_urgent_fire_report_at_3am_and_marks_it_urgent()
    {
        var draft = SeedProvinces.Draft() with { Description = "Cháy nhà dân ở kiệt 12 Lê Lợi, cần hỗ trợ gấp." };

        var result = Service(SeedProvinces.Load("hue"), 3).Submit(draft, Actor.Reporter("citizen-1"));

        Assert.True(result.IsAccepted);
        Assert.True(result.Report!.IsUrgent);
        Assert.True(result.Signals.HasFlag(IntakeSignals.UrgentByKeyword));
    }

    [Fact]
    public void Hue_night_window_did_not_apply_before_Decision_30_took_effect()
    {
        var service = new IntakeService(SeedProvinces.Load("hue"), new FakeClock(SeedProvinces.Local(2022, 7, 14, 3)));

        Assert.True(service.Submit(SeedProvinces.Draft(), Actor.Reporter("citizen-1")).IsAccepted);
    }

    [Fact]
    public void A_citizen_cannot_mark_their_own_report_urgent_but_staff_can()
    {
        var service = Service(SeedProvinces.Load("ca-mau"));

        Assert.False(service.Submit(SeedProvinces.Draft() with { MarkedUrgent = true }, Actor.Reporter("citizen-1")).Report!.IsUrgent);
        var staffEntry = service.Submit(SeedProvinces.Draft("staff") with { MarkedUrgent = true, Attachments = [] }, Actor.Reception("staff-1"));
        Assert.True(staffEntry.Report!.IsUrgent);
        Assert.True(staffEntry.Signals.HasFlag(IntakeSignals.EnteredByStaff));
        Assert.Equal(ActorRole.ReceptionStaff, staffEntry.Report.Events[0].ActorRole);
    }

    [Theory]
    [InlineData("ca-mau", "staff")]
    [InlineData("dak-lak", "hotline")]
    public void A_citizen_cannot_submit_on_a_staff_entry_channel_and_skip_the_media_requirement(string province, string channel)
    {
        var service = Service(SeedProvinces.Load(province));

        var byCitizen = service.Submit(SeedProvinces.Draft(channel) with { Attachments = [] }, Actor.Reporter("citizen-1"));
        var byReception = service.Submit(SeedProvinces.Draft(channel) with { Attachments = [] }, Actor.Reception("staff-1"));

        Assert.False(byCitizen.IsAccepted);
        Assert.Equal(ErrorCodes.IntakeChannelStaffOnly, byCitizen.Rejection!.Code);
        Assert.Null(byCitizen.Report);
        Assert.True(byReception.IsAccepted);
    }

    [Fact]
    public void Unknown_channel_is_rejected()
    {
        var result = Service(SeedProvinces.Load("ca-mau")).Submit(SeedProvinces.Draft("fax"), Actor.Reporter("citizen-1"));

        Assert.Equal(ErrorCodes.IntakeChannelUnknown, result.Rejection!.Code);
    }

    [Fact]
    public void A_locked_account_cannot_submit()
    {
        var profile = SeedProvinces.Load("ca-mau");
        var account = new AccountModeration("ca-mau", "citizen-1");
        for (var i = 0; i < 3; i++)
        {
            account.RecordViolation(profile, ViolationKind.AbusiveReport, Actor.Reception("staff-1"), SeedProvinces.Local(2024, 3, 1));
        }

        var result = Service(profile).Submit(SeedProvinces.Draft(), Actor.Reporter("citizen-1"), account);

        Assert.Equal(ErrorCodes.IntakeAccountLocked, result.Rejection!.Code);
    }

    [Fact]
    public void Abusive_words_without_diacritics_flag_the_report_for_review()
    {
        var draft = SeedProvinces.Draft() with { Description = "Bon can bo do ngu, duong vo ma khong sua." };

        var result = Service(SeedProvinces.Load("ca-mau")).Submit(draft, Actor.Reporter("citizen-1"));

        Assert.True(result.IsAccepted);
        Assert.True(result.Signals.HasFlag(IntakeSignals.PossiblyAbusive));
    }
}
