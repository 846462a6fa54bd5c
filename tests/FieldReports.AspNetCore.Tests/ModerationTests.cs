using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.AspNetCore.Tests;

public class ModerationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_lock_takes_effect_on_the_very_next_submission_json_and_multipart_and_an_unlock_lifts_it_issue_6()
    {
        const string user = "reporter;locked-1;;ca-mau";
        await Api.SubmitAsync(factory, user);

        var locked = await Api.Ok(Api.PostAsync(factory, Api.Admin, "/moderation/accounts/lock", new { accountId = "locked-1", reason = "Ngôn từ xúc phạm cán bộ." }));
        Assert.True(locked.GetProperty("isLocked").GetBoolean());

        var json = await Api.PostAsync(factory, user, "/reports", Api.ReportJson());
        using (var client = factory.As(user))
        {
            var multipart = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson()));
            await AssertLockedAsync(multipart);
        }

        await AssertLockedAsync(json);
        Assert.Single(await factory.Services.GetRequiredService<IReporterDataStore>().ExportAsync("ca-mau", "locked-1", CancellationToken.None));

        var unlocked = await Api.Ok(Api.PostAsync(factory, Api.Admin, "/moderation/accounts/unlock", new { accountId = "locked-1", reason = "Đã xin lỗi và cam kết." }));
        Assert.False(unlocked.GetProperty("isLocked").GetBoolean());
        await Api.SubmitAsync(factory, user);
    }

    [Fact]
    public async Task Violations_reaching_the_province_s_count_lock_the_reporter_and_the_record_shows_why()
    {
        const string user = "reporter;abusive-1;;ca-mau";
        var reports = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            reports.Add(await Api.SubmitAsync(factory, user));
        }

        JsonElement record = default;
        foreach (var report in reports)
        {
            // Staff flag the report; the account is its reporter's, so nobody copies an account id.
            record = await Api.Ok(Api.PostAsync(factory, Api.Reception, "/moderation/accounts/violations", new { kind = "AbusiveReport", reportId = report, note = "Ngôn từ thô tục." }));
        }

        Assert.Equal("abusive-1", record.GetProperty("accountId").GetString());
        Assert.True(record.GetProperty("isLocked").GetBoolean());
        var read = await Api.Ok(Api.PostAsync(factory, Api.Admin, "/moderation/accounts/record", new { accountId = "abusive-1" }));
        Assert.Equal(3, read.GetProperty("violations").GetArrayLength());
        var decision = Assert.Single(read.GetProperty("decisions").EnumerateArray());
        Assert.Equal("Imposed", decision.GetProperty("kind").GetString());
        Assert.Equal("AccountLock", decision.GetProperty("sanction").GetString());
        Assert.Equal(3, decision.GetProperty("violationCount").GetInt32());
        Assert.Equal(reports[0], read.GetProperty("violations")[0].GetProperty("reportId").GetString());

        var audit = await Api.Ok(Api.GetAsync(factory, Api.Admin, "/moderation/decisions"));
        Assert.Contains(audit.EnumerateArray(), d => d.GetProperty("accountId").GetString() == "abusive-1");
        var refused = await Api.PostAsync(factory, user, "/reports", Api.ReportJson());
        await AssertLockedAsync(refused);
        Api.NoCanary(read.GetRawText());
        Api.NoCanary(audit.GetRawText());
    }

    [Fact]
    public async Task Sanctions_need_a_reason_and_cannot_be_imposed_twice_or_lifted_when_none_is_in_force()
    {
        var noReason = await Api.PostAsync(factory, Api.Admin, "/moderation/accounts/lock", new { accountId = "twice-1", reason = " " });
        var liftNothing = await Api.PostAsync(factory, Api.Admin, "/moderation/accounts/unlock", new { accountId = "twice-1", reason = "Không có gì." });
        await Api.Ok(Api.PostAsync(factory, Api.Admin, "/moderation/accounts/interaction-ban", new { accountId = "twice-1", reason = "Spam.", until = DateTimeOffset.UtcNow.AddDays(7) }));
        var again = await Api.PostAsync(factory, Api.Admin, "/moderation/accounts/interaction-ban", new { accountId = "twice-1", reason = "Spam lần nữa." });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, liftNothing.StatusCode);
        Assert.Contains("moderation.no_sanction_to_lift", await liftNothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("moderation.sanction_in_force", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var record = await Api.Ok(Api.PostAsync(factory, Api.Admin, "/moderation/accounts/record", new { accountId = "twice-1" }));
        Assert.True(record.GetProperty("isInteractionBanned").GetBoolean());
        Assert.False(record.GetProperty("isLocked").GetBoolean());
        Assert.Single(record.GetProperty("decisions").EnumerateArray());
    }

    [Fact]
    public async Task Moderation_records_stay_in_their_province()
    {
        await Api.Ok(Api.PostAsync(factory, Api.Admin, "/moderation/accounts/lock", new { accountId = "scoped-1", reason = "Xúc phạm." }));

        using var hueAdmin = factory.As("administrator;adm-9;;hue");
        var response = await hueAdmin.PostAsJsonAsync(new Uri("/api/v1/provinces/hue/moderation/accounts/record", UriKind.Relative), new { accountId = "scoped-1" });
        var record = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(record.GetProperty("isLocked").GetBoolean());
        Assert.Empty(record.GetProperty("decisions").EnumerateArray());
    }

    [Fact]
    public async Task A_reassignment_takes_effect_on_the_very_next_request_for_the_former_agency_issue_6()
    {
        var id = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/receive", new { fieldCode = "traffic" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/assign", new { agencyId = "so-gtvt" }));
        await Api.Ok(Api.GetAsync(factory, Api.Handler, $"/reports/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(factory, Api.OtherAgency, $"/reports/{id}")).StatusCode);

        await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/return", new { reason = "Thuộc thẩm quyền Sở TN&MT.", proposedAgencyId = "so-tnmt" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/redistribute", new { agencyId = "so-tnmt" }));

        var former = await Api.GetAsync(factory, Api.Handler, $"/reports/{id}");
        var formerAct = await Api.PostAsync(factory, Api.Handler, $"/reports/{id}/acknowledge", new { });
        var formerInteractions = await Api.GetAsync(factory, Api.Handler, $"/reports/{id}/interactions");
        Assert.Equal(HttpStatusCode.NotFound, former.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, formerAct.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, formerInteractions.StatusCode);
        Api.NoCanary(await former.Content.ReadAsStringAsync());
        var current = await Api.Ok(Api.GetAsync(factory, Api.OtherAgency, $"/reports/{id}"));
        Assert.Equal("so-tnmt", current.GetProperty("assignedAgencyId").GetString());
    }

    [Fact]
    public async Task My_reports_lists_only_the_caller_s_reports_newest_first_in_pages()
    {
        const string me = "reporter;mine-1;;ca-mau";
        var mine = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add(await Api.SubmitAsync(factory, me));
        }

        var someoneElse = await Api.SubmitAsync(factory, "reporter;mine-2;;ca-mau");
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await Api.GetAsync(factory, me, "/my/reports?pageSize=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Api.NoCanary(text);
            var page = JsonDocument.Parse(text).RootElement;
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(2, pages);
        Assert.Equal(Enumerable.Reverse(mine), seen);
        Assert.DoesNotContain(someoneElse, seen);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.GetAsync(factory, me, "/my/reports?cursor=not-a-cursor")).StatusCode);
    }

    private static async Task AssertLockedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("intake.account_locked", JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }
}
