using FieldReports.Reports;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>Attachment metadata, per province.</summary>
public abstract class AttachmentConformance : StorageTestBase
{
    private IAttachmentStore Attachments => Services.GetRequiredService<IAttachmentStore>();

    [StorageFact]
    public async Task Attachments_are_listed_per_report_and_kept_apart_per_province()
    {
        var at = Clock.GetCurrentInstant();
        var report = TestReports.Submitted(at);
        await Store.AddAsync(TestReports.Province, report, null, null, [], default);
        var first = Attachment("img-1", at) with { ReportId = report.Id };
        var second = Attachment("img-2", at + Duration.FromSeconds(1)) with { ReportId = report.Id };
        Assert.True((await Attachments.AddAsync(second, default)).IsSuccess);
        Assert.True((await Attachments.AddAsync(first, default)).IsSuccess);
        Assert.True((await Attachments.AddAsync(Attachment("img-1", at) with { ProvinceId = "camau" }, default)).IsSuccess);

        Assert.Equal(first, await Attachments.FindAsync(TestReports.Province, "img-1", default));
        Assert.Null(await Attachments.FindAsync(TestReports.Province, "img-9", default));
        Assert.Equal([first, second], await Attachments.ListForReportAsync(TestReports.Province, report.Id, default));
        Assert.Empty(await Attachments.ListForReportAsync("camau", report.Id, default));
        Assert.Equal(ErrorCodes.ConcurrencyConflict, (await Attachments.AddAsync(first, default)).Error?.Code);
    }

    [StorageFact]
    public async Task Evidence_to_review_is_old_enough_evidence_of_settled_reports_and_only_evidence_is_retained_or_removed()
    {
        var at = Clock.GetCurrentInstant();
        var published = TestReports.Published(at);
        var inHandling = TestReports.Submitted(at).Receive(at).Assign(at).Acknowledge(at);
        await Store.AddAsync(TestReports.Province, published, null, null, [], default);
        await Store.AddAsync(TestReports.Province, inHandling, null, null, [], default);
        AttachmentMetadata Of(string id, Report report, AttachmentRole role, Duration age) => Attachment(id, at - age) with { ReportId = report.Id, Role = role };
        foreach (var a in new[]
        {
            Of("photo", published, AttachmentRole.Report, Duration.FromHours(5)),
            Of("ev-old", published, AttachmentRole.Evidence, Duration.FromHours(2)),
            Of("ev-older", published, AttachmentRole.Evidence, Duration.FromHours(3)),
            Of("ev-new", published, AttachmentRole.Evidence, Duration.Zero),
            Of("ev-open", inHandling, AttachmentRole.Evidence, Duration.FromHours(2)),
            Of("ev-kept", published, AttachmentRole.RetainedEvidence, Duration.FromHours(2)),
        })
        {
            Assert.True((await Attachments.AddAsync(a, default)).IsSuccess);
        }

        Assert.Equal(AttachmentRole.Evidence, (await Attachments.FindAsync(TestReports.Province, "ev-old", default))!.Role);
        ReportState[] settled = [ReportState.Published, ReportState.Closed];
        var cutoff = at - Duration.FromMinutes(30);
        Assert.Equal(["ev-older", "ev-old"], (await Attachments.ListEvidenceToReviewAsync(TestReports.Province, cutoff, settled, 10, default)).Select(a => a.Id));
        Assert.Equal(["ev-older"], (await Attachments.ListEvidenceToReviewAsync(TestReports.Province, cutoff, settled, 1, default)).Select(a => a.Id));
        Assert.Empty(await Attachments.ListEvidenceToReviewAsync(TestReports.Province, cutoff, [ReportState.Closed], 10, default));
        Assert.Empty(await Attachments.ListEvidenceToReviewAsync("camau", cutoff, settled, 10, default));

        await Attachments.RetainEvidenceAsync(TestReports.Province, ["ev-older", "photo"], default);
        Assert.Equal(AttachmentRole.RetainedEvidence, (await Attachments.FindAsync(TestReports.Province, "ev-older", default))!.Role);
        Assert.Equal(AttachmentRole.Report, (await Attachments.FindAsync(TestReports.Province, "photo", default))!.Role);

        Assert.Equal(1, await Attachments.RemoveEvidenceAsync(TestReports.Province, ["ev-old", "photo", "ev-kept", "ev-older"], default));
        Assert.Equal(0, await Attachments.RemoveEvidenceAsync(TestReports.Province, ["ev-old"], default));
        Assert.Null(await Attachments.FindAsync(TestReports.Province, "ev-old", default));
        Assert.Equal(
            ["photo", "ev-older", "ev-kept", "ev-new"],
            (await Attachments.ListForReportAsync(TestReports.Province, published.Id, default)).Select(a => a.Id));
        Assert.Empty(await Attachments.ListEvidenceToReviewAsync(TestReports.Province, cutoff, settled, 10, default));
    }

    private static AttachmentMetadata Attachment(string id, Instant at) => new()
    {
        Id = id,
        ProvinceId = TestReports.Province,
        FileName = id + ".jpg",
        ContentType = "image/jpeg",
        Length = 123_456,
        Sha256 = new string('a', 64),
        StorageKey = "blobs/" + id,
        OriginalStorageKey = "blobs/" + id + "-original",
        CreatedAt = at,
    };
}
