using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using FieldReports.AspNetCore;
using FieldReports.Stores;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace ReferenceHost.Hosting;

/// <summary>
/// Measurement support, off unless <c>FieldReports:Benchmark:Enabled</c> is true (docs/performance.md):
/// <list type="bullet">
/// <item><c>POST /bench/bare-insert</c> inserts one row shaped like a report through a bare <see cref="DbContext"/> with the
/// same durability settings as FieldReports' own (<c>options.UseFieldReports()</c>: WAL + synchronous=FULL on SQLite,
/// synchronous_commit=on on PostgreSQL); <c>GET /bench/bare-read</c> reads a page of 20 such rows shaped like the public
/// list's; <c>POST /bench/bare-upload</c> takes a multipart submission (a <c>report</c> part and <c>files</c>), writes and
/// flushes each file, flushes their directory and inserts the bare row: what a submission with photos writes at least;
/// <c>DELETE /bench/bare-upload</c> removes its files; <c>GET /bench/noop</c> does nothing. The load harness measures
/// FieldReports as ratios to them.</item>
/// <item><c>FieldReports:Benchmark:SubmissionsPerMinute</c> (default 1,000,000) replaces the per-account submission limit, since
/// a load run submits from one account.</item>
/// <item><c>FieldReports:Benchmark:DeliveryLog</c>, a file path: every outbox delivery is appended to it with its start and
/// end time, so that tests can check that two instances never deliver one message at the same time.</item>
/// </list>
/// </summary>
public static class BenchmarkEndpoints
{
    private const string Section = "FieldReports:Benchmark";

