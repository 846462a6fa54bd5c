using FieldReports.Reports;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>Personal data of reporters: read, exported and erased apart from the reports.</summary>
public abstract class ReporterDataConformance : StorageTestBase
{
    [StorageFact]
    public async Task Contact_is_read_per_report_and_province()
    {
        var report = TestReports.Submitted(Clock.GetCurrentInstant());
        var contact = new ReporterContact { Name = "Trần Thị B", Phone = "+84987654321", Email = "b@example.vn" };
        await Store.AddAsync(TestReports.Province, report, contact, null, [], default);

        Assert.Equal(contact, await ReporterData.FindContactAsync(TestReports.Province, report.Id, default));
        Assert.Null(await ReporterData.FindContactAsync("camau", report.Id, default));
    }

    [StorageFact]
    public async Task Export_lists_every_contact_of_the_reporter_oldest_first()
    {
        var at = Clock.GetCurrentInstant();
        var first = TestReports.Submitted(at, reporter: "citizen-7");
        var second = TestReports.Submitted(at + Duration.FromDays(1), reporter: "citizen-7");
        var other = TestReports.Submitted(at, reporter: "citizen-8");
        await Store.AddAsync(TestReports.Province, second, new ReporterContact { Name = "C", Phone = "+84900000002" }, null, [], default);
        await Store.AddAsync(TestReports.Province, first, new ReporterContact { Name = "C", Phone = "+84900000001" }, null, [], default);
        await Store.AddAsync(TestReports.Province, other, new ReporterContact { Name = "D" }, null, [], default);

        var export = await ReporterData.ExportAsync(TestReports.Province, "citizen-7", default);

        Assert.Equal([first.Id, second.Id], export.Select(e => e.Key));
        Assert.Equal("+84900000001", export[0].Value.Phone);
    }

    [StorageFact]
    public async Task Erasure_removes_the_personal_data_and_keeps_the_report_and_its_history()
    {
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at, reporter: "citizen-9").Receive(at);
        await Store.AddAsync(TestReports.Province, report, new ReporterContact { Name = "E", Phone = "+84911111111" }, null, [], default);

        Assert.Equal(1, await ReporterData.EraseReporterAsync(TestReports.Province, "citizen-9", at + Duration.FromDays(30), default));
        Assert.Equal(0, await ReporterData.EraseReporterAsync(TestReports.Province, "citizen-9", at + Duration.FromDays(31), default));

        Assert.Null(await ReporterData.FindContactAsync(TestReports.Province, report.Id, default));
        Assert.Empty(await ReporterData.ExportAsync(TestReports.Province, "citizen-9", default));
        var kept = await Store.FindAsync(TestReports.Province, report.Id, default);
        Assert.NotNull(kept);
        Same.Report(report, kept!);
    }
}
