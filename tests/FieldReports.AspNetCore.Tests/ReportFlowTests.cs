using System.Net;
using System.Text.Json;

namespace FieldReports.AspNetCore.Tests;

public class ReportFlowTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Report_goes_from_submission_to_publication_and_rating_through_the_api()
    {
        var id = await Api.SubmitAsync(factory);

        var own = await Api.Ok(Api.GetAsync(factory, Api.Citizen, $"/reports/{id}"));
        Assert.Equal("Submitted", own.GetProperty("state").GetString());
        Assert.Equal(Api.CanaryEmail, own.GetProperty("contact").GetProperty("email").GetString());
        var attachment = Assert.Single(own.GetProperty("attachmentIds").EnumerateArray()).GetString();
        var download = await Api.GetAsync(factory, Api.Citizen, $"/reports/{id}/attachments/{attachment}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal([0xFF, 0xD8, 0xFF], (await download.Content.ReadAsByteArrayAsync())[..3]);
        var byOther = await Api.GetAsync(factory, Api.OtherCitizen, $"/reports/{id}/attachments/{attachment}");
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);

        var queue = await Api.Ok(Api.GetAsync(factory, Api.Reception, "/intake-queue"));
        var item = queue.EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        Assert.True(item.GetProperty("sla").GetProperty("remainingSeconds").GetInt64() > 0);
        Assert.False(item.GetProperty("sla").GetProperty("isBreached").GetBoolean());

        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/receive", new { fieldCode = "traffic" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/assign", new { agencyId = "so-gtvt", instructions = "Kiểm tra hiện trường." }));

        var agencyQueue = await Api.Ok(Api.GetAsync(factory, Api.Handler, "/agency-queue"));
        Assert.Contains(agencyQueue.EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        var otherQueue = await Api.Ok(Api.GetAsync(factory, Api.OtherAgency, "/agency-queue"));
        Assert.DoesNotContain(otherQueue.EnumerateArray(), i => i.GetProperty("id").GetString() == id);

        var byOtherAgency = await Api.PostAsync(factory, Api.OtherAgency, $"/reports/{id}/acknowledge", new { });
        Assert.Equal(HttpStatusCode.NotFound, byOtherAgency.StatusCode);

        var handled = await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/acknowledge", new { }));
        Assert.Equal("InHandling", handled.GetProperty("state").GetString());
        Api.NoCanary(handled.GetRawText());
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/result", new { result = "Đã vá ổ gà ngày 20/11." }));

        var leaderView = await Api.Ok(Api.GetAsync(factory, Api.Leader, $"/reports/{id}"));
        Api.NoCanary(leaderView.GetRawText());

        var published = await Api.Ok(Api.PostAsync(factory, Api.Approver, $"/reports/{id}/approve", new { remark = "OK" }));
        Assert.Equal("Published", published.GetProperty("state").GetString());

        using (var anonymous = factory.As(null))
        {
            var list = await anonymous.GetStringAsync(new Uri(Api.Base + "/public/reports?pageSize=50", UriKind.Relative));
            Assert.Contains(id, list, StringComparison.Ordinal);
            Api.NoCanary(list);
            var one = await anonymous.GetAsync(new Uri(Api.Base + $"/public/reports/{id}", UriKind.Relative));
            var text = await one.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.Contains("Đã vá ổ gà", text, StringComparison.Ordinal);
            Api.NoCanary(text);
        }

        var rated = await Api.Ok(Api.PostAsync(factory, Api.Citizen, $"/reports/{id}/rating", new { level = "satisfied" }));
        Assert.Equal("satisfied", rated.GetProperty("rating").GetString());

        Assert.DoesNotContain(factory.Logs, line => line.Contains("Canarynguyen", StringComparison.Ordinal) || line.Contains(Api.CanaryEmail, StringComparison.Ordinal) || line.Contains("912345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_citizen_choosing_the_staff_entry_channel_is_refused_with_or_without_a_photo()
    {
        const string citizen = "reporter;staff-channel-1;;ca-mau";

        // Without a photo: the staff channel relaxes Cà Mau's media requirement, which is why a citizen may not use it.
        var report = new { channel = "staff", title = "Ổ gà trên đường", description = "Ổ gà lớn giữa đường Trần Hưng Đạo gây nguy hiểm.", address = "Đường Trần Hưng Đạo, Phường 1", contact = new { name = "Lê Văn B", phone = "0912000111" } };

        var byCitizen = await Api.PostAsync(factory, citizen, "/reports", report);
        var problem = JsonDocument.Parse(await byCitizen.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, byCitizen.StatusCode);
        Assert.Equal("intake.channel_staff_only", problem.GetProperty("code").GetString());

        var byCitizenOnApp = await Api.PostAsync(factory, citizen, "/reports", new { channel = "app", report.title, report.description, report.address, report.contact });
        Assert.Equal("intake.media_required", JsonDocument.Parse(await byCitizenOnApp.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());

        // With a photo the channel is still refused: it is the channel, not the media, that a citizen may not use.
        using var client = factory.As(citizen);
        var withPhoto = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(new { channel = "staff", report.title, report.description, report.address, report.contact }));
        Assert.Equal(HttpStatusCode.BadRequest, withPhoto.StatusCode);
        Assert.Equal("intake.channel_staff_only", JsonDocument.Parse(await withPhoto.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        var own = await Api.Ok(Api.GetAsync(factory, citizen, "/my/reports"));
        Assert.Empty(own.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Reception_reads_contact_details_and_the_read_is_audited_without_the_data()
    {
        var id = await Api.SubmitAsync(factory);

        var response = await Api.GetAsync(factory, Api.Reception, $"/reports/{id}");
        var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(Api.CanaryEmail, view.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var audit = factory.Logs.Where(l => l.Contains("ReporterContactRead", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(audit);
        Assert.Contains(audit, l => l.Contains("rec-1", StringComparison.Ordinal));
        Assert.All(audit, Api.NoCanary);
    }

    [Fact]
    public async Task Another_citizen_cannot_learn_that_a_report_exists()
    {
        var id = await Api.SubmitAsync(factory);

        var read = await Api.GetAsync(factory, Api.OtherCitizen, $"/reports/{id}");
        var withdraw = await Api.PostAsync(factory, Api.OtherCitizen, $"/reports/{id}/withdraw", new { });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Api.NoCanary(await read.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Citizen_withdraws_lists_exports_and_erases_their_data()
    {
        const string me = "reporter;citizen-erase;;ca-mau";
        var id = await Api.SubmitAsync(factory, me);

        var mine = await Api.Ok(Api.GetAsync(factory, me, "/my/reports"));
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        var withdrawn = await Api.Ok(Api.PostAsync(factory, me, $"/reports/{id}/withdraw", new { reason = "Đã tự xử lý." }));
        Assert.Equal("Withdrawn", withdrawn.GetProperty("state").GetString());

        var export = await Api.GetAsync(factory, me, "/my/data");
        Assert.Equal("no-store", export.Headers.CacheControl?.ToString());
        Assert.Contains(Api.CanaryEmail, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var otherExport = await Api.GetAsync(factory, Api.OtherCitizen, "/my/data");
        Api.NoCanary(await otherExport.Content.ReadAsStringAsync());

        using var client = factory.As(me);
        var erased = await client.DeleteAsync(new Uri(Api.Base + "/my/data", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var after = await client.GetStringAsync(new Uri(Api.Base + "/my/data", UriKind.Relative));
        Api.NoCanary(after);
        var staffView = await Api.GetAsync(factory, Api.Reception, $"/reports/{id}");
        Api.NoCanary(await staffView.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Returned_report_is_redistributed_and_an_escalated_one_resumed()
    {
        var id = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/receive", new { fieldCode = "traffic" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/assign", new { agencyId = "so-gtvt" }));
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/return", new { reason = "Thuộc thẩm quyền Sở TN&MT.", proposedAgencyId = "so-tnmt" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/redistribute", new { agencyId = "so-tnmt" }));
        var escalated = await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/escalate", new { reason = "Các cơ quan không thống nhất." }));
        Assert.Equal("Escalated", escalated.GetProperty("state").GetString());
        var resumed = await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/resume", new { direction = "Giao Sở TN&MT xử lý.", agencyId = "so-tnmt" }));
        Assert.Equal("so-tnmt", resumed.GetProperty("assignedAgencyId").GetString());
    }

    [Fact]
    public async Task Approver_sends_back_and_replies_privately()
    {
        var id = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/receive", new { fieldCode = "traffic" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/assign", new { agencyId = "so-gtvt" }));
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/acknowledge", new { }));
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/result", new { result = "Đã xử lý." }));
        await Api.Ok(Api.PostAsync(factory, Api.Approver, $"/reports/{id}/send-back", new { reason = "Thiếu hình ảnh." }));
        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/result", new { result = "Đã xử lý, có ảnh." }));
        var replied = await Api.Ok(Api.PostAsync(factory, Api.Approver, $"/reports/{id}/reply-privately", new { }));
        Assert.Equal("RepliedPrivately", replied.GetProperty("state").GetString());

        var again = await Api.PostAsync(factory, Api.Approver, $"/reports/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task An_administrator_closes_a_published_report_for_good_and_an_open_one_cannot_be_closed()
    {
        var open = await Api.SubmitAsync(factory);
        var early = await Api.PostAsync(factory, Api.Admin, $"/reports/{open}/close", new { reason = "Trùng lặp." });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var published = await Api.PublishedAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(factory, Api.Citizen, $"/reports/{published}/close", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(factory, Api.Handler, $"/reports/{published}/close", new { })).StatusCode);

        var closed = await Api.Ok(Api.PostAsync(factory, Api.Admin, $"/reports/{published}/close", new { reason = "Đã xử lý xong." }));
        Assert.Equal("Closed", closed.GetProperty("state").GetString());

        var rating = await Api.PostAsync(factory, Api.Citizen, $"/reports/{published}/rating", new { level = "satisfied" });
        Assert.Equal(HttpStatusCode.Conflict, rating.StatusCode);
    }

    [Fact]
    public async Task Reception_rejects_with_a_reason_and_answers_directly()
    {
        var rejected = await Api.SubmitAsync(factory);
        var r = await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{rejected}/reject", new { reason = "Other", explanation = "Nội dung không rõ." }));
        Assert.Equal("RejectedAtIntake", r.GetProperty("state").GetString());

        var answered = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{answered}/receive", new { fieldCode = "traffic" }));
        var a = await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{answered}/answer", new { answer = "Đoạn đường đã có kế hoạch sửa chữa." }));
        Assert.Equal("AnsweredDirectly", a.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Leader_reads_statistics_and_exports_csv_and_xlsx_without_personal_data()
    {
        await Api.SubmitAsync(factory);

        var stats = await Api.Ok(Api.GetAsync(factory, Api.Leader, "/statistics"));
        Assert.True(stats.EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()) >= 1);

        var csv = await Api.GetAsync(factory, Api.Leader, "/statistics.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("agency,field,state,count", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Api.NoCanary(text);

        var xlsx = await Api.GetAsync(factory, Api.Leader, "/statistics.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);

        var backwards = await Api.GetAsync(factory, Api.Leader, "/statistics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    [Fact]
    public async Task Administrator_reads_the_province_profile_in_force()
    {
        var profile = await Api.Ok(Api.GetAsync(factory, Api.Admin, "/profile"));

        Assert.Equal("ca-mau", profile.GetProperty("id").GetString());
        Assert.Contains(profile.GetProperty("fields").EnumerateArray(), f => f.GetString() == "traffic");
    }
}
