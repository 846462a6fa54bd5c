using System.Net;
using System.Text.Json;

namespace FieldReports.AspNetCore.Tests;

public class ConsentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Purpose = "Liên hệ để xác minh vị trí hiện trường";

    [Fact]
    public async Task Agency_sees_the_identity_only_while_consent_stands_and_a_withdrawal_hides_it_on_the_next_read_issue_6()
    {
        var id = await AssignedAsync();

        var before = await Api.Ok(Api.GetAsync(factory, Api.Handler, $"/reports/{id}"));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("contact").ValueKind);
        Assert.Contains("Contact", before.GetProperty("hidden").EnumerateArray().Select(h => h.GetString()));
        Api.NoCanary(before.GetRawText());

        var given = await Api.Ok(Api.PostAsync(factory, Api.Citizen, $"/reports/{id}/consent", new { purpose = Purpose }));
        Assert.Equal(Purpose, given.GetProperty("purpose").GetString());
        Assert.False(string.IsNullOrEmpty(given.GetProperty("wordingVersion").GetString()));
        Assert.True(given.GetProperty("standing").GetBoolean());
        Assert.True(DateTimeOffset.UtcNow - given.GetProperty("givenAt").GetDateTimeOffset() < TimeSpan.FromMinutes(5));

        var withConsent = await Api.GetAsync(factory, Api.Handler, $"/reports/{id}");
        var shown = JsonDocument.Parse(await withConsent.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Api.CanaryEmail, shown.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("no-store", withConsent.Headers.CacheControl?.ToString());

        // Consent is to the handling agency only: leaders and other agencies still see no identity.
        Api.NoCanary((await Api.Ok(Api.GetAsync(factory, Api.Leader, $"/reports/{id}"))).GetRawText());
        var otherAgency = await Api.GetAsync(factory, Api.OtherAgency, $"/reports/{id}");
        Assert.Equal(HttpStatusCode.NotFound, otherAgency.StatusCode);
        Api.NoCanary(await otherAgency.Content.ReadAsStringAsync());

        using (var client = factory.As(Api.Citizen))
        {
            var withdrawn = await client.DeleteAsync(new Uri(Api.Base + $"/reports/{id}/consent", UriKind.Relative));
            var body = JsonDocument.Parse(await withdrawn.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
            Assert.False(body.GetProperty("standing").GetBoolean());
            Assert.NotEqual(JsonValueKind.Null, body.GetProperty("withdrawnAt").ValueKind);

            var again = await client.DeleteAsync(new Uri(Api.Base + $"/reports/{id}/consent", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("confidentiality.consent_invalid", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var after = await Api.Ok(Api.GetAsync(factory, Api.Handler, $"/reports/{id}"));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("contact").ValueKind);
        Api.NoCanary(after.GetRawText());

        // The history keeps the consent with its withdrawal, for the reporter and the centre's audit.
        foreach (var user in new[] { Api.Citizen, Api.Reception })
        {
            var history = await Api.Ok(Api.GetAsync(factory, user, $"/reports/{id}/consents"));
            var consent = Assert.Single(history.EnumerateArray());
            Assert.Equal(Purpose, consent.GetProperty("purpose").GetString());
            Assert.False(consent.GetProperty("standing").GetBoolean());
        }

        Assert.DoesNotContain(factory.Logs, line => line.Contains("Canarynguyen", StringComparison.Ordinal) || line.Contains(Api.CanaryEmail, StringComparison.Ordinal) || line.Contains("912345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Consent_to_wording_other_than_the_one_in_force_is_refused_and_nothing_is_recorded()
    {
        var id = await AssignedAsync();

        var response = await Api.PostAsync(factory, Api.Citizen, $"/reports/{id}/consent", new { purpose = Purpose, wordingVersion = "2019-old" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("confidentiality.consent_invalid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Api.Ok(Api.GetAsync(factory, Api.Citizen, $"/reports/{id}/consents"))).EnumerateArray());
        Api.NoCanary((await Api.Ok(Api.GetAsync(factory, Api.Handler, $"/reports/{id}"))).GetRawText());
    }

    [Fact]
    public async Task Only_the_reporter_consents_for_their_report()
    {
        var id = await AssignedAsync();

        var other = await Api.PostAsync(factory, Api.OtherCitizen, $"/reports/{id}/consent", new { purpose = Purpose });
        var staff = await Api.PostAsync(factory, Api.Handler, $"/reports/{id}/consent", new { purpose = Purpose });

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Api.NoCanary((await Api.Ok(Api.GetAsync(factory, Api.Handler, $"/reports/{id}"))).GetRawText());
    }

    private async Task<string> AssignedAsync()
    {
        var id = await Api.SubmitAsync(factory);
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/receive", new { fieldCode = "traffic" }));
        await Api.Ok(Api.PostAsync(factory, Api.Reception, $"/reports/{id}/assign", new { agencyId = "so-gtvt" }));
        return id;
    }
}
