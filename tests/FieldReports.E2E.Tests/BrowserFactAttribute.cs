namespace FieldReports.E2E.Tests;

/// <summary>A test that needs Chromium: skipped with the reason when it is missing, unless CI requires it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.MissingReason is { } reason && Environment.GetEnvironmentVariable("FIELDREPORTS_REQUIRE_CHROMIUM") != "1")
        {
            Skip = reason;
        }
    }
}
