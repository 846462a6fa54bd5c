using FieldReports;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using ReferenceHost.Data;
using ReferenceHost.Services;

namespace ReferenceHost.Seeding;

/// <summary>
/// Demo accounts of every role in each province and a few hundred reports across states, months and agencies. Runs at
/// start-up and does nothing for what is already there, so restarting the host never duplicates data.
/// </summary>
public sealed partial class DemoSeeder(
    ProvinceCatalog provinces,
    UserManager<HostUser> users,
    IReportStore store,
    ReportLists lists,
    Deadlines deadlines,
    IClock clock,
    ILogger<DemoSeeder> logger)
{
    /// <summary>The one password of every demo account (documented in README and printed at start-up).</summary>
    public const string DemoPassword = "Demo@2026";

    public const int ReportsPerProvince = 64;

    public static IEnumerable<(string Suffix, string Role, string NameVi)> StaffRoles { get; } =
    [
        ("citizen", "reporter", "Công dân (demo)"),
        ("reception", "reception_staff", "Cán bộ tiếp nhận"),
        ("approver", "approver", "Cán bộ phê duyệt"),
        ("leader", "leader", "Lãnh đạo"),
        ("admin", "administrator", "Quản trị hệ thống"),
    ];

    public static IEnumerable<FieldReports.Routing.Agency> HandlingAgencies(ProvinceProfile profile) =>
        profile.Agencies.All.Where(a => a.Kind is not AgencyKind.Province and not AgencyKind.Centre).OrderBy(a => a.Id, StringComparer.Ordinal);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var hash = new PasswordHasher<HostUser>().HashPassword(new HostUser(), DemoPassword);
        foreach (var id in provinces.Ids.Order(StringComparer.Ordinal))
        {
            var profile = provinces.Get(id);
            foreach (var (suffix, role, name) in StaffRoles)
            {
                await EnsureUserAsync($"{id}.{suffix}", id, role, null, name, hash);
            }

            foreach (var agency in HandlingAgencies(profile))
            {
                await EnsureUserAsync($"{id}.{agency.Id}", id, "handling_staff", agency.Id, $"Cán bộ xử lý — {agency.Name}", hash);
            }

            if ((await lists.ListAsync(id, limit: 1, cancellationToken: cancellationToken)).Count == 0)
            {
                var citizen = await users.FindByNameAsync($"{id}.citizen");
                var count = await SeedReportsAsync(profile, citizen!.Id, cancellationToken);
                LogSeeded(logger, id, count);
            }
        }
    }

    private async Task EnsureUserAsync(string userName, string provinceId, string role, string? agencyId, string displayName, string passwordHash)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var user = new HostUser
        {
            UserName = userName,
            Email = $"{userName}@demo.invalid",
            EmailConfirmed = true,
            ProvinceId = provinceId,
            Role = role,
            AgencyId = agencyId,
            DisplayName = displayName,
            PasswordHash = passwordHash,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"The demo account {userName} could not be created: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }
    }

    private async Task<int> SeedReportsAsync(ProvinceProfile profile, string citizenAccountId, CancellationToken cancellationToken)
    {
        var random = new Random(profile.Id.GetHashCode(StringComparison.Ordinal) & 0x7fff);
        var now = clock.GetCurrentInstant();
        var fields = profile.Fields.Keys.Order(StringComparer.Ordinal).ToArray();
        var agencies = HandlingAgencies(profile).Select(a => a.Id).ToArray();
        if (fields.Length == 0 || agencies.Length == 0)
        {
            return 0;
        }

        var centre = Centres.TryGetValue(profile.Id, out var c) ? c : (16.0, 107.0);
        var reception = Actor.Reception("seed-reception");
        var approver = Actor.Approver("seed-approver");
        var added = 0;
        for (var i = 0; i < ReportsPerProvince; i++)
        {
            var (title, description) = Situations[random.Next(Situations.Length)];
            // Older reports have mostly run their course; the last fortnight's are spread over the open states.
            var recent = i % 4 == 0;
            var ageDays = recent ? random.Next(0, 14) : random.Next(14, 365);
            var at = now - Duration.FromDays(ageDays) - Duration.FromMinutes(random.Next(60, 600));
            var reporterId = i % 5 == 0 ? citizenAccountId : $"demo-citizen-{profile.Id}-{i % 23}";
            var report = Report.Submit(ReportId.New(), new ReportSubmission
            {
                ProvinceId = profile.Id,
                ReporterAccountId = reporterId,
                Channel = profile.Channels.Length > 0 ? profile.Channels[random.Next(profile.Channels.Length)].Code : "web",
                Content = new ReportContent
                {
                    Title = title,
                    Description = description,
                    Location = new GeoPoint(centre.Item1 + ((random.NextDouble() - 0.5) * 0.06), centre.Item2 + ((random.NextDouble() - 0.5) * 0.06)),
                    Address = Streets[random.Next(Streets.Length)],
                    ObservedAt = at - Duration.FromMinutes(30),
                },
                IsUrgent = random.Next(12) == 0,
                IsConfidential = random.Next(15) == 0,
            }, Actor.Reporter(reporterId), at);
            var contact = new ReporterContact { Name = Names[random.Next(Names.Length)], Phone = $"09{random.Next(10000000, 99999999)}", Email = $"nguoidan{i}@example.vn" };

            var agency = agencies[random.Next(agencies.Length)];
            var handler = Actor.Handler($"seed-{agency}", agency);
            var stop = recent ? random.Next(0, 8) : 8 + random.Next(0, 3);
            var t = at;
            Instant Next(int minMinutes, int maxMinutes)
            {
                t += Duration.FromMinutes(random.Next(minMinutes, maxMinutes));
                return t < now ? t : now;
            }

            bool Do(ReportCommand command, Actor actor, int min, int max) => report.Apply(command, actor, Next(min, max)).IsSuccess;

            if (stop == 1 && random.Next(3) == 0)
            {
                Do(new RejectCommand(IntakeRejectionReason.Other, "Nội dung không thuộc phạm vi phản ánh hiện trường."), reception, 20, 100);
            }
            else if (stop >= 1 && Do(new ReceiveCommand(fields[random.Next(fields.Length)]), reception, 10, 90)
                && stop >= 2 && Do(new AssignCommand(agency), reception, 5, 60)
                && stop >= 3 && Do(new AcknowledgeCommand(), handler, 10, 200))
            {
                if (stop == 4 && random.Next(2) == 0)
                {
                    Do(new ReturnToCentreCommand("Không thuộc thẩm quyền của đơn vị.", agencies[random.Next(agencies.Length)]), handler, 30, 60);
                }
                else if (stop >= 5 && Do(new SubmitResultCommand(Results[random.Next(Results.Length)]), handler, 60, random.Next(6) == 0 ? 60 * 30 : 60 * 3)
                    && stop >= 6 && Do(report.IsConfidential ? new ReplyPrivatelyCommand() : new ApproveCommand(), approver, 20, 300)
                    && stop >= 9 && !report.IsConfidential)
                {
                    var level = random.Next(10) switch { < 6 => RatingLevel.Satisfied, < 8 => RatingLevel.Acceptable, _ => RatingLevel.NotSatisfied };
                    if (Do(new RateCommand(level), Actor.Reporter(reporterId), 60, 60 * 24) && level.OpensFollowUp && !recent)
                    {
                        Do(new AnswerFollowUpCommand("Đơn vị đã kiểm tra lại, bổ sung biện pháp khắc phục và trao đổi trực tiếp với người phản ánh."), handler, 60, 60 * 6);
                    }
                }
            }

            var result = await store.AddAsync(profile.Id, report, contact, deadlines.DeadlineOf(report, now), [], cancellationToken);
            if (result.IsSuccess)
            {
                added++;
            }
        }

        return added;
    }

    private static readonly Dictionary<string, (double, double)> Centres = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hue"] = (16.4637, 107.5909),
        ["ca-mau"] = (9.1769, 105.1524),
        ["tien-giang"] = (10.3600, 106.3600),
        ["dak-lak"] = (12.6667, 108.0500),
        ["quang-binh"] = (17.4689, 106.6223),
    };

    /// <summary>The map centre of a seed province, used by the submit page's map.</summary>
    public static (double Latitude, double Longitude) CentreOf(string provinceId) => Centres.TryGetValue(provinceId, out var c) ? c : (16.0, 107.0);

    private static readonly (string, string)[] Situations =
    [
        ("Ổ gà lớn trên mặt đường", "Mặt đường xuất hiện nhiều ổ gà sâu, xe máy đi qua rất nguy hiểm, nhất là vào ban đêm."),
        ("Rác thải tập kết sai quy định", "Rác thải sinh hoạt đổ thành đống ven đường nhiều ngày chưa được thu gom, bốc mùi hôi."),
        ("Cống thoát nước bị tắc", "Cống thoát nước bị tắc, mỗi khi mưa nước ngập lên mặt đường và tràn vào nhà dân."),
        ("Đèn chiếu sáng công cộng hỏng", "Cả dãy đèn đường không sáng gần một tuần, khu vực tối om, người dân lo ngại mất an toàn."),
        ("Lấn chiếm vỉa hè để kinh doanh", "Các hộ kinh doanh bày hàng kín vỉa hè, người đi bộ phải xuống lòng đường."),
        ("Cây xanh có nguy cơ gãy đổ", "Cây xanh lớn nghiêng ra đường, nhiều cành khô, có nguy cơ gãy đổ khi có gió lớn."),
        ("Tiếng ồn karaoke kéo dài", "Quán karaoke hát to đến khuya, ảnh hưởng đến sinh hoạt và giấc ngủ của người dân xung quanh."),
        ("Xả nước thải ra kênh", "Cơ sở sản xuất xả nước thải có màu và mùi lạ trực tiếp ra kênh thủy lợi."),
        ("Biển báo giao thông bị che khuất", "Biển báo cấm rẽ bị cây che khuất hoàn toàn, nhiều phương tiện vi phạm, dễ gây tai nạn."),
        ("Đốt rác gây khói", "Có người thường xuyên đốt rác, nhựa vào buổi tối, khói bay vào khu dân cư."),
        ("Vật liệu xây dựng trên lòng đường", "Công trình để cát, đá chiếm một nửa lòng đường, không có biển cảnh báo."),
        ("Nắp hố ga bị vỡ", "Nắp hố ga giữa đường bị vỡ, để hở miệng hố, rất nguy hiểm cho người đi đường."),
        ("Thực phẩm không rõ nguồn gốc", "Chợ tạm bán thịt không có tem kiểm dịch, không rõ nguồn gốc."),
        ("Sạt lở bờ sông", "Bờ sông bị sạt lở sát nhà dân, vết nứt ngày càng lớn sau các đợt mưa."),
        ("Tụ tập đua xe", "Nhóm thanh niên thường xuyên tụ tập, rú ga, đua xe vào ban đêm trên tuyến đường."),
        ("Trạm chờ xe buýt xuống cấp", "Mái che trạm xe buýt bị thủng, ghế ngồi gãy, người dân phải đứng chờ dưới mưa."),
    ];

    private static readonly string[] Results =
    [
        "Đơn vị đã cử lực lượng kiểm tra, khắc phục xong hiện trạng; đề nghị người dân tiếp tục giám sát.",
        "Đã phối hợp với công ty môi trường thu gom, vệ sinh khu vực và cắm biển nghiêm cấm đổ rác.",
        "Đã lập biên bản, yêu cầu chủ cơ sở cam kết chấm dứt vi phạm và xử phạt theo quy định.",
        "Đã sửa chữa, thay thế thiết bị hư hỏng; hệ thống hoạt động bình thường trở lại.",
        "Đã kiểm tra thực tế; vụ việc đang được đưa vào kế hoạch sửa chữa quý tới, tạm thời đã rào chắn cảnh báo.",
    ];

    private static readonly string[] Names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung", "Hoàng Minh Đức", "Võ Thị Hạnh", "Đặng Quốc Huy", "Bùi Thị Lan"];

    private static readonly string[] Streets = ["Đường Lê Lợi", "Đường Trần Hưng Đạo", "Đường Hùng Vương", "Đường Nguyễn Huệ", "Đường Phan Chu Trinh", "Đường Lý Thường Kiệt", "Chợ trung tâm", "Khu dân cư số 3"];

    [LoggerMessage(EventId = 8201, EventName = "DemoReportsSeeded", Level = LogLevel.Information, Message = "Seeded {Count} demo reports in {ProvinceId}")]
    private static partial void LogSeeded(ILogger logger, string provinceId, int count);
}
