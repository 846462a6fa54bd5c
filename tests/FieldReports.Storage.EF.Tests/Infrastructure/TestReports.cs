using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Infrastructure;

/// <summary>Reports in the states the tests need, built through the real workflow.</summary>
public static class TestReports
{
    public const string Province = "hue";

    public static Report Submitted(Instant at, string province = Province, string reporter = "citizen-1", bool urgent = false, bool confidential = false, string? area = "xa-phu-hoi", string? title = "Ổ gà trên đường Lê Lợi") =>
        Report.Submit(ReportId.New(), new ReportSubmission
        {
            ProvinceId = province,
            ReporterAccountId = reporter,
            Channel = "app",
            IsUrgent = urgent,
            IsConfidential = confidential,
            Content = new ReportContent
            {
                Title = title,
                Description = "Một ổ gà lớn giữa đường, nguy hiểm cho xe máy vào ban đêm.",
                Location = new GeoPoint(16.4637, 107.5909),
                Address = "12 Lê Lợi, Huế",
                AreaCode = area,
                ObservedAt = at - Duration.FromHours(1),
                AttachmentIds = ["img-1", "img-2"],
            },
        }, Actor.Reporter(reporter), at);

    public static Report Receive(this Report report, Instant at, string field = "roads")
    {
        Ok(report.Apply(new ReceiveCommand(field), Actor.Reception("reception-1"), at));
        return report;
    }

    public static Report Assign(this Report report, Instant at, string agency = "agency-1")
    {
        Ok(report.Apply(new AssignCommand(agency, "Xử lý trong ngày"), Actor.Reception("reception-1"), at));
        return report;
    }

    public static Report Acknowledge(this Report report, Instant at)
    {
        Ok(report.Apply(new AcknowledgeCommand(), Actor.Handler("handler-1", report.AssignedAgencyId!), at));
        return report;
    }

    public static Report SubmitResult(this Report report, Instant at)
    {
        Ok(report.Apply(new SubmitResultCommand("Đã vá ổ gà.", ["evidence-1"]), Actor.Handler("handler-1", report.AssignedAgencyId!), at));
        return report;
    }

    public static Report ReturnToCentre(this Report report, Instant at)
    {
        Ok(report.Apply(new ReturnToCentreCommand("Không thuộc thẩm quyền", "agency-2"), Actor.Handler("handler-1", report.AssignedAgencyId!), at));
        return report;
    }

    public static Report Escalate(this Report report, Instant at)
    {
        Ok(report.Apply(new EscalateCommand("Cần ý kiến chỉ đạo"), Actor.Reception("reception-1"), at));
        return report;
    }

    public static Report Approve(this Report report, Instant at)
    {
        Ok(report.Apply(new ApproveCommand("OK"), Actor.Approver("approver-1"), at));
        return report;
    }

    public static Report Published(Instant at, string province = Province, string field = "roads", string? area = "xa-phu-hoi", string agency = "agency-1") =>
        Submitted(at, province, area: area).Receive(at, field).Assign(at, agency).Acknowledge(at).SubmitResult(at).Approve(at);

    private static void Ok(DomainResult result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Error!.ToString());
        }
    }
}
