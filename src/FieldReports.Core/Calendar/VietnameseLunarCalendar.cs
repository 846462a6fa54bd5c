using NodaTime;

namespace FieldReports.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch), computed from the positions of the Sun and the Moon: conversions between
/// Gregorian dates and <see cref="LunarDate"/> values for the lunar years <see cref="MinYear"/> to <see cref="MaxYear"/>.
/// </summary>
/// <remarks>
/// <para>The rules, as used for Vietnamese calendars:</para>
/// <list type="number">
/// <item>A month begins on the civil date, at the reference meridian, on which a new moon occurs.</item>
/// <item>The month that contains the winter solstice (the Sun's apparent longitude reaching 270°) is month 11.</item>
/// <item>When 13 months begin between one month 11 and the next, the first of them after the first month 11 that
/// contains no major solar term (trung khí: the Sun's longitude reaching a multiple of 30°) is the leap month, and it
/// carries the number of the month before it.</item>
/// <item>The year is numbered as the Gregorian year in which its month 1 (Tết) begins.</item>
/// </list>
/// <para>The reference meridian is UTC+7 for instants from 1968-01-01 00:00 (UTC+7) on, and UTC+8 before, as Vietnam
/// computed its calendar for UTC+8 until the end of 1967. This is why Vietnam and China differ in some years, for
/// example Tết 1985 (21 January in Vietnam, 20 February in China) and Tết 2007 (17 February in Vietnam, 18 February in
/// China).</para>
/// <para>The astronomy: new moons after Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed., 1998), chapter 49 with all
/// periodic and planetary correction terms; the Sun's apparent longitude after chapter 25's higher-accuracy method
/// (VSOP87, with FK5 reduction, nutation and aberration); ΔT after Espenak and Meeus (2006). Instants are converted
/// from Terrestrial Time to Universal Time before the civil date is taken, so a new moon minutes before or after
/// midnight lands on the right day.</para>
/// <para>Each lunar year is computed once, when first needed, and cached; the type is immutable and thread-safe.</para>
/// </remarks>
public sealed class VietnameseLunarCalendar
{
    /// <summary>The first supported lunar year (its Tết is 31 January 1900).</summary>
    public const int MinYear = 1900;

    /// <summary>The last supported lunar year (it ends in early 2200).</summary>
    public const int MaxYear = 2199;

    // Julian day number of DateOnly.DayNumber 0 (0001-01-01 in the proleptic Gregorian calendar).
    private const int JulianDayOfDayNumberZero = 1721426;

    // 1968-01-01T00:00 at UTC+7, as a Julian day in UT: the switch from the UTC+8 to the UTC+7 meridian.
    private static readonly double SwitchToUtcPlus7 =
        new DateOnly(1968, 1, 1).DayNumber + JulianDayOfDayNumberZero - 0.5 - (7.0 / 24.0);

    private readonly double? fixedOffsetDays;
    private readonly LunarYear?[] years = new LunarYear?[MaxYear - MinYear + 1];

    private VietnameseLunarCalendar(double? fixedOffsetDays) => this.fixedOffsetDays = fixedOffsetDays;

    /// <summary>The calendar as used in Vietnam (UTC+7 from 1968, UTC+8 before). Shared and thread-safe.</summary>
    public static VietnameseLunarCalendar Instance { get; } = new(null);

    /// <summary>The first Gregorian date that can be converted: 1 January of lunar year <see cref="MinYear"/>.</summary>
    public LocalDate MinDate => FromDayNumber(GetLunarYear(MinYear).Start);

    /// <summary>The last Gregorian date that can be converted: the last day of lunar year <see cref="MaxYear"/>.</summary>
    public LocalDate MaxDate => FromDayNumber(GetLunarYear(MaxYear).End - 1);

    /// <summary>
    /// Creates a calendar computed for a fixed meridian instead of Vietnam's. Used to compare with calendars computed
    /// for another time zone (the Chinese calendar is computed for UTC+8).
    /// </summary>
    internal static VietnameseLunarCalendar ForFixedOffset(Offset offset) => new(offset.Seconds / 86400.0);

