using FieldReports.Calendar;
using NodaTime;

namespace FieldReports.Testing;

/// <summary>
/// A deliberately simple working-time calendar: walks time one minute at a time and asks, for every minute, whether
/// the office works. Slow on purpose; it is the yardstick the real calendar is checked and measured against. Works
/// only on whole minutes.
/// </summary>
internal sealed class MinuteSteppingReference(IHolidayCalendar holidays, IReadOnlyDictionary<IsoDayOfWeek, (int Start, int End)[]> week, DateTimeZone zone)
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>Mon–Fri 07:30–11:30 and 13:30–17:00, in minutes of the day.</summary>
    public static IReadOnlyDictionary<IsoDayOfWeek, (int Start, int End)[]> StandardWeek { get; } = new Dictionary<IsoDayOfWeek, (int, int)[]>
    {
        [IsoDayOfWeek.Monday] = [(450, 690), (810, 1020)],
        [IsoDayOfWeek.Tuesday] = [(450, 690), (810, 1020)],
        [IsoDayOfWeek.Wednesday] = [(450, 690), (810, 1020)],
        [IsoDayOfWeek.Thursday] = [(450, 690), (810, 1020)],
        [IsoDayOfWeek.Friday] = [(450, 690), (810, 1020)],
    };

    /// <summary>Whether the minute starting at <paramref name="t"/> is working time.</summary>
    public bool IsWorkingMinute(Instant t)
    {
        var local = t.InZone(zone).LocalDateTime;
        var kind = holidays.Classify(local.Date).Kind;
        IsoDayOfWeek weekday;
        if (kind is DayKind.WorkingDay or DayKind.WeeklyRestDay)
        {
            weekday = local.DayOfWeek;
        }
        else if (kind == DayKind.SwappedWorkingDay)
        {
            weekday = IsoDayOfWeek.Monday;
        }
        else
        {
            return false;
        }

        var minute = (local.Hour * 60) + local.Minute;
        return week.TryGetValue(weekday, out var intervals) && intervals.Any(i => minute >= i.Start && minute < i.End);
    }

    /// <summary>The instant at which <paramref name="minutes"/> working minutes have elapsed from <paramref name="start"/>.</summary>
    public Instant AddWorkingMinutes(Instant start, long minutes)
    {
        var t = start;
        while (minutes > 0)
        {
            if (IsWorkingMinute(t))
            {
                minutes--;
            }

            t += Minute;
        }

        return t;
    }

    /// <summary>The working minutes in [a, b).</summary>
    public long WorkingMinutesBetween(Instant a, Instant b)
    {
        long count = 0;
        for (var t = a; t < b; t += Minute)
        {
            if (IsWorkingMinute(t))
            {
                count++;
            }
        }

        return count;
    }
}
