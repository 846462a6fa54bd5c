using System.Globalization;
using NodaTime;

namespace FieldReports.Calendar;

/// <summary>
/// An office's working hours: for each date, the intervals of local time during which it works, chosen from a weekly
/// schedule and its date-effective and seasonal periods (see <see cref="WorkingHoursOptions"/>). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Hours apply to the days a <see cref="IHolidayCalendar"/> leaves open: an ordinary working day or a weekly rest day
/// keeps the hours of its weekday (so an office that opens on Saturday mornings works then, and an office without
/// Saturday hours does not); a swapped working day keeps the hours of <see cref="WorkingHoursOptions.SwappedWorkingDayHours"/>;
/// holidays, compensatory days off and swapped days off have no hours.
/// </remarks>
public sealed class WorkingHours
{
    private const long NanosPerMinute = 60L * 1_000_000_000L;
    private static readonly long[] None = [];

    // Ordered by precedence: latest effective date first, seasonal before year-round, then as listed.
    private readonly Period[] _periods;
    private readonly IsoDayOfWeek _swappedWorkingDayHours;

    private WorkingHours(Period[] periods, IsoDayOfWeek swappedWorkingDayHours)
    {
        _periods = periods;
        _swappedWorkingDayHours = swappedWorkingDayHours;
    }

    /// <summary>Creates working hours from options.</summary>
    /// <param name="options">The options; read once, not kept.</param>
    /// <returns>The working hours.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static WorkingHours Create(WorkingHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var hours = TryCreate(options, string.Empty, errors);
        if (hours is null)
        {
            throw new ArgumentException("Invalid working hours: " + string.Join(" ", errors), nameof(options));
        }

