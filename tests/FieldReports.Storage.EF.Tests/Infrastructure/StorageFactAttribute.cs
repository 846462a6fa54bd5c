using Xunit.Abstractions;
using Xunit.Sdk;

namespace FieldReports.Storage.EF.Tests.Infrastructure;

/// <summary>Marks test classes that need the PostgreSQL server.</summary>
public interface IPostgresTests;

/// <summary>
/// A fact of a conformance suite, written once and run for every provider: skipped with a message on a class that needs
/// PostgreSQL when PostgreSQL is not installed (and CI does not require it).
/// </summary>
[XunitTestCaseDiscoverer("FieldReports.Storage.EF.Tests.Infrastructure.StorageFactDiscoverer", "FieldReports.Storage.EF.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

/// <summary>A fact that only runs against PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}

public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = typeof(IPostgresTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        if (needsPostgres && PostgresServer.SkipReason is { } reason)
        {
            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
        }
        else
        {
            yield return new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
        }
    }
}
