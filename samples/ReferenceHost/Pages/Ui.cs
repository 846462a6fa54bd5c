using System.Globalization;
using System.Net;
using FieldReports.Reports;
using NodaTime;
using ReferenceHost.Hosting;

namespace ReferenceHost.Pages;

/// <summary>Small renderings shared by pages: state names, SLA countdowns, the tile map.</summary>
public static class Ui
{
    public static string State(Lang l, ReportState state) => state switch
    {
        ReportState.Submitted => l["Chờ tiếp nhận", "Waiting for intake"],
        ReportState.RejectedAtIntake => l["Từ chối tiếp nhận", "Rejected at intake"],
        ReportState.Withdrawn => l["Đã rút", "Withdrawn"],
        ReportState.Received => l["Đã tiếp nhận", "Received"],
        ReportState.AnsweredDirectly => l["Đã trả lời trực tiếp", "Answered directly"],
        ReportState.Assigned => l["Đã chuyển đơn vị", "Assigned"],
        ReportState.InHandling => l["Đang xử lý", "In handling"],
        ReportState.ReturnedToCentre => l["Đơn vị chuyển trả", "Returned to centre"],
        ReportState.ResultSubmitted => l["Chờ phê duyệt kết quả", "Result awaiting approval"],
        ReportState.Published => l["Đã công khai kết quả", "Result published"],
        ReportState.RepliedPrivately => l["Đã trả lời riêng", "Replied privately"],
        ReportState.Escalated => l["Báo cáo cấp trên", "Escalated"],
        ReportState.Rated => l["Đã đánh giá", "Rated"],
        ReportState.FollowUpRequired => l["Cần làm rõ thêm", "Follow-up required"],
        ReportState.FollowUpAnswered => l["Đã làm rõ", "Follow-up answered"],
        ReportState.Closed => l["Đã đóng", "Closed"],
        _ => state.ToString(),
    };

    public static string Rating(Lang l, string? code) => code switch
    {
        "satisfied" => l["Hài lòng", "Satisfied"],
        "acceptable" => l["Chấp nhận được", "Acceptable"],
        "not_satisfied" => l["Không hài lòng", "Not satisfied"],
        null => "—",
        _ => code,
    };

    /// <summary>A domain refusal in the page's language: the codes a person meets on these pages are translated, others keep the core's message.</summary>
    public static string Error(Lang l, FieldReports.DomainError error) => error.Code switch
    {
        FieldReports.ErrorCodes.AccountLocked or FieldReports.ErrorCodes.IntakeAccountLocked => l["Tài khoản đang bị khóa.", "The account is locked."],
        FieldReports.ErrorCodes.InteractionBanned => l["Tài khoản đang bị khóa chức năng tương tác.", "The account's interaction is banned."] + " (" + error.Message + ")",
        FieldReports.ErrorCodes.InteractionNotPublished => l["Chỉ tương tác được với kết quả đã công khai.", "Only published results can be interacted with."],
        FieldReports.ErrorCodes.InteractionAlreadyAnswered => l["Tương tác này đã được trả lời.", "This interaction has already been answered."],
        FieldReports.ErrorCodes.ConsentInvalid => l["Không thể ghi nhận thay đổi đồng ý chia sẻ danh tính.", "The identity consent could not be changed."] + " (" + error.Message + ")",
        FieldReports.ErrorCodes.NoSanctionToLift => l["Tài khoản không có hình thức khóa này để gỡ.", "The account has no such sanction to lift."],
        FieldReports.ErrorCodes.SanctionInForce => l["Hình thức khóa này đang có hiệu lực.", "This sanction is already in force."],
        FieldReports.ErrorCodes.ArgumentRequired => l["Vui lòng nhập đủ nội dung (lý do, câu trả lời).", "Please fill in the text (reason, answer)."],
        FieldReports.ErrorCodes.ConcurrencyConflict => l["Dữ liệu vừa được người khác cập nhật. Vui lòng tải lại trang.", "Someone else has just changed this. Please reload the page."],
        FieldReports.ErrorCodes.UploadTypeNotAllowed => l["Tệp không phải là ảnh hoặc video được chấp nhận (JPEG, PNG, GIF, WebP, HEIC, MP4, MOV, WebM); hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp.", "The file is not an accepted image or video (JPEG, PNG, GIF, WebP, HEIC, MP4, MOV, WebM); its content was checked, not its name."],
        FieldReports.ErrorCodes.UploadTooLarge => l["Tệp quá lớn hoặc quá nhiều tệp.", "A file is too large, or there are too many files."] + " (" + error.Message + ")",
        FieldReports.ErrorCodes.UploadImageTooLarge => l["Ảnh có kích thước điểm ảnh quá lớn.", "An image has too many pixels."] + " (" + error.Message + ")",
        FieldReports.ErrorCodes.UploadImageUnreadable => l["Không đọc được ảnh; vui lòng chụp lại hoặc chọn ảnh khác.", "An image could not be read; please take or choose another."],
        FieldReports.ErrorCodes.UploadVideoUnreadable => l["Tệp video bị hỏng hoặc không đầy đủ; vui lòng quay lại hoặc chọn video khác.", "A video is damaged or incomplete; please record or choose another."],
        _ => error.Message,
    };

