using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FieldReports.Provinces;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ReferenceHost.Data;
using ReferenceHost.Seeding;

namespace FieldReports.ReferenceHost.Tests;

/// <summary>
/// Staff accounts managed through the API over the host's Identity store, with real sign-ins: a new handling-staff account
/// signs in and works its agency's queue; moved to another agency or disabled, its very next request follows.
/// </summary>
public sealed class StaffAccountTests
{
    private const string Api = "/api/v1/provinces/ca-mau";
    private const string Password = "Moi@2026-canbo";

    [Fact]
    public async Task An_administrator_creates_a_handling_account_that_signs_in_then_moves_and_disables_it_with_effect_on_the_next_request()
    {
        await using var host = new HostFactory(new Dictionary<string, string?> { ["FieldReports:SeedDemo"] = "true" }, testSignIn: false);
        await CreateMoveAndDisableAsync(host);
    }

    [Fact]
    public async Task The_moved_account_s_cookie_is_refused_at_its_next_check_and_a_new_sign_in_carries_the_new_agency()
    {
        await using var host = new HostFactory(
            new Dictionary<string, string?> { ["FieldReports:SeedDemo"] = "true" },
            testSignIn: false,
            services: s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        var (agencyA, _, agencyB) = await TwoAgenciesAsync(host);
        using var admin = await SignInAsync(host, "ca-mau.admin", DemoSeeder.DemoPassword);
        using var staff = await SignInAsync(host, $"ca-mau.{agencyA}", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        var id = await IdOfAsync(host, $"ca-mau.{agencyA}");
        var read = await admin.GetAsync(new Uri($"{Api}/admin/staff/{id}", UriKind.Relative));
        using var move = new HttpRequestMessage(HttpMethod.Put, new Uri($"{Api}/admin/staff/{id}", UriKind.Relative))
        {
            Content = JsonContent.Create(new { displayName = "Cán bộ luân chuyển", role = "handling_staff", agencyId = agencyB }),
        };
        move.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.True((await admin.SendAsync(move)).IsSuccessStatusCode);

        // The security stamp changed with the move: the old cookie no longer signs anyone in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        using var again = await SignInAsync(host, $"ca-mau.{agencyA}", DemoSeeder.DemoPassword);
        var me = JsonDocument.Parse(await again.GetStringAsync(new Uri("/api/v1/me", UriKind.Relative))).RootElement;
        Assert.Equal(agencyB, me.GetProperty("agencyId").GetString());

        // The administrator's own cookie, checked on every request too, stays valid.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"{Api}/admin/staff", UriKind.Relative))).StatusCode);
    }

    /// <summary>The whole story on one host: created, signed in, moved, disabled, each seen by the account's next request.</summary>
    internal static async Task CreateMoveAndDisableAsync(HostFactory host)
    {
        var (agencyA, reportA, agencyB) = await TwoAgenciesAsync(host);
        using var admin = await SignInAsync(host, "ca-mau.admin", DemoSeeder.DemoPassword);

        // Identity's password rules refuse a weak initial password, with a code and without the password in the answer.
        var weak = await admin.PostAsJsonAsync(new Uri(Api + "/admin/staff", UriKind.Relative), new { userName = "ca-mau.moi", displayName = "Lê Văn Mới", role = "handling_staff", agencyId = agencyA, password = "abc" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Equal("accounts.password_rejected", await CodeAsync(weak));

        var created = await admin.PostAsJsonAsync(new Uri(Api + "/admin/staff", UriKind.Relative), new { userName = "ca-mau.moi", displayName = "Lê Văn Mới", role = "handling_staff", agencyId = agencyA, password = Password });
        var createdText = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdText);
        Assert.DoesNotContain(Password, createdText, StringComparison.Ordinal);
        var id = JsonDocument.Parse(createdText).RootElement.GetProperty("id").GetString()!;
        var user = await host.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<HostUser>>().FindByIdAsync(id);
        Assert.Equal(("ca-mau", "handling_staff", agencyA), (user!.ProvinceId, user.Role, user.AgencyId));
        Assert.DoesNotContain(Password, user.PasswordHash, StringComparison.Ordinal);

        var duplicate = await admin.PostAsJsonAsync(new Uri(Api + "/admin/staff", UriKind.Relative), new { userName = "ca-mau.moi", displayName = "Khác", role = "leader", password = Password });
        Assert.Equal("accounts.user_name_taken", await CodeAsync(duplicate));

        using var staff = await SignInAsync(host, "ca-mau.moi", Password);
        var queue = await QueueAsync(staff);
        Assert.Contains(reportA, queue.Select(q => q.Id));
        Assert.All(queue, q => Assert.Equal(agencyA, q.Agency));
        Assert.Contains($"data-report=\"{reportA}\"", await staff.GetStringAsync(new Uri("/ca-mau/agency", UriKind.Relative)), StringComparison.Ordinal);

        var read = await admin.GetAsync(new Uri($"{Api}/admin/staff/{id}", UriKind.Relative));
        using var move = new HttpRequestMessage(HttpMethod.Put, new Uri($"{Api}/admin/staff/{id}", UriKind.Relative))
        {
            Content = JsonContent.Create(new { displayName = "Lê Văn Mới", role = "HandlingStaff", agencyId = agencyB }),
        };
        move.Headers.IfMatch.Add(read.Headers.ETag!);
        var moved = await admin.SendAsync(move);
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());

        // The same cookie, the very next request: the new agency's queue, and the old agency's report is not there.
        var after = await QueueAsync(staff);
        Assert.DoesNotContain(reportA, after.Select(q => q.Id));
        Assert.All(after, q => Assert.Equal(agencyB, q.Agency));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(new Uri($"{Api}/reports/{reportA}", UriKind.Relative))).StatusCode);
        var me = JsonDocument.Parse(await staff.GetStringAsync(new Uri("/api/v1/me", UriKind.Relative))).RootElement;
        Assert.Equal(agencyB, me.GetProperty("agencyId").GetString());
        // The host's own pages too, with the same cookie.
        Assert.DoesNotContain($"data-report=\"{reportA}\"", await staff.GetStringAsync(new Uri("/ca-mau/agency", UriKind.Relative)), StringComparison.Ordinal);

        var disabled = await admin.PostAsJsonAsync(new Uri($"{Api}/admin/staff/{id}/disable", UriKind.Relative), new { reason = "Chuyển công tác" });
        Assert.True(disabled.IsSuccessStatusCode, await disabled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(new Uri(Api + "/agency-queue", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        // Nor can it sign in again.
        using var again = host.As(null);
        var refused = await HostFactory.PostFormAsync(again, "/account/login", [new("UserName", "ca-mau.moi"), new("Password", Password)]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        // An administrator cannot disable their own account.
        var self = await admin.PostAsJsonAsync(new Uri($"{Api}/admin/staff/{(await IdOfAsync(host, "ca-mau.admin"))}/disable", UriKind.Relative), new { reason = "Thử" });
        Assert.Equal("accounts.cannot_disable_self", await CodeAsync(self));
    }

    private static async Task<(string AgencyA, string ReportA, string AgencyB)> TwoAgenciesAsync(HostFactory host)
    {
        var profile = host.Services.GetRequiredService<ProvinceCatalog>().Get("ca-mau");
        var queries = host.Services.GetRequiredService<IReportQueries>();
        var agencies = DemoSeeder.HandlingAgencies(profile).Select(a => a.Id).ToList();
        foreach (var a in agencies)
        {
            var queue = await queries.GetAgencyQueueAsync("ca-mau", a, 0, 100, default);
            if (queue.Count > 0)
            {
                return (a, queue[0].Id.ToString(), agencies.First(b => b != a));
            }
        }

        throw new InvalidOperationException("The demo seed assigned no report to a Cà Mau agency.");
    }

    private static async Task<HttpClient> SignInAsync(HostFactory host, string userName, string password)
    {
        var client = host.As(null);
        var response = await HostFactory.PostFormAsync(client, "/account/login", [new("UserName", userName), new("Password", password)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{userName} did not sign in: {(int)response.StatusCode}");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private static async Task<List<(string Id, string? Agency)>> QueueAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri(Api + "/agency-queue", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return [.. JsonDocument.Parse(text).RootElement.EnumerateArray().Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("assignedAgencyId").GetString()))];
    }

    private static async Task<string> IdOfAsync(HostFactory host, string userName)
    {
        using var scope = host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<HostUser>>().FindByNameAsync(userName))!.Id;
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
}

/// <summary>The same story on PostgreSQL (Identity's store and the FieldReports tables on a throwaway cluster).</summary>
[Collection(PostgresGroup.Name)]
public sealed class PostgresStaffAccountTests(PostgresServer postgres)
{
    [PostgresFact]
    public async Task An_administrator_creates_moves_and_disables_a_handling_account_on_PostgreSQL()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>
        {
            ["FieldReports:Database:Provider"] = "Npgsql",
            ["FieldReports:Database:ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["FieldReports:SeedDemo"] = "true",
        }, testSignIn: false);
        await StaffAccountTests.CreateMoveAndDisableAsync(host);
    }
}
