using NodaTime;

namespace FieldReports.Calendar;

/// <summary>
/// The working time of an office: which days it works (from an <see cref="IHolidayCalendar"/>), during which hours
/// (<see cref="WorkingHours"/>), in which time zone. Answers whether an instant is working time, how much working time
/// lies between two instants, and when a working-time budget runs out.
/// </summary>
/// <remarks>
/// <para><b>Semantics.</b> Working time is the union of half-open intervals [opening, closing). A budget that starts
/// outside working time starts counting at the next opening. A budget that runs out exactly at a closing time ends at
/// that closing time, not at the next opening. A zero budget ends at its start. Results are exact to the nanosecond:
/// nothing is rounded to minutes.</para>
/// <para><b>Time zones.</b> Office hours are local times, mapped to instants with the zone's rules: a local time that a
/// transition skips moves forward by the length of the gap, an ambiguous local time takes the earlier instant. The
/// default zone, Asia/Ho_Chi_Minh, has no transitions since 1975. The host machine's time zone and culture are never
/// used.</para>
/// <para><b>Range.</b> Local years 1900 to 2200. Working time of each year is precomputed on first use (one
/// <see cref="IHolidayCalendar.Classify"/> call per day of the year) and kept; afterwards every query is a few binary
/// searches and does not allocate, however long the budget.</para>
/// <para><b>Thread-safety.</b> Immutable apart from the lazily filled per-year cache, which is safe to fill
/// concurrently; all members are thread-safe.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>The first local year the calendar covers.</summary>
    public const int MinYear = 1900;

    /// <summary>The last local year the calendar covers.</summary>
    public const int MaxYear = 2200;

    private readonly IHolidayCalendar _holidays;
    private readonly WorkingHours _hours;
    private readonly WorkingTimeYear?[] _years = new WorkingTimeYear?[MaxYear - MinYear + 1];

    /// <summary>Creates a calendar.</summary>
    /// <param name="holidays">Which days are working days; must be thread-safe and return the same answer for the same date.</param>
    /// <param name="hours">The office hours.</param>
    /// <param name="zone">The time zone of the office hours, for example <c>DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BusinessCalendar(IHolidayCalendar holidays, WorkingHours hours, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);
        _holidays = holidays;
        _hours = hours;
        Zone = zone;
    }

    /// <summary>
    /// Creates the calendar of a province, or of one of its agencies, from options (see <see cref="BusinessCalendarOptions"/>).
    /// </summary>
    /// <param name="holidays">Which days are working days in the province.</param>
    /// <param name="options">The options; read once, not kept.</param>
    /// <param name="agencyId">An agency id: its hours if <see cref="BusinessCalendarOptions.Agencies"/> lists it, else the province's. <see langword="null"/> (the default) for the province's.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message says what is wrong.</exception>
    public static BusinessCalendar Create(IHolidayCalendar holidays, BusinessCalendarOptions options, string? agencyId = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(options);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone ?? string.Empty)
            ?? throw new ArgumentException($"Unknown time zone '{options.TimeZone}'; use an IANA id such as Asia/Ho_Chi_Minh.", nameof(options));
        WorkingHoursOptions hours = agencyId is not null && options.Agencies is not null && options.Agencies.TryGetValue(agencyId, out var agency) && agency is not null
            ? agency
            : options;
        return new BusinessCalendar(holidays, WorkingHours.Create(hours), zone);
    }

    /// <summary>The time zone of the office hours.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>What kind of day a date is, and why; delegates to the <see cref="IHolidayCalendar"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The classification.</returns>
    public DayClassification Classify(LocalDate date) => _holidays.Classify(date);

    /// <summary>Whether <paramref name="instant"/> is working time: within [opening, closing) of an interval of a day that works.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> at an opening instant, <see langword="false"/> at a closing instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the years the calendar covers.</exception>
    public bool IsWorkingTime(Instant instant)
    {
        var t = ToNanoseconds(instant);
        var year = Year(YearOf(instant));
        var i = year.LastStartingAtOrBefore(t);
        return i >= 0 && t < year.Ends[i];
    }

    /// <summary>Whether the local date has any working time (a working day, or a rest day on which the office keeps hours).</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> if the office works some time on that date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the years the calendar covers.</exception>
    public bool HasWorkingTime(LocalDate date)
    {
        var year = Year(date.Year);
        return year.DayLength(date.DayOfYear - 1) > 0;
    }

    /// <summary>The next instant at or after <paramref name="instant"/> that is working time: the instant itself if it is working time, else the next opening.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The next opening, or <paramref name="instant"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the years the calendar covers.</exception>
    /// <exception cref="InvalidOperationException">There is no working time up to <see cref="MaxYear"/>.</exception>
    public Instant NextWorkingInstant(Instant instant)
    {
        var t = ToNanoseconds(instant);
        var y = YearOf(instant);
        var year = Year(y);
        var i = year.LastStartingAtOrBefore(t);
        if (i >= 0 && t < year.Ends[i])
        {
            return instant;
        }

        i++;
        while (i >= year.Starts.Length)
        {
            year = NextYear(ref y);
            i = 0;
        }

        return FromNanoseconds(year.Starts[i]);
    }

    /// <summary>The working time between two instants.</summary>
    /// <param name="start">The start.</param>
    /// <param name="end">The end. When it is before <paramref name="start"/> the result is negative (the working time from <paramref name="end"/> to <paramref name="start"/>, negated).</param>
    /// <returns>The working time in [start, end).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the years the calendar covers.</exception>
    public Duration WorkingTimeBetween(Instant start, Instant end)
    {
        if (end < start)
        {
            return -WorkingTimeBetween(end, start);
        }

        var a = ToNanoseconds(start);
        var b = ToNanoseconds(end);
        var ya = YearOf(start);
        var yb = YearOf(end);
        var first = Year(ya);
        if (ya == yb)
        {
            return Duration.FromNanoseconds(first.Position(b) - first.Position(a));
        }

        var sum = first.Total - first.Position(a);
        for (var y = ya + 1; y < yb; y++)
        {
            sum += Year(y).Total;
        }

        return Duration.FromNanoseconds(sum + Year(yb).Position(b));
    }

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time has elapsed from <paramref name="start"/>.
    /// </summary>
    /// <param name="start">When counting starts; outside working time, counting starts at the next opening.</param>
    /// <param name="workingTime">The budget, zero or positive.</param>
    /// <returns>
    /// The deadline: <paramref name="start"/> for a zero budget; otherwise an instant <c>d</c> such that the working
    /// time in [start, d) equals the budget and the moment just before <c>d</c> is working time. <c>d</c> is either
    /// working time or a closing instant (a budget that runs out exactly at closing ends there).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingTime"/> is negative, or an instant is outside the years the calendar covers.</exception>
    /// <exception cref="InvalidOperationException">The budget does not run out before the end of <see cref="MaxYear"/>.</exception>
    public Instant AddWorkingTime(Instant start, Duration workingTime)
    {
        if (workingTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(workingTime), workingTime, "A working-time budget cannot be negative.");
        }

        var left = workingTime.ToInt64Nanoseconds();
        if (left == 0)
        {
            return start;
        }

        var y = YearOf(start);
        var year = Year(y);
        var position = year.Position(ToNanoseconds(start));
        while (year.Total - position < left)
        {
            left -= year.Total - position;
            year = NextYear(ref y);
            position = 0;
        }

        return FromNanoseconds(year.Locate(position + left));
    }

    /// <summary>
    /// The deadline of a budget of <paramref name="days"/> working days from <paramref name="start"/>: the same point
    /// of the working day, <paramref name="days"/> working days later.
    /// </summary>
    /// <param name="start">When counting starts.</param>
    /// <param name="days">The number of working days, zero or positive.</param>
    /// <returns>
    /// <para>The point of a working day is the working time already elapsed on it. Started at 10:00 on a day that opens
    /// at 07:30, one working day ends at 10:00 on the next working day; started during the lunch break, it ends at the
    /// end of the next working day's morning. A start before the day's opening, or on a day without working time,
    /// counts from the next opening, so the budget ends at the closing time of the <paramref name="days"/>-th working
    /// day counted from that opening (received at 06:00 on a working day, one working day ends at closing the same day;
    /// received on a Saturday, at closing on Monday). A start after closing ends at closing of the
    /// <paramref name="days"/>-th following working day. When the target day is shorter than the elapsed point, the
    /// budget ends at its closing. Zero days ends at <paramref name="start"/>.</para>
    /// <para>Days without working time (rest days, holidays, compensatory and swapped days off) are not counted; a
    /// swapped working Saturday is.</para>
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative, or an instant is outside the years the calendar covers.</exception>
    /// <exception cref="InvalidOperationException">The budget does not run out before the end of <see cref="MaxYear"/>.</exception>
    public Instant AddWorkingDays(Instant start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return start;
        }

        var local = start.InZone(Zone).Date;
        var y = local.Year;
        CheckYear(y);
        var year = Year(y);
        var day = local.DayOfYear - 1;
        var length = year.DayLength(day);
        var offset = length == 0 ? 0 : Math.Clamp(year.Position(ToNanoseconds(start)) - year.DayStart(day), 0, length);
        var k = year.WorkingDayRank[day] + days;
        while (k >= year.WorkingDays.Length)
        {
            k -= year.WorkingDays.Length;
            year = NextYear(ref y);
        }

        var target = year.WorkingDays[k];
        var position = year.DayStart(target) + Math.Min(offset, year.DayLength(target));
        while (position == 0)
        {
            // The deadline is the last closing of an earlier year.
            y--;
            CheckYear(y);
            year = Year(y);
            position = year.Total;
        }

        return FromNanoseconds(year.Locate(position));
    }

    private static long ToNanoseconds(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    private static Instant FromNanoseconds(long nanoseconds) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanoseconds);

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The business calendar covers local years {MinYear} to {MaxYear}.");
        }
    }

    private int YearOf(Instant instant)
    {
        var year = instant.InZone(Zone).Year;
        CheckYear(year);
        return year;
    }

    private WorkingTimeYear NextYear(ref int year)
    {
        if (year >= MaxYear)
        {
            throw new InvalidOperationException($"No working time left before the end of {MaxYear}: check the office hours and the holiday calendar.");
        }

        year++;
        return Year(year);
    }

    private WorkingTimeYear Year(int year)
    {
        CheckYear(year);
        ref var slot = ref _years[year - MinYear];
        var table = Volatile.Read(ref slot);
        if (table is not null)
        {
            return table;
        }

        var built = WorkingTimeYear.Build(year, _holidays, _hours, Zone);
        return Interlocked.CompareExchange(ref slot, built, null) ?? built;
    }
}