    /// <summary>The SLA countdown: css class (ok / warn / late) and text.</summary>
    public static (string Css, string Text) Countdown(Lang l, Instant? deadline, Instant now)
    {
        if (deadline is not { } d)
        {
            return ("none", "—");
        }

        var left = d - now;
        var abs = left < Duration.Zero ? -left : left;
        var text = abs.TotalDays >= 1
            ? l[$"{(int)abs.TotalDays} ngày {abs.Hours} giờ", $"{(int)abs.TotalDays} d {abs.Hours} h"]
            : l[$"{abs.Hours} giờ {abs.Minutes} phút", $"{abs.Hours} h {abs.Minutes} min"];
        return left < Duration.Zero ? ("late", l["Quá hạn ", "Overdue "] + text)
            : left < Duration.FromHours(2) ? ("warn", l["Còn ", "Left: "] + text)
            : ("ok", l["Còn ", "Left: "] + text);
    }

    public const int Zoom = 13;

    /// <summary>
    /// A map of 3×3 OpenStreetMap tiles around a point, drawn without any script library. When the tiles cannot load
    /// (offline, blocked), the grid stays usable for picking and showing points, and a note says to type the coordinates.
    /// </summary>
    public static string Map(Lang l, string tileUrl, (double Lat, double Lon) centre, IEnumerable<(double Lat, double Lon, string Label)> markers, bool pick)
    {
        var (cx, cy) = World(centre.Lat, centre.Lon);
        var tx = (int)Math.Floor(cx / 256) - 1;
        var ty = (int)Math.Floor(cy / 256) - 1;
        var ox = tx * 256.0;
        var oy = ty * 256.0;
        var s = new System.Text.StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<div class=\"map\" data-zoom=\"{Zoom}\" data-ox=\"{ox}\" data-oy=\"{oy}\"{(pick ? " data-pick=\"1\"" : "")}>");
        s.Append(CultureInfo.InvariantCulture, $"<div class=\"map-inner\" style=\"left:calc(50% - {cx - ox:0}px);top:calc(150px - {cy - oy:0}px)\">");
        for (var dy = 0; dy < 3; dy++)
        {
            for (var dx = 0; dx < 3; dx++)
            {
                var url = tileUrl.Replace("{z}", Zoom.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{x}", (tx + dx).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{y}", (ty + dy).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                s.Append(CultureInfo.InvariantCulture, $"<img class=\"tile\" alt=\"\" src=\"{WebUtility.HtmlEncode(url)}\" style=\"left:{dx * 256}px;top:{dy * 256}px\" onerror=\"this.closest('.map').classList.add('no-tiles');this.remove()\">");
            }
        }

        foreach (var (lat, lon, label) in markers)
        {
            var (mx, my) = World(lat, lon);
            if (mx < ox || my < oy || mx > ox + 768 || my > oy + 768)
            {
                continue;
            }

            s.Append(CultureInfo.InvariantCulture, $"<span class=\"pin\" title=\"{WebUtility.HtmlEncode(label)}\" style=\"left:{mx - ox:0}px;top:{my - oy:0}px\"></span>");
        }

        if (pick)
        {
            s.Append("<span class=\"pin pick\" hidden></span>");
        }

        s.Append("</div><p class=\"map-note\">")
            .Append(WebUtility.HtmlEncode(pick
                ? l["Không tải được bản đồ nền. Vẫn có thể bấm vào lưới để chọn vị trí, hoặc nhập vĩ độ/kinh độ và địa chỉ.", "The map tiles could not be loaded. You can still click the grid to pick a place, or type latitude/longitude and an address."]
                : l["Không tải được bản đồ nền; các điểm vẫn đúng vị trí tương đối. Địa chỉ có trong từng kết quả bên dưới.", "The map tiles could not be loaded; the points keep their relative places. Each result below gives its address."]))
            .Append("</p></div>");
        return s.ToString();
    }

    private static (double X, double Y) World(double lat, double lon)
    {
        var n = Math.Pow(2, Zoom) * 256;
        var rad = lat * Math.PI / 180;
        return ((lon + 180) / 360 * n, (1 - (Math.Log(Math.Tan(rad) + (1 / Math.Cos(rad))) / Math.PI)) / 2 * n);
    }
}
