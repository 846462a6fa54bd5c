using System.Net;
using System.Text.Json;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static FieldReports.AspNetCore.Tests.Open311.Open311Client;

namespace FieldReports.AspNetCore.Tests.Open311;

/// <summary>Api keys live in the database, not in the process (#7).</summary>
public class Open311KeyPersistenceTests
{
    [Fact]
    public async Task Key_issued_before_a_restart_still_files_and_a_revocation_survives_the_next()
    {
        var database = Path.Combine(Path.GetTempPath(), $"open311-restart-{Guid.NewGuid():N}.db");
        string keyId, key;
        var first = new Open311Factory(database, ownsDatabase: false);
        await using (first)
        {
            await first.InitializeAsync();
            (keyId, key) = await first.IssueKeyAsync();
            Assert.Equal("EfApiKeyStore`1", first.Services.GetRequiredService<IApiKeyStore>().GetType().Name);
        }

        var second = new Open311Factory(database, ownsDatabase: false);
        await using (second)
        {
            await second.InitializeAsync();
            using var client = second.CreateClient();
            var (status, body, _) = await PostAsync(client, "json", TrafficRequest(key));
            Assert.True(status == HttpStatusCode.OK, body);
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()));

            using var admin = second.CreateClient();
            admin.DefaultRequestHeaders.Add(TestAuthHandler.Header, Open311Factory.Admin);
            using var revoke = await admin.DeleteAsync(new Uri($"/open311/v2/admin/api-keys/{keyId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        IAsyncLifetime third = new Open311Factory(database, ownsDatabase: true);
        await third.InitializeAsync();
        try
        {
            using var client = ((Open311Factory)third).CreateClient();
            var (status, body, _) = await PostAsync(client, "xml", TrafficRequest(key));
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Open311ConformanceTests.AssertErrors(body, "xml", 403);
        }
        finally
        {
            await third.DisposeAsync();
        }
    }
}
