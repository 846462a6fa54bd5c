using FieldReports.Reports;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace FieldReports.Storage.EF.Tests;

/// <summary>Whatever a report holds, it comes back from the store as it went in.</summary>
public sealed class SqliteRoundTripProperties : StorageTestBase
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    [Property(MaxTest = 60)]
    public bool Any_report_content_and_walk_round_trips(NonEmptyString description, string? title, bool urgent, bool confidential, byte steps, int seconds, bool located)
    {
        var at = Instant.FromUnixTimeSeconds(1_700_000_000L + Math.Abs(seconds % 100_000_000));
        var report = Report.Submit(ReportId.New(), new ReportSubmission
        {
            ProvinceId = TestReports.Province,
            ReporterAccountId = "citizen-p",
            Channel = "web",
            IsUrgent = urgent,
            IsConfidential = confidential,
            Content = new ReportContent
            {
                Title = title,
                Description = description.Get,
                Location = located ? new GeoPoint(seconds % 90, seconds % 180) : null,
                ObservedAt = at - Duration.FromTicks(Math.Abs((long)seconds) * 7),
                AttachmentIds = [.. Enumerable.Range(0, steps % 4).Select(i => "a" + i)],
            },
        }, Actor.Reporter("citizen-p"), at);
        // Walk part of the way along the workflow, saving at every step.
        Assert.True(Store.AddAsync(TestReports.Province, report, null, null, [], default).GetAwaiter().GetResult().IsSuccess);
        var walk = new Func<Report, Instant, Report>[] { (r, t) => r.Receive(t), (r, t) => r.Assign(t), (r, t) => r.Acknowledge(t), (r, t) => r.SubmitResult(t) };
        for (var i = 0; i < steps % 5; i++)
        {
            var version = report.Version;
            walk[i](report, at + Duration.FromMinutes(i + 1));
            Assert.True(Store.SaveAsync(TestReports.Province, report, version, at + Duration.FromHours(i + 4), [], default).GetAwaiter().GetResult().IsSuccess);
        }

        var found = Store.FindAsync(TestReports.Province, report.Id, default).GetAwaiter().GetResult();
        Same.Report(report, found!);
        return true;
    }
}
