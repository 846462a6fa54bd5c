using FieldReports.Storage.EF.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldReports.Storage.EF;

/// <summary>
/// The ready-made DbContext holding only the FieldReports tables. A host that prefers one context for its own tables and
/// ours calls <see cref="FieldReportsModelBuilderExtensions.UseFieldReports(ModelBuilder, Action{FieldReportsModelOptions}?)"/>
/// from its own <c>OnModelCreating</c> instead.
/// </summary>
/// <remarks>Like any DbContext, an instance is not thread-safe; the stores create one per operation through a context factory.</remarks>
public class FieldReportsDbContext : DbContext
{
    private readonly FieldReportsModelOptions? _modelOptions;

    /// <summary>Creates the context.</summary>
    /// <param name="options">The options: the provider and connection, plus <c>UseFieldReports()</c> for durability settings and model options.</param>
    public FieldReportsDbContext(DbContextOptions<FieldReportsDbContext> options)
        : base(options)
    {
        _modelOptions = options.FindExtension<FieldReportsOptionsExtension>()?.ModelOptions;
    }

    /// <summary>Creates the context from the options of a derived context.</summary>
    /// <param name="options">The options.</param>
    protected FieldReportsDbContext(DbContextOptions options)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _modelOptions = options.FindExtension<FieldReportsOptionsExtension>()?.ModelOptions;
    }

    /// <summary>Adds <c>UseFieldReports()</c> (the durability settings) when the options lack it, so that no connection of this context misses them.</summary>
    /// <param name="optionsBuilder">The options builder.</param>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        if (optionsBuilder.Options.FindExtension<FieldReportsOptionsExtension>() is null)
        {
            optionsBuilder.UseFieldReports();
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        FieldReportsModelBuilderExtensions.UseFieldReports(modelBuilder, _modelOptions ?? new FieldReportsModelOptions());
    }
}
