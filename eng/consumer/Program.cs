using FieldReports.Provinces;
using FieldReports.Intake;
using FieldReports.Reports;
using FieldReports.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// A vendor's program that uses only the published packages: registers a province, stores on SQLite with the shipped
// migrations, submits a report through the application service and moves it on.
var file = Path.Combine(Path.GetTempPath(), $"fieldreports-consumer-{Guid.NewGuid():N}.db");
var services = new ServiceCollection();
services.AddLogging();
services.AddFieldReports()
    .AddProvince("ca-mau", p =>
    {
        p.DisplayName = "Cà Mau";
        p.Fields.Add(new FieldOptions { Code = "environment", NameVi = "Môi trường" });
    })
    .UseEntityFrameworkCore(ef => ef.UseDbContext(o => o.UseSqlite($"Data Source={file}", x => x.UseFieldReportsMigrations())))
    .AddAspNetCore();
await using var provider = services.BuildServiceProvider();
await provider.MigrateFieldReportsDatabaseAsync();

var reports = provider.GetRequiredService<ReportService>();
var draft = new ReportDraft
{
    Channel = "app",
    ReporterAccountId = "citizen-1",
    Contact = new ReporterContact { Name = "Trần Thị B", Phone = "0912345678" },
    Description = "Cống thoát nước bị tắc trước chợ, nước ngập mặt đường.",
    Address = "Chợ phường 5",
    Attachments = [new DraftAttachment("photo-1", "cong.jpg", "image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF })],
};
var submitted = await reports.SubmitAsync("ca-mau", draft, Actor.Reporter("citizen-1"), null, CancellationToken.None);
if (!submitted.IsSuccess)
{
    Console.Error.WriteLine($"consumer: submission refused: {submitted.Error}");
    return 1;
}

var received = await reports.ApplyAsync("ca-mau", submitted.Report!.Id, new ReceiveCommand("environment"), Actor.Reception("staff-1"), CancellationToken.None);
if (!received.IsSuccess || received.Report!.State != ReportState.Received || received.CurrentStep is null)
{
    Console.Error.WriteLine($"consumer: the workflow did not behave as documented: {received.Error}");
    return 1;
}

Console.WriteLine($"consumer: report {received.Report.Id} is {received.Report.State}, next deadline {received.CurrentStep.Deadline}");
File.Delete(file);
return 0;
