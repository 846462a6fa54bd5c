using NodaTime;

namespace FieldReports.Calendar;

/// <summary>
/// The working time of one local year, precomputed: every working interval as instants (nanoseconds since the Unix
/// epoch) with prefix sums of working time, and per day the first interval and the rank among working days. Lets the
/// calendar jump over any number of days with a binary search instead of walking them. Immutable once built.
/// </summary>
internal sealed class WorkingTimeYear
{
    private WorkingTimeYear(int year, long[] starts, long[] ends, long[] cumulativeEnds, int[] dayFirstInterval, int[] workingDays, int[] workingDayRank)
    {
        Year = year;
        Starts = starts;
        Ends = ends;
        CumulativeEnds = cumulativeEnds;
        DayFirstInterval = dayFirstInterval;
        WorkingDays = workingDays;
        WorkingDayRank = workingDayRank;
    }

    public int Year { get; }

    /// <summary>Start of each working interval, ascending.</summary>
    public long[] Starts { get; }

    /// <summary>End of each working interval (exclusive).</summary>
    public long[] Ends { get; }

    /// <summary>Working time from the start of the year to the end of each interval.</summary>
    public long[] CumulativeEnds { get; }

    /// <summary>Index of the first interval of each day of the year (0-based day), plus one past the last day.</summary>
    public int[] DayFirstInterval { get; }

    /// <summary>The days of the year (0-based) that have working time, ascending.</summary>
    public int[] WorkingDays { get; }

    /// <summary>For each day of the year (0-based), the number of days with working time before it.</summary>
    public int[] WorkingDayRank { get; }

    /// <summary>The working time of the whole year.</summary>
    public long Total => CumulativeEnds.Length == 0 ? 0 : CumulativeEnds[^1];

    public static WorkingTimeYear Build(int year, IHolidayCalendar holidays, WorkingHours hours, DateTimeZone zone)
    {
        var first = new LocalDate(year, 1, 1);
        var days = CalendarSystem.Iso.GetDaysInYear(year);
        var starts = new List<long>(days * 2);
        var ends = new List<long>(days * 2);
        var dayFirst = new int[days + 1];
        var last = long.MinValue;
        for (var d = 0; d < days; d++)
        {
            var date = first.PlusDays(d);
            dayFirst[d] = starts.Count;
            var intervals = hours.IntervalsFor(date, holidays.Classify(date).Kind);
            for (var k = 0; k < intervals.Length; k += 2)
            {
                // Zone mapping: a local time skipped by a transition moves forward by the gap; an ambiguous one takes
                // the earlier instant. Clamping keeps intervals ordered when a transition folds local time back.
                var s = Math.Max(ToUnixNanoseconds(date, intervals[k], zone), last);
                var e = ToUnixNanoseconds(date, intervals[k + 1], zone);
                if (e > s)
                {
                    starts.Add(s);
                    ends.Add(e);
                    last = e;
                }
            }
        }

        dayFirst[days] = starts.Count;
        var cumulative = new long[starts.Count];
        long sum = 0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            sum += ends[i] - starts[i];
            cumulative[i] = sum;
        }

        var workingDays = new List<int>();
        var rank = new int[days + 1];
        for (var d = 0; d < days; d++)
        {
            rank[d] = workingDays.Count;
            if (dayFirst[d + 1] > dayFirst[d])
            {
                workingDays.Add(d);
            }
        }

        rank[days] = workingDays.Count;
        return new WorkingTimeYear(year, [.. starts], [.. ends], cumulative, dayFirst, [.. workingDays], rank);
    }

    /// <summary>Working time from the start of the year before interval <paramref name="interval"/>.</summary>
    public long CumulativeBefore(int interval) => interval == 0 ? 0 : CumulativeEnds[interval - 1];

    /// <summary>Working time from the start of the year to the start of day <paramref name="day"/> (0-based).</summary>
    public long DayStart(int day) => CumulativeBefore(DayFirstInterval[day]);

    /// <summary>Working time of day <paramref name="day"/> (0-based).</summary>
    public long DayLength(int day) => CumulativeBefore(DayFirstInterval[day + 1]) - CumulativeBefore(DayFirstInterval[day]);

    /// <summary>The index of the last interval starting at or before <paramref name="t"/>, or -1.</summary>
    public int LastStartingAtOrBefore(long t)
    {
        int lo = 0, hi = Starts.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (Starts[mid] <= t)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>Working time from the start of the year up to instant <paramref name="t"/> (clamped to the year's working time).</summary>
    public long Position(long t)
    {
        var i = LastStartingAtOrBefore(t);
        return i < 0 ? 0 : CumulativeBefore(i) + Math.Min(t - Starts[i], Ends[i] - Starts[i]);
    }

    /// <summary>
    /// The instant at which working time <paramref name="position"/> (0 &lt; position ≤ <see cref="Total"/>) has
    /// elapsed since the start of the year. A position that ends an interval gives that interval's end (its closing
    /// time), not the next opening.
    /// </summary>
    public long Locate(long position)
    {
        int lo = 0, hi = CumulativeEnds.Length - 1;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (CumulativeEnds[mid] >= position)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return Ends[lo] - (CumulativeEnds[lo] - position);
    }

    private static long ToUnixNanoseconds(LocalDate date, long nanosecondOfDay, DateTimeZone zone) =>
        (zone.AtLeniently(date.AtMidnight().PlusNanoseconds(nanosecondOfDay)).ToInstant() - NodaConstants.UnixEpoch).ToInt64Nanoseconds();
}
