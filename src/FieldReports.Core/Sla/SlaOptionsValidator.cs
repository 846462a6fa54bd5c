using Microsoft.Extensions.Options;

namespace FieldReports.Sla;

/// <summary>
/// Validates <see cref="SlaOptions"/> at start-up: each step has either a working-days budget or both a working-day and
/// a day-off budget, budgets are positive, the warning threshold is a share in (0, 1], and pause states are states that
/// can pause. Each message names the setting and says what is wrong. Stateless and thread-safe.
/// </summary>
public sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        SlaPolicy.TryCreate(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