    /// <summary>Converts a Gregorian date to the lunar date of the same day.</summary>
    /// <param name="date">The date. A date in another calendar system is first converted to the ISO calendar.</param>
    /// <returns>The lunar date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before <see cref="MinDate"/> or after <see cref="MaxDate"/>.</exception>
    public LunarDate ToLunar(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        int day = date.ToDateOnly().DayNumber;
        int y = date.Year;
        LunarYear? year = null;
        if (y >= MinYear && y <= MaxYear)
        {
            year = GetLunarYear(y);
        }

        if ((year is null || day < year.Start) && y - 1 >= MinYear && y - 1 <= MaxYear)
        {
            year = GetLunarYear(y - 1);
        }

        if (year is null || day < year.Start || day >= year.End)
        {
            throw new ArgumentOutOfRangeException(
                nameof(date),
                date,
                $"The date {date:uuuu-MM-dd} is outside the range of the Vietnamese lunar calendar ({MinDate:uuuu-MM-dd} to {MaxDate:uuuu-MM-dd}, lunar years {MinYear} to {MaxYear}).");
        }

        int i = year.MonthIndexOf(day);
        return new LunarDate(year.Year, year.Months[i], day - year.Starts[i] + 1, i == year.LeapIndex);
    }

    /// <summary>Converts a lunar date to the Gregorian date of the same day.</summary>
    /// <param name="date">The lunar date.</param>
    /// <returns>The Gregorian date, in the ISO calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The lunar date does not exist: its year is outside <see cref="MinYear"/>
    /// to <see cref="MaxYear"/>, its month is not 1 to 12, the year has no such leap month, or the day is beyond the
    /// month's 29 or 30 days. The message says which.</exception>
    public LocalDate ToSolar(LunarDate date)
    {
        string? error = TryConvert(date, out int day);
        return error is null ? FromDayNumber(day) : throw new ArgumentOutOfRangeException(nameof(date), date, error);
    }

