using FieldReports.Confidentiality;
using FieldReports.Reports;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>Reports' confidentiality marks and the history of the reporter's identity consents.</summary>
public abstract class ConfidentialityConformance : StorageTestBase
{
    private static readonly ConfidentialityPolicy Policy = new(TestProvinces.Load());

    private static readonly Actor Reporter = Actor.Reporter("citizen-1");

    private IReportConfidentialityStore Marks => Services.GetRequiredService<IReportConfidentialityStore>();

    [StorageFact]
    public async Task Report_without_marks_reads_as_none()
    {
        var report = await AddReportAsync();

        Assert.Same(ReportConfidentiality.None, await Marks.FindAsync(TestReports.Province, report.Id, default));
        Assert.Empty(await Marks.ListConsentsAsync(TestReports.Province, report.Id, default));
    }

    [StorageFact]
    public async Task Consent_given_withdrawn_and_given_again_keeps_its_history_across_a_restart()
    {
        var at = Clock.GetCurrentInstant();
        var report = await AddReportAsync();

        var (given, marks) = Policy.GiveConsent(report, Reporter, "Liên hệ để xác minh địa điểm", ReportConfidentiality.None, at);
        Assert.True(given.IsSuccess);
        marks = marks with { IdentitySecrecyRequested = true, IsStateSecret = true };
        Assert.True((await Marks.SaveAsync(TestReports.Province, report.Id, marks, default)).IsSuccess);

        var stored = await Marks.FindAsync(TestReports.Province, report.Id, default);
        Assert.Equal(marks, stored);
        var (withdrawn, afterWithdrawal) = Policy.WithdrawConsent(report, Reporter, stored, at + Duration.FromHours(1));
        Assert.True(withdrawn.IsSuccess);
        Assert.True((await Marks.SaveAsync(TestReports.Province, report.Id, afterWithdrawal, default)).IsSuccess);
        var (_, again) = Policy.GiveConsent(report, Reporter, "Liên hệ lại", afterWithdrawal, at + Duration.FromHours(2));
        Assert.True((await Marks.SaveAsync(TestReports.Province, report.Id, again, default)).IsSuccess);

        var restarted = NewServices().GetRequiredService<IReportConfidentialityStore>();
        var latest = await restarted.FindAsync(TestReports.Province, report.Id, default);
        var history = await restarted.ListConsentsAsync(TestReports.Province, report.Id, default);

        Assert.Equal(again, latest);
        Assert.True(latest.Consent!.StandsAt(at + Duration.FromHours(3)));
        Assert.Equal(2, history.Count);
        Assert.Equal(afterWithdrawal.Consent, history[0]);
        Assert.Equal(at + Duration.FromHours(1), history[0].WithdrawnAt);
        Assert.Equal("1", history[0].WordingVersion);
        Assert.Equal(again.Consent, history[1]);
    }

    [StorageFact]
    public async Task Saving_an_older_state_cannot_erase_a_withdrawal_or_a_later_consent()
    {
        var at = Clock.GetCurrentInstant();
        var report = await AddReportAsync();
        var (_, given) = Policy.GiveConsent(report, Reporter, "Liên hệ", ReportConfidentiality.None, at);
        await Marks.SaveAsync(TestReports.Province, report.Id, given, default);
        var (_, withdrawn) = Policy.WithdrawConsent(report, Reporter, given, at + Duration.FromHours(1));
        await Marks.SaveAsync(TestReports.Province, report.Id, withdrawn, default);

        var undo = await Marks.SaveAsync(TestReports.Province, report.Id, given with { Consent = given.Consent! with { WithdrawnAt = at + Duration.FromHours(5) } }, default);
        var (_, later) = Policy.GiveConsent(report, Reporter, "Liên hệ lại", withdrawn, at + Duration.FromHours(2));
        await Marks.SaveAsync(TestReports.Province, report.Id, later, default);
        var older = await Marks.SaveAsync(TestReports.Province, report.Id, withdrawn, default);

        Assert.Equal(ErrorCodes.ConsentInvalid, undo.Error?.Code);
        Assert.Equal(ErrorCodes.ConsentInvalid, older.Error?.Code);
        Assert.Equal([withdrawn.Consent!, later.Consent!], await Marks.ListConsentsAsync(TestReports.Province, report.Id, default));
    }

    [StorageFact]
    public async Task Marks_are_kept_apart_per_province()
    {
        var report = await AddReportAsync();
        var marks = new ReportConfidentiality { IsStateSecret = true };

        Assert.Equal(ErrorCodes.ReportNotFound, (await Marks.SaveAsync("camau", report.Id, marks, default)).Error?.Code);
        Assert.True((await Marks.SaveAsync(TestReports.Province, report.Id, marks, default)).IsSuccess);
        Assert.Same(ReportConfidentiality.None, await Marks.FindAsync("camau", report.Id, default));
        Assert.Equal(ErrorCodes.ReportNotFound, (await Marks.SaveAsync(TestReports.Province, ReportId.New(), marks, default)).Error?.Code);
    }

    private async Task<Report> AddReportAsync()
    {
        var report = TestReports.Submitted(Clock.GetCurrentInstant());
        Assert.True((await Store.AddAsync(TestReports.Province, report, null, null, [], default)).IsSuccess);
        return report;
    }
}
