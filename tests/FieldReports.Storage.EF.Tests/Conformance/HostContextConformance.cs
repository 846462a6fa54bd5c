using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>The model inside a host's own DbContext, next to the host's tables, with a prefix (and a schema where supported).</summary>
public abstract class HostContextConformance : StorageTestBase
{
    [StorageFact]
    public async Task Stores_work_on_the_host_s_own_context_with_its_naming()
    {
        // A database of its own: the host creates its schema itself (EnsureCreated here, its own migrations in production).
        await using var own = await CreateDatabaseAsync();
        var services = new ServiceCollection();
        services.AddDbContextFactory<HostDbContext>(o =>
        {
            own.Configure(o);
            o.UseFieldReports();
        });
        services.AddFieldReports().UseEntityFrameworkCore(ef => ef.UseDbContext<HostDbContext>());
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDbContextFactory<HostDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.EnsureCreatedAsync();
            db.Notes.Add(new HostNote { Text = "the host's own table" });
            await db.SaveChangesAsync();
        }

        var store = provider.GetRequiredService<IReportStore>();
        var report = TestReports.Submitted(Clock.GetCurrentInstant());
        Assert.True((await store.AddAsync(TestReports.Province, report, null, null, [], default)).IsSuccess);
        Same.Report(report, (await store.FindAsync(TestReports.Province, report.Id, default))!);

        await using (var db = await factory.CreateDbContextAsync())
        {
            var reports = db.Model.GetEntityTypes().Single(t => t.GetTableName()!.EndsWith("reports", StringComparison.Ordinal));
            Assert.Equal("fr_reports", reports.GetTableName());
            Assert.Equal(Database.IsPostgres ? "fieldreports" : null, reports.GetSchema());
            // Instants are native timestamps on PostgreSQL (detected from the provider) and sortable ticks on SQLite.
            Assert.Equal(Database.IsPostgres ? "timestamp with time zone" : "INTEGER", reports.FindProperty("SubmittedAt")!.GetColumnType());
            Assert.Equal(1, await db.Notes.CountAsync());
        }
    }

    [StorageFact]
    public void Registration_without_a_context_says_how_to_choose_one()
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<InvalidOperationException>(() => services.AddFieldReports().UseEntityFrameworkCore(_ => { }));
        Assert.Contains("UseDbContext", error.Message, StringComparison.Ordinal);
    }

    public sealed class HostNote
    {
        public int Id { get; set; }

        public string Text { get; set; } = "";
    }

    public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
    {
        public DbSet<HostNote> Notes => Set<HostNote>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<HostNote>().ToTable("host_notes");
            modelBuilder.UseFieldReports(o =>
            {
                o.TablePrefix = "fr_";
                o.Schema = Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal) ? "fieldreports" : null;
            });
        }
    }
}