    /// <summary>Registers the measurement services when enabled. Call after the host's own registrations.</summary>
    public static IServiceCollection AddBenchmarkSupport(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[$"{Section}:DeliveryLog"] is { Length: > 0 } log)
        {
            // Wraps the host's outbox handler so that each delivery is recorded with its start and end.
            var inner = services.LastOrDefault(d => d.ServiceType == typeof(IOutboxMessageHandler))
                ?? throw new InvalidOperationException("The host registers no outbox handler to record.");
            services.RemoveAll<IOutboxMessageHandler>();
            services.AddSingleton<IOutboxMessageHandler>(sp => new RecordingOutboxHandler(
                (IOutboxMessageHandler)(inner.ImplementationInstance ?? inner.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)),
                log,
                TimeSpan.FromMilliseconds(configuration.GetValue($"{Section}:DeliveryMilliseconds", 20))));
        }

        if (!configuration.GetValue<bool>($"{Section}:Enabled"))
        {
            return services;
        }

        var perMinute = configuration.GetValue($"{Section}:SubmissionsPerMinute", 1_000_000);
        services.Configure<FieldReportsAspNetCoreOptions>(o => o.SubmissionsPerMinute = perMinute);
        services.AddSingleton<BenchTable>();
        return services;
    }

    /// <summary>Maps the baseline endpoints when enabled.</summary>
    public static IEndpointRouteBuilder MapBenchmarkEndpoints(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>($"{Section}:Enabled"))
        {
            return app;
        }

        var bench = app.MapGroup("/bench").ExcludeFromDescription().AllowAnonymous();
        bench.MapGet("/noop", () => TypedResults.NoContent());

        // The runtime's own figures, sampled by the harness every second of an open-loop run: a stall of the whole process
        // (a blocking collection, a starved thread pool) tells itself apart from a slow disk.
        bench.MapGet("/runtime", () => TypedResults.Ok(new RuntimeFigures(
            GC.GetTotalPauseDuration().TotalMilliseconds,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            ThreadPool.ThreadCount,
            ThreadPool.PendingWorkItemCount)));
        bench.MapPost("/bare-insert", async (BareInsertRequest body, BenchTable table, NodaTime.IClock clock, CancellationToken ct, string provinceId = "hue") =>
        {
            var row = await InsertAsync(table, body, clock, provinceId, ct);
            return TypedResults.Created($"/bench/bare/{row.Id}", row);
        });
        bench.MapPost("/bare-upload", async (HttpRequest request, BenchTable table, HostSettings settings, NodaTime.IClock clock, CancellationToken ct, string provinceId = "hue") =>
        {
            var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
            if (string.IsNullOrEmpty(boundary))
            {
                return Results.BadRequest();
            }

            var directory = BareUploadDirectory(settings);
            Directory.CreateDirectory(directory);
            var reader = new MultipartReader(boundary, request.Body);
            BareInsertRequest? body = null;
            var files = 0;
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    // Written and flushed as FieldReports' file store does, with no checks of the content.
                    await using var file = new FileStream(Path.Combine(directory, Guid.NewGuid().ToString("N") + ".bin"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                    await section.Body.CopyToAsync(file, ct);
                    file.Flush(flushToDisk: true);
                    files++;
                }
                else if (disposition.Name.Value == "report")
                {
                    body = await System.Text.Json.JsonSerializer.DeserializeAsync<BareInsertRequest>(section.Body, System.Text.Json.JsonSerializerOptions.Web, ct);
                }
            }

            if (body is null)
            {
                return Results.BadRequest();
            }

            if (files > 0)
            {
                FlushDirectory(directory);
            }

            var row = await InsertAsync(table, body, clock, provinceId, ct);
            return Results.Created($"/bench/bare/{row.Id}", row);
        }).DisableAntiforgery();
        bench.MapDelete("/bare-upload", (HostSettings settings) =>
        {
            var directory = BareUploadDirectory(settings);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            return TypedResults.NoContent();
        });
        bench.MapGet("/bare-read", async (BenchTable table, CancellationToken ct, string provinceId = "hue", int pageSize = 20) =>
        {
            await using var db = await table.OpenAsync(ct);
            var page = await db.Rows.AsNoTracking()
                .Where(r => r.ProvinceId == provinceId && r.PublishedAt != null)
                .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)
                .Take(Math.Clamp(pageSize, 1, 100))
                .Select(r => new { r.Id, r.State, r.Title, r.Description, r.AreaCode, r.Address, r.Latitude, r.Longitude, r.SubmittedAt, r.PublishedAt })
                .ToListAsync(ct);
            return TypedResults.Ok(new { items = page, nextCursor = page.Count == 0 ? null : page[^1].Id });
        });
        return app;
    }

    private static async Task<BareRow> InsertAsync(BenchTable table, BareInsertRequest body, NodaTime.IClock clock, string provinceId, CancellationToken ct)
    {
        await using var db = await table.OpenAsync(ct);
        // Ticks since the Unix epoch, as the storage package keeps instants on SQLite.
        var now = clock.GetCurrentInstant().ToUnixTimeTicks();
        var row = new BareRow
        {
            Id = Guid.NewGuid().ToString(),
            ProvinceId = provinceId,
            ReporterAccountId = "bench",
            Channel = "app",
            State = 1,
            Title = body.Title,
            Description = body.Description ?? "",
            Latitude = body.Latitude,
            Longitude = body.Longitude,
            Address = body.Address,
            AreaCode = body.AreaCode,
            Language = "vi",
            ContactJson = body.Contact?.GetRawText(),
            SubmittedAt = now,
            PublishedAt = now,
            CurrentDeadline = now + TimeSpan.TicksPerDay,
            Version = 1,
        };
        db.Rows.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    private static string BareUploadDirectory(HostSettings settings) => Path.Combine(settings.DataDirectory, "bench-uploads");

    // One flush of the files' directory per upload, so that their names survive a power loss as FieldReports' do.
    private static void FlushDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = open(Encoding.UTF8.GetBytes(directory + "\0"), 0);
        if (fd < 0)
        {
            throw new IOException("Could not open the upload directory.");
        }

        try
        {
            if (fsync(fd) != 0)
            {
                throw new IOException("Could not flush the upload directory.");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int open(byte[] path, int flags);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int fsync(int fd);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int close(int fd);

    /// <summary>What <c>GET /bench/runtime</c> answers: the process's total GC pause so far, its collections by generation, and its thread pool.</summary>
    public sealed record RuntimeFigures(double GcPauseMilliseconds, int Gen0, int Gen1, int Gen2, int PoolThreads, long PendingWorkItems);

    /// <summary>The body of a bare insert: the members of a JSON report submission.</summary>
    public sealed record BareInsertRequest(string? Title, string? Description, double? Latitude, double? Longitude, string? Address, string? AreaCode, System.Text.Json.JsonElement? Contact);

    /// <summary>A row with the columns of a report: what one submission writes at least.</summary>
    public sealed class BareRow
    {
        public string Id { get; set; } = "";

        public string ProvinceId { get; set; } = "";

        public string ReporterAccountId { get; set; } = "";

        public string Channel { get; set; } = "";

        public int State { get; set; }

        public bool IsUrgent { get; set; }

        public bool IsConfidential { get; set; }

        public string? FieldCode { get; set; }

        public string? AssignedAgencyId { get; set; }

        public string? Title { get; set; }

        public string Description { get; set; } = "";

        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        public string? Address { get; set; }

        public string? AreaCode { get; set; }

        public string Language { get; set; } = "vi";

        public string? ContactJson { get; set; }

        public long SubmittedAt { get; set; }

        public long? PublishedAt { get; set; }

        public long? CurrentDeadline { get; set; }

        public int Version { get; set; }
    }

    /// <summary>The bare context: one table, nothing else, with the durability interceptor of FieldReports.</summary>
    public sealed class BareDbContext(DbContextOptions<BareDbContext> options) : DbContext(options)
    {
        public DbSet<BareRow> Rows => Set<BareRow>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            var row = modelBuilder.Entity<BareRow>();
            row.ToTable("bench_rows");
            row.HasKey(r => r.Id);
            row.Property(r => r.Id).HasColumnName("id");
            row.Property(r => r.ProvinceId).HasColumnName("province_id");
            row.Property(r => r.ReporterAccountId).HasColumnName("reporter_account_id");
            row.Property(r => r.Channel).HasColumnName("channel");
            row.Property(r => r.State).HasColumnName("state");
            row.Property(r => r.IsUrgent).HasColumnName("is_urgent");
            row.Property(r => r.IsConfidential).HasColumnName("is_confidential");
            row.Property(r => r.FieldCode).HasColumnName("field_code");
            row.Property(r => r.AssignedAgencyId).HasColumnName("assigned_agency_id");
            row.Property(r => r.Title).HasColumnName("title");
            row.Property(r => r.Description).HasColumnName("description");
            row.Property(r => r.Latitude).HasColumnName("latitude");
            row.Property(r => r.Longitude).HasColumnName("longitude");
            row.Property(r => r.Address).HasColumnName("address");
            row.Property(r => r.AreaCode).HasColumnName("area_code");
            row.Property(r => r.Language).HasColumnName("language");
            row.Property(r => r.ContactJson).HasColumnName("contact_json");
            row.Property(r => r.SubmittedAt).HasColumnName("submitted_at");
            row.Property(r => r.PublishedAt).HasColumnName("published_at");
            row.Property(r => r.CurrentDeadline).HasColumnName("current_deadline");
            row.Property(r => r.Version).HasColumnName("version");
        }
    }

    /// <summary>Creates the bare table once (portable SQL for SQLite and PostgreSQL) and lends pooled contexts on it.</summary>
    public sealed class BenchTable(HostSettings settings)
    {
        private const string Create = """
            CREATE TABLE IF NOT EXISTS bench_rows (
              id varchar(36) PRIMARY KEY, province_id varchar(64) NOT NULL, reporter_account_id varchar(128) NOT NULL,
              channel varchar(64) NOT NULL, state integer NOT NULL, is_urgent boolean NOT NULL, is_confidential boolean NOT NULL,
              field_code varchar(64), assigned_agency_id varchar(64), title varchar(200), description text NOT NULL,
              latitude double precision, longitude double precision, address varchar(500), area_code varchar(64),
              language varchar(35) NOT NULL, contact_json text, submitted_at bigint NOT NULL, published_at bigint,
              current_deadline bigint, version integer NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_bench_rows_published ON bench_rows (province_id, published_at, id);
            """;

        // Pooled, as FieldReports' own contexts are: the baseline does not pay for building a context's services per request.
        private readonly PooledDbContextFactory<BareDbContext> _contexts = new(Options(settings));
        private readonly Lazy<Task> _created = new(() => CreateAsync(Options(settings)));

        public async Task<BareDbContext> OpenAsync(CancellationToken cancellationToken)
        {
            await _created.Value.WaitAsync(cancellationToken);
            return await _contexts.CreateDbContextAsync(cancellationToken);
        }

        private static async Task CreateAsync(DbContextOptions<BareDbContext> options)
        {
            await using var db = new BareDbContext(options);
            await db.Database.ExecuteSqlRawAsync(Create);
        }

        private static DbContextOptions<BareDbContext> Options(HostSettings settings)
        {
            var options = new DbContextOptionsBuilder<BareDbContext>();
            if (settings.IsPostgreSql)
            {
                options.UseNpgsql(settings.ConnectionString);
            }
            else
            {
                options.UseSqlite(settings.ConnectionString);
            }

            // The same durability interceptor as the host's own context.
            options.UseFieldReports();
            return options.Options;
        }
    }

    /// <summary>Records each outbox delivery (message id, process, start and end in UTC ticks) in a file, one line each.</summary>
    private sealed class RecordingOutboxHandler(IOutboxMessageHandler inner, string path, TimeSpan hold) : IOutboxMessageHandler
    {
        private static readonly ConcurrentDictionary<string, object> Locks = new(StringComparer.Ordinal);

        public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            // The wall clock, not the host's IClock: two host processes' records are compared, and a shifted demo clock
            // would differ between them.
            var start = DateTimeOffset.UtcNow.UtcTicks;

            // A delivery that takes a while makes overlapping deliveries of one message visible in the log.
            await Task.Delay(hold, cancellationToken);
            await inner.HandleAsync(message, cancellationToken);
            var end = DateTimeOffset.UtcNow.UtcTicks;
            var line = string.Create(CultureInfo.InvariantCulture, $"{message.Id}\t{Environment.ProcessId}\t{start}\t{end}\n");
            lock (Locks.GetOrAdd(path, _ => new object()))
            {
                using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                stream.Write(Encoding.UTF8.GetBytes(line));
                stream.Flush(flushToDisk: true);
            }
        }
    }
}
