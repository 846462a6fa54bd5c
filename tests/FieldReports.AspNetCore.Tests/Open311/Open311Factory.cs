using System.Net.Http.Json;
using System.Text.Json;
using FieldReports.Provinces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace FieldReports.AspNetCore.Tests.Open311;

/// <summary>
/// The reference host with two provinces (so <c>jurisdiction_id</c> is required), SQLite storage in a temporary file,
/// a fake clock on a Monday morning in Việt Nam, and the test sign-in scheme.
/// </summary>
public sealed class Open311Factory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _database;
    private readonly bool _ownsDatabase;

    public Open311Factory()
        : this(Path.Combine(Path.GetTempPath(), $"open311-{Guid.NewGuid():N}.db"), ownsDatabase: true)
    {
    }

    /// <summary>A host on the given SQLite file; when it does not own the file, disposing it leaves the file for the next host (a restart).</summary>
    internal Open311Factory(string database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>Monday 23 November 2026, 09:00 in Việt Nam: a working day, office hours, outside any night window.</summary>
    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 23, 2, 0));

    public const string Province = "alpha";
    public const string Other = "beta";
    public const string Admin = "Administrator;admin-1;;alpha";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Migrated before the host starts, because the host puts the stored catalogues in force as it starts.
        var options = new DbContextOptionsBuilder<Storage.EF.FieldReportsDbContext>().UseSqlite($"Data Source={_database}", x => x.UseFieldReportsMigrations());
        options.UseFieldReports();
        using (var db = new Storage.EF.FieldReportsDbContext(options.Options))
        {
            db.Database.Migrate();
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(o =>
                {
                    o.DefaultScheme = TestAuthHandler.SchemeName;
                    o.DefaultChallengeScheme = TestAuthHandler.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
            services.Replace(ServiceDescriptor.Singleton<IClock>(Clock));
            services.AddFieldReports()
                .AddProvince(Province, p => Configure(p, "Tỉnh Alpha"))
                .AddProvince(Other, p => Configure(p, "Tỉnh Beta"))
                .UseEntityFrameworkCore(ef => ef.UseDbContext(o => o.UseSqlite($"Data Source={_database}", x => x.UseFieldReportsMigrations())))
                .AddOpen311(o => o.Contact = "open311@alpha.gov.vn");
        });
    }

    private static void Configure(ProvinceOptions p, string name)
    {
        p.DisplayName = name;
        p.Channels.Add(new ChannelOptions { Code = "app", Kind = ChannelKind.App, Name = "Alpha-S" });
        p.Channels.Add(new ChannelOptions { Code = "open311", Kind = ChannelKind.Other, Name = "Open311 clients" });
        var traffic = new FieldOptions { Code = "traffic_safety", NameVi = "An toàn giao thông", NameEn = "Traffic safety" };
        traffic.Questions.Add("Biển số xe");
        traffic.Questions.Add("Số phương tiện liên quan {number*}");
        traffic.Questions.Add("Mô tả thêm {text}");
        traffic.Questions.Add("Thời điểm xảy ra {datetime}");
        traffic.Questions.Add("Loại phương tiện {singlevaluelist: Xe máy|Ô tô|Xe tải}");
        traffic.Questions.Add("Hậu quả {multivaluelist: Ùn tắc|Hư hỏng tài sản|Thương tích}");
        p.Fields.Add(traffic);
        p.Fields.Add(new FieldOptions { Code = "environment", NameVi = "Môi trường", NameEn = "Environment" });
        p.Areas.Add(new AreaOptions { Code = "p-01", Name = "Phường 1" });
        p.Agencies.Add(new AgencyOptions { Id = "ubnd", Name = "UBND tỉnh", Kind = AgencyKind.Province });
        p.Agencies.Add(new AgencyOptions { Id = "csgt", Name = "Phòng Cảnh sát giao thông", Kind = AgencyKind.Department, Parent = "ubnd" });
        p.Intake.RequireEmail = false;
    }

    public async Task InitializeAsync() => await Services.MigrateFieldReportsDatabaseAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDatabase)
        {
            return;
        }

        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Issues an api key through the administrators' endpoint and returns the key's id and text.</summary>
    public async Task<(string Id, string Key)> IssueKeyAsync(string channel = "open311", string user = Admin)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/admin/api-keys") { Content = JsonContent.Create(new { channel, name = "Test client" }) };
        request.Headers.Add(TestAuthHandler.Header, user);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("apiKey").GetProperty("id").GetString()!, json.RootElement.GetProperty("key").GetString()!);
    }
}