    /// <summary>Converts a lunar date to the Gregorian date of the same day, if the lunar date exists.</summary>
    /// <param name="date">The lunar date.</param>
    /// <param name="result">The Gregorian date; the default value when the lunar date does not exist.</param>
    /// <returns><see langword="true"/> when the lunar date exists (see <see cref="ToSolar(LunarDate)"/>).</returns>
    public bool TryToSolar(LunarDate date, out LocalDate result)
    {
        if (TryConvert(date, out int day) is null)
        {
            result = FromDayNumber(day);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>The leap month of a lunar year: the number it shares with the month before it, or 0 if the year has 12 months.</summary>
    /// <param name="year">The lunar year.</param>
    /// <returns>The leap month's number (1 to 12), or 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside <see cref="MinYear"/> to <see cref="MaxYear"/>.</exception>
    public int GetLeapMonth(int year)
    {
        LunarYear y = GetLunarYear(CheckYear(year));
        return y.LeapIndex < 0 ? 0 : y.Months[y.LeapIndex];
    }

    /// <summary>The number of days (29 or 30) of a lunar month.</summary>
    /// <param name="year">The lunar year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="isLeapMonth">Whether the leap month that follows month <paramref name="month"/> is meant.</param>
    /// <returns>29 or 30.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range, the month is not 1 to 12, or the year has no such leap month.</exception>
    public int GetDaysInMonth(int year, int month, bool isLeapMonth = false)
    {
        string? error = FindMonth(year, month, isLeapMonth, out LunarYear? y, out int i);
        if (error is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, error);
        }

        return y!.Starts[i + 1] - y.Starts[i];
    }

    internal static LocalDate FromDayNumber(int dayNumber) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber));

    /// <summary>The lunar year, computed on first use.</summary>
    internal LunarYear GetLunarYear(int year)
    {
        ref LunarYear? slot = ref years[year - MinYear];
        LunarYear? cached = Volatile.Read(ref slot);
        if (cached is not null)
        {
            return cached;
        }

        // Computing twice in a race is harmless: the result is deterministic, and the first one stored wins.
        LunarYear computed = ComputeLunarYear(year);
        return Interlocked.CompareExchange(ref slot, computed, null) ?? computed;
    }

    private static int CheckYear(int year) =>
        year is < MinYear or > MaxYear
            ? throw new ArgumentOutOfRangeException(nameof(year), year, $"The lunar year {year} is outside the supported range {MinYear} to {MaxYear}.")
            : year;

    private string? TryConvert(LunarDate date, out int day)
    {
        day = 0;
        string? error = FindMonth(date.Year, date.Month, date.IsLeapMonth, out LunarYear? y, out int i);
        if (error is not null)
        {
            return error;
        }

        int length = y!.Starts[i + 1] - y.Starts[i];
        if (date.Day < 1 || date.Day > length)
        {
            return $"The lunar date {date} does not exist: {(date.IsLeapMonth ? "leap " : string.Empty)}month {date.Month} of lunar year {date.Year} has {length} days.";
        }

        day = y.Starts[i] + date.Day - 1;
        return null;
    }

    private string? FindMonth(int year, int month, bool isLeapMonth, out LunarYear? y, out int index)
    {
        y = null;
        index = -1;
        if (year is < MinYear or > MaxYear)
        {
            return $"The lunar year {year} is outside the supported range {MinYear} to {MaxYear}.";
        }

        if (month is < 1 or > 12)
        {
            return $"The lunar month {month} does not exist: months are numbered 1 to 12.";
        }

        y = GetLunarYear(year);
        for (int i = 0; i < y.Months.Length; i++)
        {
            if (y.Months[i] == month && (i == y.LeapIndex) == isLeapMonth)
            {
                index = i;
                return null;
            }
        }

        int leap = y.LeapIndex < 0 ? 0 : y.Months[y.LeapIndex];
        return leap == 0
            ? $"The lunar year {year} has no leap month (it has 12 months), so leap month {month} does not exist."
            : $"The lunar year {year} has no leap month {month}: its leap month follows month {leap}.";
    }

    private LunarYear ComputeLunarYear(int year)
    {
        // Months of lunar year Y lie in two "suì" (month 11 to month 11): months 1..10 (and any leap among them) in the
        // suì ending with the winter solstice of year Y, months 11 and 12 in the next one.
        List<SuiMonth> first = ComputeSui(year);
        List<SuiMonth> second = ComputeSui(year + 1);
        var months = new List<SuiMonth>(13);
        months.AddRange(first.Where(m => m.Year == year));
        months.AddRange(second.Where(m => m.Year == year));
        int end = second.First(m => m.Year == year + 1).Start;

        var starts = new int[months.Count + 1];
        var numbers = new byte[months.Count];
        int leapIndex = -1;
        for (int i = 0; i < months.Count; i++)
        {
            starts[i] = months[i].Start;
            numbers[i] = (byte)months[i].Month;
            if (months[i].IsLeap)
            {
                leapIndex = i;
            }
        }

        starts[^1] = end;
        return new LunarYear(year, starts, numbers, leapIndex);
    }

    /// <summary>The months from the month 11 that contains the winter solstice of <paramref name="year"/> − 1 to the one before the next month 11, labelled.</summary>
    private List<SuiMonth> ComputeSui(int year)
    {
        (int ka, _) = Month11(year - 1);
        (int kb, _) = Month11(year);
        int count = kb - ka;
        var starts = new int[count + 1];
        for (int i = 0; i <= count; i++)
        {
            starts[i] = NewMoonDay(ka + i);
        }

        int leap = -1;
        if (count == 13)
        {
            for (int i = 1; i < count; i++)
            {
                if (MajorTermIndex(starts[i]) == MajorTermIndex(starts[i + 1]))
                {
                    leap = i;
                    break;
                }
            }

            if (leap < 0)
            {
                throw new InvalidOperationException($"No month without a major solar term in the 13-month suì ending in {year}: the astronomy is inconsistent.");
            }
        }
        else if (count != 12)
        {
            throw new InvalidOperationException($"The suì ending in {year} has {count} months; expected 12 or 13.");
        }

        var months = new List<SuiMonth>(count);
        int number = 11;
        bool pastNewYear = false;
        for (int i = 0; i < count; i++)
        {
            bool isLeap = i == leap;
            if (i > 0 && !isLeap)
            {
                number = (number % 12) + 1;
                pastNewYear |= number == 1;
            }

            months.Add(new SuiMonth(starts[i], number, isLeap, pastNewYear ? year : year - 1));
        }

        return months;
    }

    /// <summary>The lunation number and start day of the month that contains the winter solstice of <paramref name="year"/>.</summary>
    private (int K, int Day) Month11(int year)
    {
        int solstice = SolsticeDay(year);
        double jd = solstice + JulianDayOfDayNumberZero;
        int k = (int)Math.Floor((jd - LunarAstronomy.Lunation0) / LunarAstronomy.SynodicMonth);
        while (NewMoonDay(k) > solstice)
        {
            k--;
        }

        while (NewMoonDay(k + 1) <= solstice)
        {
            k++;
        }

        return (k, NewMoonDay(k));
    }

    /// <summary>The civil day (DateOnly day number) on which the Sun reaches longitude 270° in December of <paramref name="year"/>.</summary>
    private int SolsticeDay(int year)
    {
        double jd = new DateOnly(year, 12, 21).DayNumber + JulianDayOfDayNumberZero; // UT, first guess
        for (int i = 0; i < 20; i++)
        {
            double jde = jd + LunarAstronomy.DeltaTDays(jd);
            double diff = 270.0 - LunarAstronomy.SunApparentLongitude(jde);
            diff -= 360.0 * Math.Round(diff / 360.0);
            double step = diff * 365.2422 / 360.0;
            jd += step;
            if (Math.Abs(step) < 1e-7)
            {
                break;
            }
        }

        return CivilDay(jd);
    }

    /// <summary>The civil day on which the new moon of lunation <paramref name="k"/> occurs.</summary>
    private int NewMoonDay(int k)
    {
        double jde = LunarAstronomy.NewMoonJde(k);
        return CivilDay(jde - LunarAstronomy.DeltaTDays(jde));
    }

    /// <summary>The index (0 to 11) of the last major solar term reached by the start (local midnight) of a civil day.</summary>
    private int MajorTermIndex(int dayNumber)
    {
        double midnight = dayNumber + JulianDayOfDayNumberZero - 0.5;
        double jdUt = midnight - OffsetDays(midnight);
        double longitude = LunarAstronomy.SunApparentLongitude(jdUt + LunarAstronomy.DeltaTDays(jdUt));
        return (int)(longitude / 30.0);
    }

    private int CivilDay(double jdUt) => (int)Math.Floor(jdUt + OffsetDays(jdUt) + 0.5) - JulianDayOfDayNumberZero;

    private double OffsetDays(double jdUt) => fixedOffsetDays ?? (jdUt < SwitchToUtcPlus7 ? 8.0 / 24.0 : 7.0 / 24.0);

    private readonly record struct SuiMonth(int Start, int Month, bool IsLeap, int Year);

    /// <summary>One computed lunar year: the start day of each month, plus the start of the next year.</summary>
    internal sealed class LunarYear(int year, int[] starts, byte[] months, int leapIndex)
    {
        public int Year { get; } = year;

        /// <summary>DateOnly day numbers of the first day of each month; the last element is the next year's first day.</summary>
        public int[] Starts { get; } = starts;

        public byte[] Months { get; } = months;

        /// <summary>The index of the leap month in <see cref="Months"/>, or −1.</summary>
        public int LeapIndex { get; } = leapIndex;

        public int Start => Starts[0];

        public int End => Starts[^1];

        public int MonthIndexOf(int day)
        {
            int i = Array.BinarySearch(Starts, day);
            return i >= 0 ? i : ~i - 1;
        }
    }
}
