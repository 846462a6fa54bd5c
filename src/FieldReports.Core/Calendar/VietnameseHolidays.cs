using NodaTime;

namespace FieldReports.Calendar;

/// <summary>
/// The Vietnamese national holidays for civil servants, as the default holiday profile: the rules of the Labour Code 2019
/// (Law 45/2019/QH14) and the schedules the government decreed for 2024, 2025 and 2026.
/// </summary>
/// <remarks>
/// <para>Rules, each with its source:</para>
/// <list type="bullet">
/// <item>Weekly rest days: Saturday and Sunday (the 40-hour week of state offices, Decision 188/1999/QĐ-TTg).</item>
/// <item>Art. 112(1): 1/1 (Tết Dương lịch); Tết Nguyên Đán, 5 days; 30/4 (Ngày Chiến thắng); 1/5 (Quốc tế Lao động);
/// 2/9 (Quốc khánh) and one day immediately before or after it (since 1 January 2021, when the Labour Code 2019 took
/// effect); 10/3 lunar (Giỗ Tổ Hùng Vương).</item>
/// <item>Art. 111(3): a holiday that falls on a weekly rest day is compensated on the next working day.</item>
/// </list>
/// <para>Decreed years (2024–2026): the announced civil-service schedule replaces the rules for the whole year, day by
/// day, with the announcement (or the press report of it) named on each day.</para>
/// <para>Other years follow the law, since the Prime Minister's yearly choice (art. 112(3)) is not known in advance:
/// Tết is the eve (the last day of month 12) and the first four days of month 1 — the 2026 pattern; the second National
/// Day day is chosen by <see cref="AdjacentDayChoice.JoinWeekend"/>; holidays on rest days are compensated. No Saturday
/// is swapped. A Monday-to-Friday office then loses 11 weekdays a year, as in every decreed year. Years before 2021
/// are classified by the same rules, which is only an approximation of the law then in force.</para>
/// </remarks>
public static class VietnameseHolidays
{
    /// <summary>The national profile's name, usable as <see cref="HolidayProfileOptions.Base"/>: <c>VN</c>.</summary>
    public const string ProfileName = "VN";

    /// <summary>The source named on weekly rest days.</summary>
    internal const string WeeklyRestSource = "Quyết định 188/1999/QĐ-TTg (40-hour week: Saturday and Sunday off)";

    private const string LabourCode = "Bộ luật Lao động 2019 (45/2019/QH14)";

    /// <summary>The national calendar built from <see cref="CreateProfile"/>. Shared, immutable and thread-safe.</summary>
    public static HolidayCalendar Calendar { get; } = new(CreateProfile());

