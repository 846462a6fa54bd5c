using System.Net;
using System.Text.Json;

namespace FieldReports.AspNetCore.Tests;

public class IdempotencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Retry_with_the_same_key_replays_the_first_response_and_creates_no_second_report()
    {
        using var client = factory.As("reporter;idem-1;;ca-mau");
        client.DefaultRequestHeaders.Add("Idempotency-Key", "retry-1");

        var first = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson()));
        var second = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson()));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        var a = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var b = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        Assert.Equal(a, b);
        var mine = await Api.Ok(Api.GetAsync(factory, "reporter;idem-1;;ca-mau", "/my/reports"));
        Assert.Single(mine.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Same_key_with_another_payload_is_422_and_another_client_has_its_own_keys()
    {
        var id = await Api.SubmitAsync(factory);
        using var client = factory.As(Api.Reception);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "cmd-1");

        var first = await client.PostAsync(new Uri(Api.Base + $"/reports/{id}/receive", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { fieldCode = "traffic" }));
        var changed = await client.PostAsync(new Uri(Api.Base + $"/reports/{id}/receive", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { fieldCode = "environment" }));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Contains("idempotency.key_reused", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var other = factory.As("reception_staff;rec-2;;ca-mau");
        other.DefaultRequestHeaders.Add("Idempotency-Key", "cmd-1");
        var otherResponse = await other.PostAsync(new Uri(Api.Base + $"/reports/{id}/assign", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { agencyId = "so-gtvt" }));
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("LONG")]
    public async Task Invalid_key_is_400(string key)
    {
        using var client = factory.As("reporter;idem-2;;ca-mau");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Idempotency-Key", key == "LONG" ? new string('k', 300) : key);

        var response = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public class RateLimitTests(RateLimitedApiFactory factory) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task Submissions_past_the_limit_get_429_with_retry_after()
    {
        using var client = factory.As("reporter;busy-1;;ca-mau");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsync(new Uri(Api.Base + "/reports/multipart", UriKind.Relative), Api.Multipart(Api.ReportJson()));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Contains("request.rate_limited", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactions_past_the_limit_get_429_with_retry_after_and_are_not_stored()
    {
        var id = await Api.PublishedAsync(factory);
        using var client = factory.As("reporter;busy-2;;ca-mau");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsync(new Uri(Api.Base + $"/reports/{id}/interactions", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { text = $"Góp ý số {i}." }));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Contains("request.rate_limited", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await Api.Ok(Api.GetAsync(factory, Api.Reception, $"/reports/{id}/interactions"))).GetArrayLength());
    }
}
