using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.AspNetCore.Tests;

/// <summary>Evidence uploaded but never cited is deleted once no result can cite it; nothing else is.</summary>
public class EvidenceCleanupTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private IAttachmentStore Attachments => factory.Services.GetRequiredService<IAttachmentStore>();

    private Instant Now => factory.Services.GetRequiredService<IClock>().GetCurrentInstant();

    [Fact]
    public void Evidence_is_settled_only_where_the_workflow_never_leads_back_to_a_result()
    {
        var settled = EvidenceCleanup.SettledStates;

        Assert.Contains(ReportState.Published, settled);
        Assert.Contains(ReportState.Closed, settled);
        Assert.Contains(ReportState.RepliedPrivately, settled);
        Assert.Contains(ReportState.FollowUpRequired, settled);
        foreach (var open in new[] { ReportState.InHandling, ReportState.ResultSubmitted, ReportState.ReturnedToCentre, ReportState.Escalated, ReportState.Assigned })
        {
            Assert.DoesNotContain(open, settled);
        }
    }

    [Fact]
    public async Task Uncited_evidence_is_deleted_after_publication_and_retention_while_cited_evidence_and_the_citizens_photo_stay()
    {
        var photo = TestImages.JpegWithCanaries();
        var id = await Api.SubmitAsync(factory, Api.Citizen, photo, "pothole.jpg");
        var reportId = new ReportId(Guid.Parse(id));
        await Api.AssignAsync(factory, id);
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/acknowledge", new { }));
        var first = await UploadAsync(id, TestImages.JpegWithCanaries(), "truoc.jpg");
        var second = await UploadAsync(id, TestImages.PlainJpeg(), "sau.jpg");
        var uncited = await UploadAsync(id, TestVideos.Mp4WithCanaries(), "nham.mp4");

        // The first result cites the first photo and is sent back; the second cites the other. The video is never cited.
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/result", new { result = "Đã vá.", evidenceAttachmentIds = new[] { first } }));
        await Api.Ok(Api.PostAsync(factory, Api.Approver, $"/reports/{id}/send-back", new { reason = "Ảnh chưa rõ." }));
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/result", new { result = "Đã vá lại.", evidenceAttachmentIds = new[] { second } }));
        var video = (await Attachments.FindAsync(ApiFactory.Province, uncited, default))!;
        Assert.Equal(AttachmentRole.Evidence, video.Role);
        Assert.NotNull(video.OriginalStorageKey);
        Assert.True(File.Exists(FileOf(video.StorageKey)) && File.Exists(FileOf(video.OriginalStorageKey!)));

        // Submitted but not yet approved: it may be sent back and cite the video after all.
        Assert.Equal(0, await CleanupAsync(Now + Duration.FromDays(30)));
        await Api.Ok(Api.PostAsync(factory, Api.Approver, $"/reports/{id}/approve", new { }));

        // Published, but within the retention.
        Assert.Equal(0, await CleanupAsync(Now + Duration.FromHours(2)));
        Assert.NotNull(await Attachments.FindAsync(ApiFactory.Province, uncited, default));

        Assert.Equal(1, await CleanupAsync(Now + Duration.FromDays(2)));

        Assert.Null(await Attachments.FindAsync(ApiFactory.Province, uncited, default));
        Assert.False(File.Exists(FileOf(video.StorageKey)));
        Assert.False(File.Exists(FileOf(video.OriginalStorageKey!)));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(factory, Api.Reception, $"/reports/{id}/attachments/{uncited}")).StatusCode);

        // Both cited photos (the earlier result's stays on the record with its evidence) and the citizen's photo are kept.
        var rows = await Attachments.ListForReportAsync(ApiFactory.Province, reportId, default);
        Assert.Equal(3, rows.Count);
        Assert.Equal(AttachmentRole.RetainedEvidence, rows.Single(r => r.Id == first).Role);
        Assert.Equal(AttachmentRole.RetainedEvidence, rows.Single(r => r.Id == second).Role);
        Assert.Equal(AttachmentRole.Report, rows.Single(r => r.Id != first && r.Id != second).Role);
        Assert.All(rows, r => Assert.True(File.Exists(FileOf(r.OriginalStorageKey!)) && (File.Exists(FileOf(r.StorageKey)) || r.StorageKey == DerivedCopies.JpegStrippedOf(r.OriginalStorageKey!))));
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(factory, null, $"/public/reports/{id}/attachments/{second}")).StatusCode);
        var own = rows.Single(r => r.Role == AttachmentRole.Report).Id;
        Assert.Equal(photo, await (await Api.GetAsync(factory, Api.Reception, $"/reports/{id}/attachments/{own}")).Content.ReadAsByteArrayAsync());

        // Nothing is left to do, however late.
        Assert.Equal(0, await CleanupAsync(Now + Duration.FromDays(400)));
        Assert.Equal(3, (await Attachments.ListForReportAsync(ApiFactory.Province, reportId, default)).Count);
    }

    [Fact]
    public async Task Evidence_of_a_report_still_in_handling_is_kept_however_old()
    {
        var id = await InHandlingAsync();
        var evidence = await UploadAsync(id, TestImages.PlainJpeg(), "x.jpg");

        Assert.Equal(0, await CleanupAsync(Now + Duration.FromDays(365)));

        Assert.NotNull(await Attachments.FindAsync(ApiFactory.Province, evidence, default));
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/result", new { result = "Xong.", evidenceAttachmentIds = new[] { evidence } }));
    }

    [Fact]
    public async Task A_pass_stopped_between_the_files_and_the_row_leaves_nothing_served_broken_and_the_next_pass_finishes()
    {
        var id = await InHandlingAsync();
        var cited = await UploadAsync(id, TestImages.PlainJpeg(), "cited.jpg");
        var uncited = await UploadAsync(id, TestImages.JpegWithCanaries(), "uncited.jpg");
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/result", new { result = "Xong.", evidenceAttachmentIds = new[] { cited } }));
        await Api.Ok(Api.PostAsync(factory, Api.Approver, $"/reports/{id}/approve", new { }));
        var row = (await Attachments.FindAsync(ApiFactory.Province, uncited, default))!;
        var crashing = new EvidenceCleanup(
            factory.Services.GetRequiredService<ProvinceCatalog>(),
            new CrashBeforeRowDeletion(Attachments),
            factory.Services.GetRequiredService<IReportStore>(),
            factory.Services.GetRequiredService<IAttachmentContentStore>(),
            factory.Services.GetRequiredService<IOptions<FieldReportsAspNetCoreOptions>>(),
            NullLogger<EvidenceCleanup>.Instance);

        await Assert.ThrowsAsync<IOException>(() => crashing.RunPassAsync(Now + Duration.FromDays(2), default));

        // The bytes are gone, the row is still there: every download answers a clean 404 problem, none a 500.
        Assert.False(File.Exists(FileOf(row.StorageKey)));
        Assert.False(File.Exists(FileOf(row.OriginalStorageKey!)));
        Assert.NotNull(await Attachments.FindAsync(ApiFactory.Province, uncited, default));
        foreach (var (user, path) in new[] { (Api.Reception, ""), (Api.Handler, ""), (Api.Leader, ""), ((string?)null, "/public") })
        {
            var response = await Api.GetAsync(factory, user, $"{path}/reports/{id}/attachments/{uncited}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("report.not_found", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(factory, null, $"/public/reports/{id}/attachments/{cited}")).StatusCode);

        Assert.Equal(1, await CleanupAsync(Now + Duration.FromDays(2)));
        Assert.Null(await Attachments.FindAsync(ApiFactory.Province, uncited, default));
        Assert.NotNull(await Attachments.FindAsync(ApiFactory.Province, cited, default));
    }

    [Fact]
    public async Task Of_two_instances_only_the_lease_holder_sweeps()
    {
        var options = factory.Services.GetRequiredService<IOptions<FieldReportsAspNetCoreOptions>>();
        var logger = factory.Services.GetRequiredService<ILogger<EvidenceCleanupService>>();
        var first = new EvidenceCleanupService(factory.Services, options, logger);
        var second = new EvidenceCleanupService(factory.Services, options, logger);

        var ran = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).RunOnceAsync(default))));

        // Passes ran, all on one instance; the other keeps out until the lease is released or expires.
        var holders = ran.Select((r, i) => (Ran: r, Instance: i % 2)).Where(x => x.Ran).Select(x => x.Instance).Distinct().ToList();
        var holder = Assert.Single(holders);
        var (winner, loser) = holder == 0 ? (first, second) : (second, first);
        Assert.True(await winner.RunOnceAsync(default));
        Assert.False(await loser.RunOnceAsync(default));
        await factory.Services.GetRequiredService<ILeaseStore>().ReleaseAsync(EvidenceCleanupService.LeaseName, "another-instance", default);
        Assert.False(await loser.RunOnceAsync(default));
        Assert.Contains(factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is EvidenceCleanupService);
    }

    private Task<int> CleanupAsync(Instant now) => factory.Services.GetRequiredService<EvidenceCleanup>().RunPassAsync(now, default);

    private string FileOf(string key) => Path.Combine(factory.AttachmentDirectory, key + ".bin");

    private async Task<string> InHandlingAsync()
    {
        var id = await Api.SubmitAsync(factory);
        await Api.AssignAsync(factory, id);
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/acknowledge", new { }));
        return id;
    }

    private async Task<string> UploadAsync(string id, byte[] file, string fileName)
    {
        using var client = factory.As(Api.Handler);
        using var form = new MultipartFormDataContent("fr-boundary-3");
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(bytes, "files", fileName);
        var response = await client.PostAsync(new Uri($"{Api.Base}/reports/{id}/evidence", UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("attachmentIds").EnumerateArray()).GetString()!;
    }

    /// <summary>The store, failing the way a process killed after deleting the files would: the rows are never deleted.</summary>
    private sealed class CrashBeforeRowDeletion(IAttachmentStore inner) : IAttachmentStore
    {
        public Task<DomainResult> AddAsync(AttachmentMetadata attachment, CancellationToken cancellationToken) => inner.AddAsync(attachment, cancellationToken);

        public Task<AttachmentMetadata?> FindAsync(string provinceId, string id, CancellationToken cancellationToken) => inner.FindAsync(provinceId, id, cancellationToken);

        public Task<IReadOnlyList<AttachmentMetadata>> ListForReportAsync(string provinceId, ReportId reportId, CancellationToken cancellationToken) => inner.ListForReportAsync(provinceId, reportId, cancellationToken);

        public Task<IReadOnlyList<AttachmentMetadata>> ListEvidenceToReviewAsync(string provinceId, Instant uploadedBefore, IReadOnlyCollection<ReportState> settledStates, int limit, CancellationToken cancellationToken) =>
            inner.ListEvidenceToReviewAsync(provinceId, uploadedBefore, settledStates, limit, cancellationToken);

        public Task RetainEvidenceAsync(string provinceId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.RetainEvidenceAsync(provinceId, ids, cancellationToken);

        public Task<int> RemoveEvidenceAsync(string provinceId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
            ids.Count == 0 ? Task.FromResult(0) : throw new IOException("The process stopped before the rows were deleted.");
    }
}