    /// <summary>
    /// Creates the national profile (named <c>VN</c>), a new mutable object each call: a province starts from it and adds
    /// its own rules or decrees before building a <see cref="HolidayCalendar"/>.
    /// </summary>
    /// <returns>A new profile with the national rules and the decreed years.</returns>
    public static HolidayProfileOptions CreateProfile() => new()
    {
        Name = ProfileName,
        WeeklyRestDays = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday],
        WeeklyRestDaysSource = WeeklyRestSource,
        Rules =
        [
            HolidayRuleOptions.Fixed("Tết Dương lịch", 1, 1, $"{LabourCode} art. 112(1)(a)"),
            HolidayRuleOptions.LunarSpan("Tết Nguyên Đán", length: 5, offset: -1, $"{LabourCode} art. 112(1)(b), (3); window of the 2026 schedule (1 day before, 4 after)"),
            HolidayRuleOptions.Lunar("Giỗ Tổ Hùng Vương", 3, 10, $"{LabourCode} art. 112(1)(e)"),
            HolidayRuleOptions.Fixed("Ngày Chiến thắng", 4, 30, $"{LabourCode} art. 112(1)(c)"),
            HolidayRuleOptions.Fixed("Quốc tế Lao động", 5, 1, $"{LabourCode} art. 112(1)(d)"),
            HolidayRuleOptions.Fixed("Quốc khánh", 9, 2, $"{LabourCode} art. 112(1)(đ)"),
            new HolidayRuleOptions
            {
                Kind = HolidayRuleKinds.AdjacentDay,
                Name = "Quốc khánh (ngày liền kề)",
                Month = 9,
                Day = 2,
                Choice = AdjacentDayChoice.JoinWeekend,
                EffectiveFrom = new LocalDate(2021, 1, 1),
                Source = $"{LabourCode} art. 112(1)(đ), (3), in force since 2021-01-01",
            },
            HolidayRuleOptions.Compensation($"{LabourCode} art. 111(3)", "Nghỉ bù"),
        ],
        Years =
        [
            Decree(2024, "Thông báo 5014/TB-LĐTBXH (22/11/2023); Official Dispatch 2450/VPCP-KGVX (2024)",
            Day(2024, 1, 1, DayKind.Holiday, "Tết Dương lịch", "https://vietnaminsider.vn/new-years-eve-has-3-days-off/"),
            Day(2024, 2, 8, DayKind.Holiday, "29 Tết", "Thông báo 5014/TB-LĐTBXH 22/11/2023 (quoted by Binh Duong provincial news); https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html"),
            Day(2024, 2, 9, DayKind.Holiday, "30 Tết", "Thông báo 5014/TB-LĐTBXH 22/11/2023 (quoted by Binh Duong provincial news); https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html"),
            Day(2024, 2, 10, DayKind.Holiday, "Mùng 1 (weekend)", "Thông báo 5014/TB-LĐTBXH 22/11/2023 (quoted by Binh Duong provincial news); https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html"),
            Day(2024, 2, 11, DayKind.Holiday, "Mùng 2 (weekend)", "Thông báo 5014/TB-LĐTBXH 22/11/2023 (quoted by Binh Duong provincial news); https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html"),
            Day(2024, 2, 12, DayKind.Holiday, "Mùng 3", "Thông báo 5014/TB-LĐTBXH 22/11/2023 (quoted by Binh Duong provincial news); https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html"),
            Day(2024, 2, 13, DayKind.CompensatoryDayOff, "bù Tết day on Sat", "Thông báo 5014/TB-LĐTBXH 22/11/2023 (quoted by Binh Duong provincial news); https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html"),
            Day(2024, 2, 14, DayKind.CompensatoryDayOff, "bù Tết day on Sun", "Thông báo 5014/TB-LĐTBXH 22/11/2023 (quoted by Binh Duong provincial news); https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html"),
            Day(2024, 4, 18, DayKind.Holiday, "Giỗ Tổ Hùng Vương", "https://2sao.vn/nguoi-lao-dong-khong-duoc-nghi-bu-dip-le-gio-to-hung-vuong-304-va-15-373943.html"),
            Day(2024, 4, 29, DayKind.SwappedDayOff, "nghỉ hoán đổi (làm bù Sat 4/5)", "https://brotherhoodcharters.com/30/4-1/5-nghỉ-mấy-ngày-21 ; vacanza/holidays holidays/countries/vietnam.py (cites Official Dispatch 2450/VPCP-KGVX 2024)"),
            Day(2024, 4, 30, DayKind.Holiday, "Ngày Chiến thắng", "https://brotherhoodcharters.com/30/4-1/5-nghỉ-mấy-ngày-21 ; vacanza/holidays holidays/countries/vietnam.py (cites Official Dispatch 2450/VPCP-KGVX 2024)"),
            Day(2024, 5, 1, DayKind.Holiday, "Quốc tế Lao động", "https://brotherhoodcharters.com/30/4-1/5-nghỉ-mấy-ngày-21 ; vacanza/holidays holidays/countries/vietnam.py (cites Official Dispatch 2450/VPCP-KGVX 2024)"),
            Day(2024, 5, 4, DayKind.SwappedWorkingDay, "làm bù cho 29/4", "https://brotherhoodcharters.com/30/4-1/5-nghỉ-mấy-ngày-21 ; vacanza/holidays holidays/countries/vietnam.py (cites Official Dispatch 2450/VPCP-KGVX 2024)"),
            Day(2024, 9, 2, DayKind.Holiday, "Quốc khánh", "https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html ; https://news.baokhanhhoa.vn/society/202408/2-days-off-for-the-national-day-4213607"),
            Day(2024, 9, 3, DayKind.Holiday, "Quốc khánh (ngày liền kề)", "https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html ; https://news.baokhanhhoa.vn/society/202408/2-days-off-for-the-national-day-4213607")),
            Decree(2025, "Announcement 6150/TB-BLĐTBXH (03/12/2024)",
            Day(2025, 1, 1, DayKind.Holiday, "Tết Dương lịch", "https://vietnamnet.vn/en/new-year-s-day-2025-one-paid-day-off-for-vietnamese-workers-2355552.html"),
            Day(2025, 1, 27, DayKind.Holiday, "28 Tết", "Announcement 6150/TB-BLĐTBXH 03/12/2024 https://lawnet.vn/en/vb/Announcement-6150-TB-BLDTBXH-2024-International-Workers-Day-holidays-in-2025-of-officials-9B075.html ; https://en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2025-post114084.html"),
            Day(2025, 1, 28, DayKind.Holiday, "29 Tết (giao thừa)", "Announcement 6150/TB-BLĐTBXH 03/12/2024 https://lawnet.vn/en/vb/Announcement-6150-TB-BLDTBXH-2024-International-Workers-Day-holidays-in-2025-of-officials-9B075.html ; https://en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2025-post114084.html"),
            Day(2025, 1, 29, DayKind.Holiday, "Mùng 1", "Announcement 6150/TB-BLĐTBXH 03/12/2024 https://lawnet.vn/en/vb/Announcement-6150-TB-BLDTBXH-2024-International-Workers-Day-holidays-in-2025-of-officials-9B075.html ; https://en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2025-post114084.html"),
            Day(2025, 1, 30, DayKind.Holiday, "Mùng 2", "Announcement 6150/TB-BLĐTBXH 03/12/2024 https://lawnet.vn/en/vb/Announcement-6150-TB-BLDTBXH-2024-International-Workers-Day-holidays-in-2025-of-officials-9B075.html ; https://en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2025-post114084.html"),
            Day(2025, 1, 31, DayKind.Holiday, "Mùng 3", "Announcement 6150/TB-BLĐTBXH 03/12/2024 https://lawnet.vn/en/vb/Announcement-6150-TB-BLDTBXH-2024-International-Workers-Day-holidays-in-2025-of-officials-9B075.html ; https://en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2025-post114084.html"),
            Day(2025, 4, 7, DayKind.Holiday, "Giỗ Tổ Hùng Vương", "https://thoidai.com.vn/nguoi-lao-dong-se-co-ky-nghi-304-15-dai-5-ngay-209915.html"),
            Day(2025, 4, 26, DayKind.SwappedWorkingDay, "làm bù cho Fri 2/5", "Announcement 6150/TB-BLĐTBXH 03/12/2024; https://tracuuquyhoach.com/tin-tuc/cong-chuc-vien-chuc-duoc-nghi-the-nao-trong-dip-le-30-4-1-5-2025-51994339"),
            Day(2025, 4, 30, DayKind.Holiday, "Ngày Chiến thắng", "Announcement 6150/TB-BLĐTBXH 03/12/2024; https://tracuuquyhoach.com/tin-tuc/cong-chuc-vien-chuc-duoc-nghi-the-nao-trong-dip-le-30-4-1-5-2025-51994339"),
            Day(2025, 5, 1, DayKind.Holiday, "Quốc tế Lao động", "Announcement 6150/TB-BLĐTBXH 03/12/2024; https://tracuuquyhoach.com/tin-tuc/cong-chuc-vien-chuc-duoc-nghi-the-nao-trong-dip-le-30-4-1-5-2025-51994339"),
            Day(2025, 5, 2, DayKind.SwappedDayOff, "nghỉ hoán đổi (làm bù Sat 26/4)", "Announcement 6150/TB-BLĐTBXH 03/12/2024; https://tracuuquyhoach.com/tin-tuc/cong-chuc-vien-chuc-duoc-nghi-the-nao-trong-dip-le-30-4-1-5-2025-51994339"),
            Day(2025, 9, 1, DayKind.Holiday, "Quốc khánh (ngày liền kề)", "Announcement 6150/TB-BLĐTBXH; https://vietnamnews.vn/society/1722634/national-day-holiday-to-last-four-days.html"),
            Day(2025, 9, 2, DayKind.Holiday, "Quốc khánh", "Announcement 6150/TB-BLĐTBXH; https://vietnamnews.vn/society/1722634/national-day-holiday-to-last-four-days.html")),
            Decree(2026, "MoHA Announcement 9441 (16/10/2025); Dispatch 12729/VPCP-KGVX (25/12/2025)",
            Day(2026, 1, 1, DayKind.Holiday, "Tết Dương lịch", "https://en.sggp.org.vn/government-approves-four-day-new-year-holiday-for-2026-post122755.html (Dispatch 12729/VPCP-KGVX 25/12/2025)"),
            Day(2026, 1, 2, DayKind.SwappedDayOff, "nghỉ hoán đổi (làm bù Sat 10/1)", "https://en.sggp.org.vn/government-approves-four-day-new-year-holiday-for-2026-post122755.html (Dispatch 12729/VPCP-KGVX 25/12/2025)"),
            Day(2026, 1, 10, DayKind.SwappedWorkingDay, "làm bù cho Fri 2/1", "https://en.sggp.org.vn/government-approves-four-day-new-year-holiday-for-2026-post122755.html (Dispatch 12729/VPCP-KGVX 25/12/2025)"),
            Day(2026, 2, 16, DayKind.Holiday, "29 Tết", "MoHA Announcement 9441 (16/10/2025) https://vietbao.vn/bo-noi-vu-thong-bao-lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-568329.html ; https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html"),
            Day(2026, 2, 17, DayKind.Holiday, "Mùng 1", "MoHA Announcement 9441 (16/10/2025) https://vietbao.vn/bo-noi-vu-thong-bao-lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-568329.html ; https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html"),
            Day(2026, 2, 18, DayKind.Holiday, "Mùng 2", "MoHA Announcement 9441 (16/10/2025) https://vietbao.vn/bo-noi-vu-thong-bao-lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-568329.html ; https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html"),
            Day(2026, 2, 19, DayKind.Holiday, "Mùng 3", "MoHA Announcement 9441 (16/10/2025) https://vietbao.vn/bo-noi-vu-thong-bao-lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-568329.html ; https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html"),
            Day(2026, 2, 20, DayKind.Holiday, "Mùng 4", "MoHA Announcement 9441 (16/10/2025) https://vietbao.vn/bo-noi-vu-thong-bao-lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-568329.html ; https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html"),
            Day(2026, 4, 26, DayKind.Holiday, "Giỗ Tổ Hùng Vương", "https://tezzbuzz.com/tag/vietnamese-workers-are-planning-9-day-holiday-in-april-simply-by-taking-two-days-off-vnexpress-international (3-day weekend 25-27/4; 30/4-3/5)"),
            Day(2026, 4, 27, DayKind.CompensatoryDayOff, "bù Hùng Vương (Sun)", "https://tezzbuzz.com/tag/vietnamese-workers-are-planning-9-day-holiday-in-april-simply-by-taking-two-days-off-vnexpress-international (3-day weekend 25-27/4; 30/4-3/5)"),
            Day(2026, 4, 30, DayKind.Holiday, "Ngày Chiến thắng", "https://tezzbuzz.com/tag/vietnamese-workers-are-planning-9-day-holiday-in-april-simply-by-taking-two-days-off-vnexpress-international (3-day weekend 25-27/4; 30/4-3/5)"),
            Day(2026, 5, 1, DayKind.Holiday, "Quốc tế Lao động", "https://tezzbuzz.com/tag/vietnamese-workers-are-planning-9-day-holiday-in-april-simply-by-taking-two-days-off-vnexpress-international (3-day weekend 25-27/4; 30/4-3/5)"),
            Day(2026, 8, 22, DayKind.SwappedWorkingDay, "làm bù cho Mon 31/8", "https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html ; https://en.sggp.org.vn/ministry-proposes-nine-day-holiday-for-2026-lunar-new-year-post120727.html"),
            Day(2026, 8, 31, DayKind.SwappedDayOff, "nghỉ hoán đổi (làm bù Sat 22/8)", "https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html ; https://en.sggp.org.vn/ministry-proposes-nine-day-holiday-for-2026-lunar-new-year-post120727.html"),
            Day(2026, 9, 1, DayKind.Holiday, "Quốc khánh (ngày liền kề)", "https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html ; https://en.sggp.org.vn/ministry-proposes-nine-day-holiday-for-2026-lunar-new-year-post120727.html"),
            Day(2026, 9, 2, DayKind.Holiday, "Quốc khánh", "https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html ; https://en.sggp.org.vn/ministry-proposes-nine-day-holiday-for-2026-lunar-new-year-post120727.html")),
        ],
    };

    private static HolidayYearOptions Decree(int year, string source, params HolidayDayOptions[] days) =>
        new() { Year = year, Source = source, ReplacesRules = true, Days = [.. days] };

    private static HolidayDayOptions Day(int year, int month, int day, DayKind kind, string name, string source) =>
        new() { Date = new LocalDate(year, month, day), Kind = kind, Name = name, Source = source };
}
