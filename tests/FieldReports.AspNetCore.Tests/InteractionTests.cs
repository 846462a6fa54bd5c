using System.Net;
using System.Text.Json;

namespace FieldReports.AspNetCore.Tests;

public class InteractionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Citizens_interact_on_a_published_result_the_agency_answers_and_each_caller_sees_a_redacted_list()
    {
        var id = await Api.PublishedAsync(factory);

        var asked = await Api.PostAsync(factory, Api.OtherCitizen, $"/reports/{id}/interactions", new { kind = "ClarificationRequest", text = "Khi nào vỉa hè được sửa xong?" });
        var question = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.Equal("ClarificationRequest", question.GetProperty("kind").GetString());
        Assert.NotEqual(JsonValueKind.Null, question.GetProperty("dueAt").ValueKind);
        Assert.True(question.GetProperty("isMine").GetBoolean());
        Assert.Equal("so-gtvt", question.GetProperty("agencyId").GetString());
        var comment = await Api.Ok(Api.PostAsync(factory, Api.Citizen, $"/reports/{id}/interactions", new { text = "Cảm ơn đã xử lý nhanh." }));
        Assert.Equal("Comment", comment.GetProperty("kind").GetString());
        var questionId = question.GetProperty("id").GetString();

        var byOtherAgency = await Api.PostAsync(factory, Api.OtherAgency, $"/reports/{id}/interactions/{questionId}/answer", new { answer = "Không phải việc của chúng tôi." });
        var byReception = await Api.PostAsync(factory, Api.Reception, $"/reports/{id}/interactions/{questionId}/answer", new { answer = "Trung tâm trả lời." });
        var answer = await Api.Ok(Api.PostAsync(factory, Api.Handler, $"/reports/{id}/interactions/{questionId}/answer", new { answer = "Dự kiến xong trong tuần này." }));
        var twice = await Api.PostAsync(factory, Api.Handler, $"/reports/{id}/interactions/{questionId}/answer", new { answer = "Lần hai." });

        Assert.Equal(HttpStatusCode.NotFound, byOtherAgency.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReception.StatusCode);
        Assert.Equal("Dự kiến xong trong tuần này.", answer.GetProperty("answer").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("interaction.already_answered", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var centre = await Api.Ok(Api.GetAsync(factory, Api.Reception, $"/reports/{id}/interactions"));
        Assert.Equal(["citizen-2", "citizen-1"], centre.EnumerateArray().Select(i => i.GetProperty("accountId").GetString()));
        Assert.Equal("h-1", centre[0].GetProperty("answeredBy").GetString());

        var asker = await Api.Ok(Api.GetAsync(factory, Api.OtherCitizen, $"/reports/{id}/interactions"));
        Assert.Equal([true, false], asker.EnumerateArray().Select(i => i.GetProperty("isMine").GetBoolean()));
        Assert.All(asker.EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("accountId").ValueKind));
        Assert.All(asker.EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("answeredBy").ValueKind));
        Assert.Equal("Dự kiến xong trong tuần này.", asker[0].GetProperty("answer").GetString());

        foreach (var user in new[] { Api.Handler, Api.Leader, Api.Citizen })
        {
            var list = await Api.GetAsync(factory, user, $"/reports/{id}/interactions");
            var text = await list.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal("no-store", list.Headers.CacheControl?.ToString());
            Assert.DoesNotContain("citizen-2", text, StringComparison.Ordinal);
            Api.NoCanary(text);
        }

        using (var anonymous = factory.As(null))
        {
            var response = await anonymous.GetAsync(new Uri(Api.Base + $"/public/reports/{id}/interactions", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            var list = JsonDocument.Parse(text).RootElement;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["Khi nào vỉa hè được sửa xong?", "Cảm ơn đã xử lý nhanh."], list.EnumerateArray().Select(i => i.GetProperty("text").GetString()));
            Assert.DoesNotContain("citizen-", text, StringComparison.Ordinal);
            Assert.DoesNotContain("h-1", text, StringComparison.Ordinal);
            Api.NoCanary(text);
        }

        Assert.DoesNotContain(factory.Logs, line => line.Contains("Canarynguyen", StringComparison.Ordinal) || line.Contains(Api.CanaryEmail, StringComparison.Ordinal) || line.Contains("912345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Before_publication_other_citizens_get_404_and_the_reporter_409()
    {
        var id = await Api.SubmitAsync(factory);

        var other = await Api.PostAsync(factory, Api.OtherCitizen, $"/reports/{id}/interactions", new { text = "Có ai xử lý chưa?" });
        var own = await Api.PostAsync(factory, Api.Citizen, $"/reports/{id}/interactions", new { text = "Có ai xử lý chưa?" });
        var list = await Api.GetAsync(factory, Api.OtherCitizen, $"/reports/{id}/interactions");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("interaction.not_published", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        using (var anonymous = factory.As(null))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(Api.Base + $"/public/reports/{id}/interactions", UriKind.Relative))).StatusCode);
        }

        Assert.Empty((await Api.Ok(Api.GetAsync(factory, Api.Reception, $"/reports/{id}/interactions"))).EnumerateArray());
    }

    [Fact]
    public async Task Interaction_banned_account_is_refused_from_the_next_request_until_the_ban_is_lifted()
    {
        const string banned = "reporter;banned-1;;ca-mau";
        var id = await Api.PublishedAsync(factory);
        await Api.Ok(Api.PostAsync(factory, banned, $"/reports/{id}/interactions", new { text = "Lần đầu góp ý." }));

        await Api.Ok(Api.PostAsync(factory, Api.Admin, "/moderation/accounts/interaction-ban", new { accountId = "banned-1", reason = "Bình luận xúc phạm lặp lại." }));
        var refused = await Api.PostAsync(factory, banned, $"/reports/{id}/interactions", new { text = "Lần hai góp ý." });
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("moderation.interaction_banned", problem.GetProperty("code").GetString());
        Assert.Single((await Api.Ok(Api.GetAsync(factory, Api.Reception, $"/reports/{id}/interactions"))).EnumerateArray(), i => i.GetProperty("accountId").GetString() == "banned-1");

        await Api.Ok(Api.PostAsync(factory, Api.Admin, "/moderation/accounts/interaction-unban", new { accountId = "banned-1", reason = "Đã cam kết." }));
        var allowed = await Api.PostAsync(factory, banned, $"/reports/{id}/interactions", new { text = "Lần ba góp ý." });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }
}
