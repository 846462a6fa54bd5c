using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.AspNetCore.Tests;

public class PersonalDataTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    // Callers who may never see the canary reporter's identity: no consent was given, so the assigned agency is among them.
    private static readonly string?[] Outsiders = [null, Api.OtherCitizen, Api.Handler, Api.OtherAgency, Api.Leader, Api.OtherProvinceReception];

    [Fact]
    public async Task No_endpoint_answers_the_canary_identity_to_a_caller_who_may_not_see_it_nor_logs_it_issue_6()
    {
        var id = await Api.PublishedAsync(factory);
        var interaction = await Api.Ok(Api.PostAsync(factory, Api.OtherCitizen, $"/reports/{id}/interactions", new { kind = "ClarificationRequest", text = "Đã sửa xong chưa?" }));
        var interactionId = interaction.GetProperty("id").GetString()!;
        await Api.Ok(Api.PostAsync(factory, Api.Reception, "/moderation/accounts/violations", new { kind = "AbusiveReport", reportId = id, note = "Kiểm tra." }));

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToList();
        var checkedResponses = 0;
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Single() ?? "GET";
            var path = endpoint.RoutePattern.RawText!
                .Replace("{provinceId}", "ca-mau", StringComparison.Ordinal)
                .Replace("{id:guid}", id, StringComparison.Ordinal)
                .Replace("{interactionId:guid}", interactionId, StringComparison.Ordinal)
                .Replace("{attachmentId}", "none", StringComparison.Ordinal);
            foreach (var user in Outsiders)
            {
                using var client = factory.As(user);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                if (method == "POST")
                {
                    // The body names the canary reporter wherever a body can name a report or an account.
                    request.Content = JsonContent.Create(new { accountId = "citizen-1", reportId = id, kind = "AbusiveReport", text = "Hỏi thêm.", answer = "Trả lời.", purpose = "Liên hệ." });
                }

                var response = await client.SendAsync(request);
                Assert.True((int)response.StatusCode < 500, $"{method} {path} as {user}: {(int)response.StatusCode}");
                Api.NoCanary(await response.Content.ReadAsStringAsync());
                checkedResponses++;
            }
        }

        Assert.True(checkedResponses >= endpoints.Count * Outsiders.Length);
        Assert.DoesNotContain(factory.Logs, line => line.Contains("Canarynguyen", StringComparison.Ordinal) || line.Contains(Api.CanaryEmail, StringComparison.Ordinal) || line.Contains("912345678", StringComparison.Ordinal));

        // The centre still sees the identity: the checks above would pass trivially if nobody ever could.
        var centre = await Api.Ok(Api.GetAsync(factory, Api.Reception, $"/reports/{id}"));
        Assert.Equal(Api.CanaryEmail, centre.GetProperty("contact").GetProperty("email").GetString());
    }
}
