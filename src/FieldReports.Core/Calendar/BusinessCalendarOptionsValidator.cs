using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.Calendar;

/// <summary>
/// Validates <see cref="BusinessCalendarOptions"/> at start-up: unknown time zone, unknown weekday, malformed interval,
/// an interval that ends before it starts, overlapping intervals, malformed dates and seasons, periods that can never
/// apply, and a schedule without any working interval. Each message names the setting and says what is wrong.
/// Stateless and thread-safe.
/// </summary>
public sealed class BusinessCalendarOptionsValidator : IValidateOptions<BusinessCalendarOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, BusinessCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TimeZone) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone) is null)
        {
            errors.Add($"TimeZone: unknown time zone '{options.TimeZone}'; use an IANA id such as Asia/Ho_Chi_Minh.");
        }

        WorkingHours.TryCreate(options, string.Empty, errors);
        foreach (var (agency, hours) in options.Agencies ?? [])
        {
            if (hours is null)
            {
                errors.Add($"Agencies[{agency}] is empty.");
                continue;
            }

            WorkingHours.TryCreate(hours, $"Agencies[{agency}].", errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
