namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures FieldReports after <c>AddFieldReports(...)</c>. The other packages add to it through extension methods
/// (<c>UseEntityFrameworkCore</c>, <c>AddAspNetCore</c>, …), so a host reads as one chain.
/// </summary>
public sealed class FieldReportsBuilder
{
    internal FieldReportsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection FieldReports registers into.</summary>
    public IServiceCollection Services { get; }
}