        return hours;
    }

    /// <summary>Parses and checks options, adding a message per problem to <paramref name="errors"/>; null when there was any.</summary>
    internal static WorkingHours? TryCreate(WorkingHoursOptions options, string path, List<string> errors)
    {
        var before = errors.Count;
        var periods = new List<Period>();
        var baseWeek = ParseWeek(options.OfficeHours ?? [], path + "OfficeHours", errors);
        periods.Add(new Period(null, null, null, baseWeek, 0));
        var list = options.Periods ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var p = list[i];
            var at = $"{path}Periods[{i}].";
            if (p is null)
            {
                errors.Add($"{at[..^1]} is empty.");
                continue;
            }

            LocalDate? from = null;
            if (p.EffectiveFrom is not null)
            {
                if (DateTime.TryParseExact(p.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    from = LocalDate.FromDateTime(d);
                }
                else
                {
                    errors.Add($"{at}EffectiveFrom '{p.EffectiveFrom}' is not a date in the form yyyy-MM-dd.");
                }
            }

            AnnualDate? seasonStart = null, seasonEnd = null;
            if (p.SeasonStart is not null || p.SeasonEnd is not null)
            {
                if (p.SeasonStart is null || p.SeasonEnd is null)
                {
                    errors.Add($"{at}SeasonStart and SeasonEnd must be set together.");
                }
                else
                {
                    seasonStart = ParseAnnualDate(p.SeasonStart, at + "SeasonStart", errors);
                    seasonEnd = ParseAnnualDate(p.SeasonEnd, at + "SeasonEnd", errors);
                }
            }

            periods.Add(new Period(from, seasonStart, seasonEnd, ParseWeek(p.OfficeHours ?? [], at + "OfficeHours", errors), i + 1));
        }

        for (var i = 0; i < periods.Count; i++)
        {
            for (var j = i + 1; j < periods.Count; j++)
            {
                var (a, b) = (periods[i], periods[j]);
                if (a.From == b.From && a.SeasonStart == b.SeasonStart && a.SeasonEnd == b.SeasonEnd)
                {
                    errors.Add($"{path}Periods[{b.Order - 1}] has the same effective date and season as "
                        + (a.Order == 0 ? $"{path}OfficeHours" : $"{path}Periods[{a.Order - 1}]") + "; one of them would never apply.");
                }
            }
        }

        if (!periods.Any(p => p.Week.Any(d => d.Length > 0)))
        {
            errors.Add($"{path}OfficeHours defines no working interval: set at least one, for example \"Mon-Fri\": [\"07:30-11:30\", \"13:30-17:00\"].");
        }

        var swapped = ParseDays(options.SwappedWorkingDayHours ?? string.Empty, path + "SwappedWorkingDayHours", errors);
        if (swapped is not null && swapped.Count != 1)
        {
            errors.Add($"{path}SwappedWorkingDayHours must name exactly one weekday, not '{options.SwappedWorkingDayHours}'.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var ordered = periods
            .OrderByDescending(p => p.From ?? LocalDate.MinIsoValue)
            .ThenBy(p => p.SeasonStart is null ? 1 : 0)
            .ThenBy(p => p.Order)
            .ToArray();
        return new WorkingHours(ordered, swapped![0]);
    }

    /// <summary>
    /// The working intervals of a date, as pairs of nanoseconds since the start of the day (start inclusive, end
    /// exclusive, end at most one day), sorted and not overlapping.
    /// </summary>
    internal long[] IntervalsFor(LocalDate date, DayKind kind)
    {
        IsoDayOfWeek weekday;
        switch (kind)
        {
            case DayKind.WorkingDay:
            case DayKind.WeeklyRestDay:
                weekday = date.DayOfWeek;
                break;
            case DayKind.SwappedWorkingDay:
                weekday = _swappedWorkingDayHours;
                break;
            default:
                return None;
        }

        foreach (var period in _periods)
        {
            if (period.Covers(date))
            {
                return period.Week[(int)weekday - 1];
            }
        }

        return None;
    }

    private static AnnualDate? ParseAnnualDate(string text, string path, List<string> errors)
    {
        var parts = text.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month))
        {
            return new AnnualDate(month, day);
        }

        errors.Add($"{path} '{text}' is not a day of the year in the form MM-dd.");
        return null;
    }

    private static long[][] ParseWeek(Dictionary<string, List<string>> schedule, string path, List<string> errors)
    {
        var days = new List<(long Start, long End, string Text)>[7];
        for (var i = 0; i < 7; i++)
        {
            days[i] = [];
        }

        foreach (var (spec, intervals) in schedule)
        {
            var weekdays = ParseDays(spec, $"{path}", errors);
            foreach (var text in intervals ?? [])
            {
                var interval = ParseInterval(text, $"{path}[{spec}]", errors);
                if (interval is null || weekdays is null)
                {
                    continue;
                }

                foreach (var weekday in weekdays)
                {
                    days[(int)weekday - 1].Add((interval.Value.Start, interval.Value.End, text));
                }
            }
        }

        var week = new long[7][];
        for (var i = 0; i < 7; i++)
        {
            var sorted = days[i].OrderBy(x => x.Start).ToList();
            for (var k = 1; k < sorted.Count; k++)
            {
                if (sorted[k].Start < sorted[k - 1].End)
                {
                    errors.Add($"{path}: on {(IsoDayOfWeek)(i + 1)} the intervals '{sorted[k - 1].Text}' and '{sorted[k].Text}' overlap.");
                }
            }

            week[i] = sorted.SelectMany(x => new[] { x.Start, x.End }).ToArray();
        }

        return week;
    }

    private static (long Start, long End)? ParseInterval(string? text, string path, List<string> errors)
    {
        var parts = (text ?? string.Empty).Split('-', '–');
        if (parts.Length != 2)
        {
            errors.Add($"{path}: '{text}' is not an interval in the form HH:mm-HH:mm.");
            return null;
        }

        var start = ParseTime(parts[0].Trim(), allowEndOfDay: false);
        var end = ParseTime(parts[1].Trim(), allowEndOfDay: true);
        if (start is null || end is null)
        {
            errors.Add($"{path}: '{text}' is not an interval in the form HH:mm-HH:mm (times from 00:00 to 24:00).");
            return null;
        }

        if (end <= start)
        {
            errors.Add($"{path}: the interval '{text}' ends before it starts (or is empty).");
            return null;
        }

        return (start.Value * NanosPerMinute, end.Value * NanosPerMinute);
    }

    private static int? ParseTime(string text, bool allowEndOfDay)
    {
        var parts = text.Split(':');
        if (parts.Length == 2 && parts[1].Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && m < 60 && (h < 24 || (allowEndOfDay && h == 24 && m == 0)))
        {
            return (h * 60) + m;
        }

        return null;
    }

    private static List<IsoDayOfWeek>? ParseDays(string spec, string path, List<string> errors)
    {
        var result = new List<IsoDayOfWeek>();
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            var first = ParseDay(range[0]);
            var last = range.Length == 2 ? ParseDay(range[1]) : first;
            if (range.Length > 2 || first is null || last is null)
            {
                errors.Add($"{path}: unknown weekday '{part}' in '{spec}'; use Mon, Tue, Wed, Thu, Fri, Sat, Sun, a range such as Mon-Fri, or a list such as Mon,Wed.");
                return null;
            }

            for (var d = (int)first.Value; ; d = (d % 7) + 1)
            {
                result.Add((IsoDayOfWeek)d);
                if (d == (int)last.Value)
                {
                    break;
                }
            }
        }

        return result.Distinct().ToList();
    }

    private static IsoDayOfWeek? ParseDay(string text) => text.ToUpperInvariant() switch
    {
        "MON" or "MONDAY" => IsoDayOfWeek.Monday,
        "TUE" or "TUESDAY" => IsoDayOfWeek.Tuesday,
        "WED" or "WEDNESDAY" => IsoDayOfWeek.Wednesday,
        "THU" or "THURSDAY" => IsoDayOfWeek.Thursday,
        "FRI" or "FRIDAY" => IsoDayOfWeek.Friday,
        "SAT" or "SATURDAY" => IsoDayOfWeek.Saturday,
        "SUN" or "SUNDAY" => IsoDayOfWeek.Sunday,
        _ => null,
    };

    private sealed record Period(LocalDate? From, AnnualDate? SeasonStart, AnnualDate? SeasonEnd, long[][] Week, int Order)
    {
        public bool Covers(LocalDate date)
        {
            if (From is { } from && date < from)
            {
                return false;
            }

            if (SeasonStart is not { } s || SeasonEnd is not { } e)
            {
                return true;
            }

            var md = new AnnualDate(date.Month, date.Day);
            return s <= e ? md >= s && md <= e : md >= s || md <= e;
        }
    }
}
