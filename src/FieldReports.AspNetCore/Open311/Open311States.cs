using FieldReports.Reports;

namespace FieldReports.AspNetCore.Open311;

/// <summary>How the workflow's states appear in GeoReport v2.</summary>
internal static class Open311States
{
    /// <summary>
    /// <c>closed</c> once the report needs nothing more from the province: its result reached the reporter (published,
    /// replied privately, answered directly, rated, follow-up answered), it was closed, rejected at intake or withdrawn;
    /// <c>open</c> otherwise (including a Not satisfied rating, which reopens the agency's work).
    /// </summary>
    public static string StatusOf(ReportState state) => state switch
    {
        ReportState.AnsweredDirectly or ReportState.Published or ReportState.RepliedPrivately or ReportState.Rated
            or ReportState.FollowUpAnswered or ReportState.Closed or ReportState.RejectedAtIntake or ReportState.Withdrawn => "closed",
        _ => "open",
    };

    /// <summary>The Vietnamese name of a state, as the regulations call the step.</summary>
    public static string VietnameseName(ReportState state) => state switch
    {
        ReportState.Submitted => "Đã gửi, chờ tiếp nhận",
        ReportState.RejectedAtIntake => "Từ chối tiếp nhận",
        ReportState.Withdrawn => "Đã rút",
        ReportState.Received => "Đã tiếp nhận, phân loại",
        ReportState.AnsweredDirectly => "Đã trả lời trực tiếp",
        ReportState.Assigned => "Đã chuyển cơ quan xử lý",
        ReportState.InHandling => "Đang xử lý",
        ReportState.ReturnedToCentre => "Chuyển trả Trung tâm",
        ReportState.ResultSubmitted => "Đã có kết quả, chờ kiểm tra",
        ReportState.Published => "Đã công khai kết quả",
        ReportState.RepliedPrivately => "Đã trả lời riêng người phản ánh",
        ReportState.Escalated => "Đã báo cáo cấp trên",
        ReportState.Rated => "Đã đánh giá",
        ReportState.FollowUpRequired => "Không hài lòng, đang làm rõ",
        ReportState.FollowUpAnswered => "Đã làm rõ",
        ReportState.Closed => "Đã kết thúc",
        _ => state.ToString(),
    };
}
