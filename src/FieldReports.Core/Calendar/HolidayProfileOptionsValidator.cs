using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.Calendar;

/// <summary>
/// Checks a <see cref="HolidayProfileOptions"/>: every rule has a known kind and the fields its kind needs, dates exist,
/// effective ranges do not end before they start, decreed years and dates are not repeated. Each message names the
/// offending rule or day (for example <c>Rules[2] 'Giỗ Tổ Hùng Vương' (LunarDate): Day 31 is not a lunar day; use 1 to 30.</c>).
/// </summary>
/// <remarks>Register it with <c>services.AddSingleton&lt;IValidateOptions&lt;HolidayProfileOptions&gt;, HolidayProfileOptionsValidator&gt;()</c>
/// and <c>ValidateOnStart()</c> to fail at start-up. <see cref="HolidayCalendar"/> runs the same checks. Stateless and thread-safe.</remarks>
public sealed class HolidayProfileOptionsValidator : IValidateOptions<HolidayProfileOptions>
{
    /// <summary>Validates a profile.</summary>
    /// <param name="name">The options name (used in the messages when not empty).</param>
    /// <param name="options">The profile.</param>
    /// <returns>Success, or failure with one message per problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, HolidayProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> errors = Check(options);
        if (errors.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        string prefix = string.IsNullOrEmpty(name) ? $"Holiday profile '{options.Name}'" : $"Holiday profile '{name}'";
        return ValidateOptionsResult.Fail(errors.Select(e => $"{prefix}: {e}"));
    }

    internal static List<string> Check(HolidayProfileOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(options.Base) && !string.Equals(options.Base, VietnameseHolidays.ProfileName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Base '{options.Base}' is not a known profile; use '{VietnameseHolidays.ProfileName}' (the national profile) or leave it empty.");
        }

        if (options.WeeklyRestDays is { } rest)
        {
            if (rest.Any(d => d is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday))
            {
                errors.Add("WeeklyRestDays contains a value that is not a day of the week (Monday to Sunday).");
            }

            if (rest.Distinct().Count() != rest.Count)
            {
                errors.Add("WeeklyRestDays lists a day twice.");
            }

            if (rest.Distinct().Count() >= 7)
            {
                errors.Add("WeeklyRestDays makes every day a rest day; leave at least one working day.");
            }
        }

        if (options.Rules is null)
        {
            errors.Add("Rules is null; use an empty list for a profile without rules.");
        }
        else
        {
            for (int i = 0; i < options.Rules.Count; i++)
            {
                CheckRule(i, options.Rules[i], errors);
            }
        }

        if (options.Years is null)
        {
            errors.Add("Years is null; use an empty list for a profile without decrees.");
            return errors;
        }

        var years = new HashSet<int>();
        var dates = new HashSet<LocalDate>();
        for (int i = 0; i < options.Years.Count; i++)
        {
            HolidayYearOptions? year = options.Years[i];
            string label = $"Years[{i}] ({year?.Year.ToString(CultureInfo.InvariantCulture)})";
            if (year is null)
            {
                errors.Add($"{label}: the entry is empty.");
                continue;
            }

            if (year.Year is < VietnameseLunarCalendar.MinYear or > VietnameseLunarCalendar.MaxYear)
            {
                errors.Add($"{label}: Year {year.Year} is outside the supported range {VietnameseLunarCalendar.MinYear} to {VietnameseLunarCalendar.MaxYear}.");
            }

            if (!years.Add(year.Year))
            {
                errors.Add($"{label}: the year {year.Year} is decreed twice; merge the entries.");
            }

            if (year.Days is null)
            {
                errors.Add($"{label}: Days is null.");
                continue;
            }

            for (int j = 0; j < year.Days.Count; j++)
            {
                HolidayDayOptions? day = year.Days[j];
                string dayLabel = $"{label} Days[{j}] '{day?.Name}'";
                if (day?.Date is not { } date)
                {
                    errors.Add($"{dayLabel}: Date is required (yyyy-MM-dd).");
                    continue;
                }

                if (day.Kind is not { } kind || !Enum.IsDefined(kind))
                {
                    errors.Add($"{dayLabel}: Kind is required: one of {string.Join(", ", Enum.GetNames<DayKind>())}.");
                }

                if (Math.Abs(date.Year - year.Year) > 1)
                {
                    errors.Add($"{dayLabel}: the date {date:uuuu-MM-dd} is not in or next to the year {year.Year}.");
                }

                if (!dates.Add(date))
                {
                    errors.Add($"{dayLabel}: the date {date:uuuu-MM-dd} is listed twice.");
                }
            }
        }

        return errors;
    }

    private static void CheckRule(int index, HolidayRuleOptions? rule, List<string> errors)
    {
        if (rule is null)
        {
            errors.Add($"Rules[{index}]: the rule is empty.");
            return;
        }

        string? kind = HolidayRuleKinds.All.FirstOrDefault(k => string.Equals(k, rule.Kind, StringComparison.OrdinalIgnoreCase));
        string label = $"Rules[{index}] '{rule.Name}' ({rule.Kind})";
        if (kind is null)
        {
            errors.Add(rule.Kind is null
                ? $"{label}: Kind is required: one of {string.Join(", ", HolidayRuleKinds.All)}."
                : $"{label}: unknown Kind '{rule.Kind}'; use one of {string.Join(", ", HolidayRuleKinds.All)}.");
            return;
        }

        if (rule.EffectiveFrom is { } from && rule.EffectiveTo is { } to && to < from)
        {
            errors.Add($"{label}: EffectiveTo {to:uuuu-MM-dd} is before EffectiveFrom {from:uuuu-MM-dd}.");
        }

        if (kind != HolidayRuleKinds.Compensation && string.IsNullOrWhiteSpace(rule.Name))
        {
            errors.Add($"{label}: Name is required.");
        }

        switch (kind)
        {
            case HolidayRuleKinds.FixedDate:
            case HolidayRuleKinds.AdjacentDay:
                if (rule.Month is not { } m || m is < 1 or > 12)
                {
                    errors.Add($"{label}: Month {Show(rule.Month)} is not a month; use 1 to 12.");
                }
                else if (rule.Day is not { } d || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(2000, m))
                {
                    errors.Add($"{label}: Day {Show(rule.Day)} does not exist in month {m}.");
                }

                if (kind == HolidayRuleKinds.AdjacentDay && !Enum.IsDefined(rule.Choice))
                {
                    errors.Add($"{label}: Choice {rule.Choice} is not one of {string.Join(", ", Enum.GetNames<AdjacentDayChoice>())}.");
                }

                break;
            case HolidayRuleKinds.LunarDate:
            case HolidayRuleKinds.LunarSpan:
                bool span = kind == HolidayRuleKinds.LunarSpan;
                int? month = span ? rule.Month ?? 1 : rule.Month;
                int? day = span ? rule.Day ?? 1 : rule.Day;
                if (month is not (>= 1 and <= 12))
                {
                    errors.Add($"{label}: Month {Show(month)} is not a lunar month; use 1 to 12.");
                }

                if (day is not (>= 1 and <= 30))
                {
                    errors.Add($"{label}: Day {Show(day)} is not a lunar day; use 1 to 30.");
                }

                if (span && rule.Length is not (>= 1 and <= 30))
                {
                    errors.Add($"{label}: Length {Show(rule.Length)} is required for a lunar span; use 1 to 30 days.");
                }

                if (span && rule.Offset is < -30 or > 30)
                {
                    errors.Add($"{label}: Offset {rule.Offset} is too far from the anchor; use -30 to 30 days.");
                }

                break;
        }
    }

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(missing)";
}
