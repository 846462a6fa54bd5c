using System.Globalization;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.Storage.EF.Infrastructure;

/// <summary>Carries the model options into the ready-made context; contexts with different naming get different internal service providers, hence different cached models.</summary>
internal sealed class FieldReportsOptionsExtension(FieldReportsModelOptions modelOptions) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public FieldReportsModelOptions ModelOptions { get; } = modelOptions;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(FieldReportsOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private FieldReportsModelOptions Options => ((FieldReportsOptionsExtension)Extension).ModelOptions;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => string.Create(CultureInfo.InvariantCulture, $"FieldReports(schema={Options.Schema}, prefix={Options.TablePrefix}) ");

        public override int GetServiceProviderHashCode() => HashCode.Combine(Options.Schema, Options.TablePrefix, Options.StoreInstantsNatively);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo o
            && o.Options.Schema == Options.Schema
            && o.Options.TablePrefix == Options.TablePrefix
            && o.Options.StoreInstantsNatively == Options.StoreInstantsNatively;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["FieldReports:Schema"] = Options.Schema ?? "";
            debugInfo["FieldReports:TablePrefix"] = Options.TablePrefix;
        }
    }
}
