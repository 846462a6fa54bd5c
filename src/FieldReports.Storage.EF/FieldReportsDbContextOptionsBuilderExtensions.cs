using FieldReports.Storage.EF;
using FieldReports.Storage.EF.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Configures a DbContext's options for FieldReports.</summary>
public static class FieldReportsDbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Enables the FieldReports durability settings on every connection the context opens — SQLite: WAL, synchronous=FULL,
    /// a 30 s busy timeout and foreign keys; PostgreSQL: synchronous_commit on — and carries the model options to
    /// <see cref="FieldReportsDbContext"/>. Call it after choosing the provider (on PostgreSQL with a connection string, the setting
    /// becomes a startup option of that string: <c>Options=-c synchronous_commit=on</c>) (<c>UseSqlite</c> or <c>UseNpgsql(…, o =&gt; o.UseNodaTime())</c>),
    /// also for a host's own context that applies the model with <c>modelBuilder.UseFieldReports()</c>.
    /// </summary>
    /// <param name="optionsBuilder">The options builder.</param>
    /// <param name="configure">Changes the naming and typing of the ready-made context's tables; a host's own context passes them to <c>modelBuilder.UseFieldReports</c> instead.</param>
    /// <returns>The options builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="optionsBuilder"/> is null.</exception>
    public static DbContextOptionsBuilder UseFieldReports(this DbContextOptionsBuilder optionsBuilder, Action<FieldReportsModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        var modelOptions = new FieldReportsModelOptions();
        configure?.Invoke(modelOptions);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(new FieldReportsOptionsExtension(modelOptions));
        if (!optionsBuilder.Options.Extensions.OfType<CoreOptionsExtension>().Any(e => e.Interceptors?.Contains(DurabilityInterceptor.Instance) == true))
        {
            optionsBuilder.AddInterceptors(DurabilityInterceptor.Instance, SqliteWriterGate.Instance);
        }

        // PostgreSQL given a connection string: the durability setting joins its startup options, before the provider builds
        // its data source from it (a SET after every open is the fallback for a data source or connection given instead).
        if (optionsBuilder.Options.Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault() is { ConnectionString: { } connectionString } relational
            && DurabilityInterceptor.WithStartupOption(relational.GetType(), connectionString) is { } durable)
        {
            ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(relational.WithConnectionString(durable));
        }

        return optionsBuilder;
    }
}
