using FieldReports.Core.Tests.Provinces;
using FieldReports.Intake;
using FieldReports.Reports;
using MimeKit;
using NodaTime.Testing;

namespace FieldReports.Core.Tests.Intake;

public class ChannelTests
{
    private static readonly FakeClock Clock = new(SeedProvinces.Local(2024, 3, 5, 9, 30));

    [Fact]
    public async Task Quang_Binh_email_becomes_a_report_with_sender_phone_and_photo()
    {
        await using var mime = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Intake", "Fixtures", "report.eml"));
        var channel = new EmailIntakeChannel();

        var draft = await channel.ParseAsync(mime, CancellationToken.None);
        var result = new IntakeService(SeedProvinces.Load("quang-binh"), Clock).Submit(draft with { Address = "Lý Thường Kiệt, Đồng Phú" }, Actor.System);

        Assert.True(result.IsAccepted, string.Join("; ", result.Rejections.Select(r => r.Code)));
        Assert.Equal("email", result.Report!.Channel);
        Assert.Equal("email:nguyenvanb@example.vn", result.Report.ReporterAccountId);
        Assert.Equal("Nguyễn Văn B", result.Contact!.Name);
        Assert.Equal("+84912345678", result.Contact.Phone);
        Assert.Equal("Bãi rác gần chợ Đồng Hới", result.Report.Content.Title);
        var photo = Assert.Single(result.Attachments);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal("bai-rac.jpg", photo.FileName);
        Assert.False(photo.Content.IsEmpty);
    }

    [Fact]
    public async Task Email_without_photo_is_refused_where_media_is_required()
    {
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Lê C", "lec@example.vn"));
        message.Subject = "Đèn đường hỏng";
        message.Body = new TextPart("plain") { Text = "Đèn đường trước nhà số 5 hỏng đã một tuần. SĐT 0987654321. Địa chỉ: số 5 Quang Trung." };

        var draft = await new EmailIntakeChannel().ToDraftAsync(message);
        var result = new IntakeService(SeedProvinces.Load("quang-binh"), Clock).Submit(draft with { Address = "5 Quang Trung" }, Actor.System);

        Assert.Equal([ErrorCodes.IntakeMediaRequired], result.Rejections.Select(r => r.Code));
    }

    [Fact]
    public async Task Quang_Binh_hotline_1022_call_entered_by_staff_is_urgent_fire_without_media()
    {
        var quangBinh = SeedProvinces.Load("quang-binh");
        var call = new HotlineCall
        {
            CallerName = "Hoàng D",
            CallerPhone = "0914 111 222",
            Description = "Khói lớn bốc ra từ kho hàng cạnh bến xe.",
            Address = "Bến xe Đồng Hới",
            Category = "fire",
        };

        var draft = await new HotlineIntakeChannel().ToDraftAsync(call);
        var result = new IntakeService(quangBinh, Clock).Submit(draft, Actor.Reception("staff-1"));

        Assert.Equal("1022", quangBinh.FindChannel("hotline")!.Address);
        Assert.True(result.IsAccepted, string.Join("; ", result.Rejections.Select(r => r.Code)));
        Assert.True(result.Report!.IsUrgent);
        Assert.Equal("phone:+84914111222", result.Report.ReporterAccountId);
        Assert.Equal(ActorRole.ReceptionStaff, result.Report.Events[0].ActorRole);
        Assert.True(result.Signals.HasFlag(IntakeSignals.EnteredByStaff));
    }

    [Fact]
    public async Task Reply_goes_back_through_the_channel_the_report_came_in_by()
    {
        var sent = new List<MimeMessage>();
        var email = new EmailReplyChannel(new MailboxAddress("IOC", "ioc@quangbinh.gov.vn"), (m, _) => { sent.Add(m); return ValueTask.CompletedTask; });
        var dispatcher = new ReplyDispatcher([email]);
        var reply = new ChannelReply
        {
            ProvinceId = "quang-binh",
            Channel = "email",
            ReporterAccountId = "email:lec@example.vn",
            Recipient = new ReporterContact { Email = "lec@example.vn" },
            Text = "Đã sửa đèn đường.",
        };

        Assert.True((await dispatcher.SendAsync(reply)).IsSuccess);
        Assert.Equal("lec@example.vn", Assert.Single(sent).To.Mailboxes.Single().Address);
        Assert.Equal(ErrorCodes.ReplyChannelMissing, (await dispatcher.SendAsync(reply with { Channel = "zalo" })).Error!.Code);
    }

    [Fact]
    public async Task Api_channel_stamps_its_code() =>
        Assert.Equal("web", (await new ApiIntakeChannel("web").ToDraftAsync(SeedProvinces.Draft("anything"))).Channel);
}
