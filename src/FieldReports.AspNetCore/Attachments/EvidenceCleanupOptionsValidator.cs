using Microsoft.Extensions.Options;

namespace FieldReports.AspNetCore;

/// <summary>Refuses invalid <see cref="FieldReportsAspNetCoreOptions.EvidenceCleanup"/> values at start-up, naming each.</summary>
internal sealed class EvidenceCleanupOptionsValidator : IValidateOptions<FieldReportsAspNetCoreOptions>
{
    public ValidateOptionsResult Validate(string? name, FieldReportsAspNetCoreOptions options)
    {
        var failures = options.EvidenceCleanup.Check().Concat(options.Uploads.Check()).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
