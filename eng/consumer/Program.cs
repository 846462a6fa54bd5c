using FieldReports.Reports;
using NodaTime;

// Walks one report through intake and assignment using only the published packages.
var at = Instant.FromUtc(2026, 3, 2, 2, 0);
var report = Report.Submit(
    ReportId.New(),
    new ReportSubmission { ProvinceId = "camau", ReporterAccountId = "citizen-1", Channel = "app", Content = new ReportContent { Description = "Cống thoát nước bị tắc" } },
    Actor.Reporter("citizen-1"),
    at);
var received = report.Apply(new ReceiveCommand("environment"), Actor.Reception("staff-1"), at + Duration.FromMinutes(5));
var assigned = report.Apply(new AssignCommand("agency-env"), Actor.Reception("staff-1"), at + Duration.FromMinutes(10));
if (!received.IsSuccess || !assigned.IsSuccess || report.State != ReportState.Assigned || report.Events.Count != 3)
{
    Console.Error.WriteLine("consumer: the workflow did not behave as documented");
    return 1;
}

Console.WriteLine($"consumer: report {report.Id} is {report.State} after {report.Events.Count} events");
return 0;
