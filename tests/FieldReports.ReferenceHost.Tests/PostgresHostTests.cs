using System.Net;
using System.Text.RegularExpressions;
using FieldReports.Storage.EF.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferenceHost.Data;

namespace FieldReports.ReferenceHost.Tests;

/// <summary>
/// The host on a throwaway PostgreSQL cluster: its own PostgreSQL migrations at start-up, the demo seed, a report walked
/// through the pages, readiness. Skipped without PostgreSQL unless FIELDREPORTS_REQUIRE_POSTGRES=1 (as in CI) (#8).
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed partial class PostgresHostTests(PostgresServer postgres)
{
    private const string Citizen = "reporter;pg-citizen-1;;ca-mau";
    private const string Reception = "reception_staff;pg-reception-1;;ca-mau";
    private const string Agency = "handling_staff;pg-handler-1;ubnd-tp;ca-mau";

    [PostgresFact]
    public async Task Host_migrates_PostgreSQL_seeds_and_walks_a_report_from_submission_to_assignment_through_its_pages_8()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = new HostFactory(new Dictionary<string, string?>
        {
            ["FieldReports:Database:Provider"] = "Npgsql",
            ["FieldReports:Database:ConnectionString"] = connectionString,
            ["FieldReports:SeedDemo"] = "true",
        });
        using var anonymous = host.As(null);

        var ready = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());

        // The schema came from the PostgreSQL migrations, not from the model, and the seed went in through the stores.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            Assert.IsType<NpgsqlHostDbContext>(db);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialHost", StringComparison.Ordinal));
            Assert.True(await db.Users.CountAsync(u => u.ProvinceId == "ca-mau") >= 5);
        }

        using var citizen = host.As(Citizen);
        var sent = await HostFactory.PostFormAsync(citizen, "/ca-mau/submit",
        [
            new("Title", "Lấn chiếm vỉa hè đường Phan Ngọc Hiển"),
            new("Description", "Hàng quán bày bán lấn hết vỉa hè, người đi bộ phải xuống lòng đường."),
            new("Latitude", "9.1769"), new("Longitude", "105.1524"), new("Address", "Đường Phan Ngọc Hiển, Phường 5"),
            new("Name", "Lê Văn Tám"), new("Phone", "0912345678"), new("Email", "tam.le@example.vn"), new("Truthful", "true"),
        ], ("Photos", "hien-truong.png", HostFactory.Png));
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        var reportPath = ReportPath().Match(sent.Headers.Location!.OriginalString).Value;
        Assert.NotEmpty(reportPath);
        var id = reportPath.Split('/')[^1];

        using var reception = host.As(Reception);
        Assert.Contains(id, await reception.GetStringAsync(new Uri("/ca-mau/centre", UriKind.Relative)), StringComparison.Ordinal);
        var received = await HostFactory.PostFormAsync(reception, reportPath, [new("action", "receive"), new("Field", "urban_order")]);
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var assigned = await HostFactory.PostFormAsync(reception, reportPath, [new("action", "assign"), new("Agency", "ubnd-tp")]);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        using var agency = host.As(Agency);
        var queue = await agency.GetStringAsync(new Uri("/ca-mau/agency", UriKind.Relative));
        Assert.Contains($"data-report=\"{id}\"", queue, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await agency.GetStringAsync(new Uri(reportPath, UriKind.Relative)));
        Assert.Contains("Đã chuyển đơn vị", page, StringComparison.Ordinal);
        Assert.Contains("Lấn chiếm vỉa hè đường Phan Ngọc Hiển", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Văn Tám", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("/ca-mau/reports/[0-9a-f-]{36}")]
    private static partial Regex ReportPath();
}

/// <summary>A fact that needs PostgreSQL: skipped with the reason when it is not installed, unless CI requires it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}
