using ClosedXML.Excel;
using FieldReports.Reports;
using FieldReports.Sla;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using ReferenceHost.Services;

namespace ReferenceHost.Pages.Province;

/// <summary>
/// The leaders' and the centre's monitoring: volume by field and agency, on-time rate per agency, ratings, the late,
/// prolonged and unresolved lists, and the periodic report (Cà Mau, Decision 17/2022 art. 13.6) as XLSX or print.
/// </summary>
[Authorize]
public sealed class DashboardModel(ReportLists lists, Deadlines deadlines) : ProvincePage
{
    public static readonly Duration Prolonged = Duration.FromDays(30);

    /// <summary>month, quarter, half or year.</summary>
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "year";

    [BindProperty(SupportsGet = true)] public int Year { get; set; }

    [BindProperty(SupportsGet = true)] public int Index { get; set; } = 1;

    public string PeriodLabel { get; private set; } = "";

    public List<Item> Items { get; private set; } = [];

    public Dictionary<Guid, bool> Late { get; } = [];

    public IEnumerable<(string Label, int Count)> ByField => Items.GroupBy(i => FieldName(i.View.FieldCode)).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2);

    public IEnumerable<(string Label, int Count)> ByAgency => Items.Where(i => i.View.AssignedAgencyId is not null).GroupBy(i => AgencyName(i.View.AssignedAgencyId)).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2);

    public IEnumerable<(string Label, int OnTime, int Total)> OnTimeByAgency => Items.Where(i => i.View.AssignedAgencyId is not null)
        .GroupBy(i => AgencyName(i.View.AssignedAgencyId))
        .Select(g => (g.Key, g.Count(i => !Late[i.Row.Id]), g.Count()))
        .OrderBy(x => x.Item1, StringComparer.Ordinal);

    public IEnumerable<(string Label, int Count)> ByMonth => Items.GroupBy(i => i.Row.SubmittedAt.InZone(Profile.TimeZone).Date.ToString("MM/yyyy", null))
        .Select(g => (g.Key, g.Count())).OrderBy(x => x.Item1[3..] + x.Item1[..2], StringComparer.Ordinal);

    public IEnumerable<(string Code, int Count)> Ratings => Items.Where(i => i.Row.RatingCode is not null).GroupBy(i => i.Row.RatingCode!).Select(g => (g.Key, g.Count()));

    public IEnumerable<Item> LateList => Items.Where(i => !i.Report.IsTerminal && Late[i.Row.Id] && i.View.State is not ReportState.Published and not ReportState.RepliedPrivately and not ReportState.Rated and not ReportState.FollowUpAnswered);

    public IEnumerable<Item> ProlongedList => Items.Where(i => Unresolved(i) && Now - i.Row.SubmittedAt > Prolonged);

    public IEnumerable<Item> UnresolvedList => Items.Where(Unresolved);

    public int FollowUpsWaiting => Items.Count(i => i.View.State == ReportState.FollowUpRequired);

    public static bool Unresolved(Item i) => !i.Report.IsTerminal && i.View.State is not (ReportState.Published or ReportState.RepliedPrivately or ReportState.AnsweredDirectly or ReportState.Rated or ReportState.FollowUpAnswered);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        using var book = new XLWorkbook();
        var summary = book.AddWorksheet("Tong hop");
        summary.Cell(1, 1).Value = $"Báo cáo phản ánh hiện trường — {Profile.Options.DisplayName} — {PeriodLabel}";
        summary.Cell(3, 1).Value = "Tổng số phản ánh";
        summary.Cell(3, 2).Value = Items.Count;
        summary.Cell(4, 1).Value = "Chưa giải quyết";
        summary.Cell(4, 2).Value = UnresolvedList.Count();
        summary.Cell(5, 1).Value = "Quá hạn";
        summary.Cell(5, 2).Value = LateList.Count();
        summary.Cell(6, 1).Value = "Kéo dài trên 30 ngày";
        summary.Cell(6, 2).Value = ProlongedList.Count();
        Table(book.AddWorksheet("Linh vuc"), ["Lĩnh vực", "Số phản ánh"], ByField.Select(x => new object[] { x.Label, x.Count }));
        Table(book.AddWorksheet("Don vi"), ["Đơn vị", "Đúng hạn", "Tổng", "Tỷ lệ đúng hạn"], OnTimeByAgency.Select(x => new object[] { x.Label, x.OnTime, x.Total, x.Total == 0 ? 0 : Math.Round(100.0 * x.OnTime / x.Total, 1) }));
        Table(book.AddWorksheet("Danh gia"), ["Mức", "Số lượt"], Ratings.Select(x => new object[] { x.Code, x.Count }));
        Table(book.AddWorksheet("Qua han"), ["Mã", "Tiêu đề", "Lĩnh vực", "Đơn vị", "Trạng thái", "Ngày gửi"], LateList.Select(i => new object[] { i.Row.Id.ToString()[..8], i.View.Title ?? "", FieldName(i.View.FieldCode), AgencyName(i.View.AssignedAgencyId), i.View.State.ToString(), Local(i.Row.SubmittedAt) }));
        Table(book.AddWorksheet("Chua giai quyet"), ["Mã", "Tiêu đề", "Lĩnh vực", "Đơn vị", "Trạng thái", "Ngày gửi"], UnresolvedList.Select(i => new object[] { i.Row.Id.ToString()[..8], i.View.Title ?? "", FieldName(i.View.FieldCode), AgencyName(i.View.AssignedAgencyId), i.View.State.ToString(), Local(i.Row.SubmittedAt) }));
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bao-cao-{Province}-{Period}-{Year}-{Index}.xlsx");
    }

    private static void Table(IXLWorksheet sheet, string[] headers, IEnumerable<object[]> rows)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                sheet.Cell(r, c + 1).Value = row[c] switch
                {
                    int i => i,
                    double d => d,
                    var o => o.ToString(),
                };
            }

            r++;
        }

        // Fixed widths: measuring text (AdjustToContents) needs System.Drawing, which Linux servers lack.
        sheet.Columns(1, headers.Length).Width = 24;
        sheet.Column(2).Width = 48;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Is(ActorRole.Leader, ActorRole.Administrator, ActorRole.ReceptionStaff, ActorRole.Approver))
        {
            return Refuse();
        }

        var today = Now.InZone(Profile.TimeZone).Date;
        if (Year == 0)
        {
            Year = today.Year;
            Index = Period switch { "month" => today.Month, "quarter" => ((today.Month - 1) / 3) + 1, "half" => today.Month <= 6 ? 1 : 2, _ => 1 };
        }

        var (fromMonth, months) = Period switch
        {
            "month" => (Math.Clamp(Index, 1, 12), 1),
            "quarter" => ((3 * (Math.Clamp(Index, 1, 4) - 1)) + 1, 3),
            "half" => ((6 * (Math.Clamp(Index, 1, 2) - 1)) + 1, 6),
            _ => (1, 12),
        };
        var start = new LocalDate(Year, fromMonth, 1);
        var end = start.PlusMonths(months);
        PeriodLabel = Period switch
        {
            "month" => $"{fromMonth:00}/{Year}",
            "quarter" => $"Q{Index}/{Year}",
            "half" => $"H{Index}/{Year}",
            _ => Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var rows = await lists.ListAsync(Province, submittedFrom: start.AtStartOfDayInZone(Profile.TimeZone).ToInstant(), submittedTo: end.AtStartOfDayInZone(Profile.TimeZone).ToInstant(), limit: 5000, cancellationToken: cancellationToken);
        Items = await ViewsAsync(rows, cancellationToken);
        foreach (var i in Items)
        {
            Late[i.Row.Id] = i.Report.IsTerminal ? false : deadlines.Clock(i.Report, Now).Steps.Any(s => s.IsBreached);
        }

        return null;
    }
}
