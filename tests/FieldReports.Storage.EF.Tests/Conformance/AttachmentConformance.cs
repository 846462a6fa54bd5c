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
