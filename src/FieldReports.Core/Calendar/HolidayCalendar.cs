using NodaTime;

namespace FieldReports.Calendar;

/// <summary>
/// An <see cref="IHolidayCalendar"/> built from a <see cref="HolidayProfileOptions"/>: weekly rest days, holiday rules
/// (fixed, lunar, lunar spans, adjacent days, compensation) and per-year decrees.
/// </summary>
/// <remarks>
/// <para>The profile is validated and copied when the calendar is created: later changes to the options object have no
/// effect. Each year is classified once, when first asked for, and cached; the calendar is immutable and thread-safe.</para>
/// <para>For each date, in order of precedence: a decreed day; a holiday from the rules (a holiday on a weekly rest day
/// stays a <see cref="DayKind.Holiday"/>); a compensatory day; a weekly rest day; otherwise a working day. Compensatory
/// days are computed across the turn of the year (a holiday on Sunday 31 December is compensated in January).</para>
/// <para>Supported dates: the Gregorian years <see cref="VietnameseLunarCalendar.MinYear"/> to
/// <see cref="VietnameseLunarCalendar.MaxYear"/>, the range of the lunar calendar that lunar rules need.</para>
/// </remarks>
public sealed class HolidayCalendar : IHolidayCalendar
{
    private const string DefaultCompensationPrefix = "Nghỉ bù";

    private readonly VietnameseLunarCalendar lunar;
    private readonly Rule[] rules;
    private readonly Rule[] compensationRules;
    private readonly bool[] restDays = new bool[8]; // indexed by IsoDayOfWeek
    private readonly string? restDaysSource;
    private readonly Dictionary<LocalDate, DayClassification> decreedDays = [];
    private readonly HashSet<int> replacedYears = [];
    private readonly DayClassification[]?[] years = new DayClassification[]?[VietnameseLunarCalendar.MaxYear - VietnameseLunarCalendar.MinYear + 1];

    /// <summary>Creates a calendar from a profile.</summary>
    /// <param name="profile">The profile; validated (see <see cref="HolidayProfileOptionsValidator"/>) and copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException">The profile is invalid; the message lists every problem.</exception>
    public HolidayCalendar(HolidayProfileOptions profile)
        : this(profile, VietnameseLunarCalendar.Instance)
    {
    }

    internal HolidayCalendar(HolidayProfileOptions profile, VietnameseLunarCalendar lunar)
    {
        ArgumentNullException.ThrowIfNull(profile);
        List<string> errors = HolidayProfileOptionsValidator.Check(profile);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"The holiday profile '{profile.Name}' is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}", nameof(profile));
        }

        this.lunar = lunar;
        profile = WithBase(profile);
        Name = profile.Name;
        foreach (IsoDayOfWeek d in profile.WeeklyRestDays ?? [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday])
        {
            restDays[(int)d] = true;
        }

        restDaysSource = profile.WeeklyRestDaysSource;
        var all = profile.Rules.Select(r => new Rule(
            HolidayRuleKinds.All.First(k => string.Equals(k, r.Kind, StringComparison.OrdinalIgnoreCase)),
            r.Name,
            r.Source,
            r.EffectiveFrom,
            r.EffectiveTo,
            r.Month ?? 1,
            r.Day ?? 1,
            r.Offset ?? 0,
            r.Length ?? 1,
            r.Choice)).ToArray();
        rules = [.. all.Where(r => r.Kind != HolidayRuleKinds.Compensation)];
        compensationRules = [.. all.Where(r => r.Kind == HolidayRuleKinds.Compensation)];

        foreach (HolidayYearOptions year in profile.Years)
        {
            if (year.ReplacesRules)
            {
                replacedYears.Add(year.Year);
            }

            foreach (HolidayDayOptions day in year.Days)
            {
                LocalDate date = day.Date!.Value;
                decreedDays[date] = new DayClassification(date, day.Kind!.Value, day.Name, day.Source ?? year.Source);
            }
        }
    }

    /// <summary>The profile's name (<see cref="HolidayProfileOptions.Name"/>).</summary>
    public string? Name { get; }

    /// <summary>Classifies a date: working day, weekly rest day, holiday, compensatory day off, or swapped day, with the name and source of the rule.</summary>
    /// <param name="date">The date; a date in another calendar system is converted to the ISO calendar.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date's year is outside <see cref="VietnameseLunarCalendar.MinYear"/> to <see cref="VietnameseLunarCalendar.MaxYear"/>.</exception>
    public DayClassification Classify(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        int year = date.Year;
        if (year is < VietnameseLunarCalendar.MinYear or > VietnameseLunarCalendar.MaxYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(date),
                date,
                $"The holiday calendar covers the years {VietnameseLunarCalendar.MinYear} to {VietnameseLunarCalendar.MaxYear}; {date:uuuu-MM-dd} is outside.");
        }

        ref DayClassification[]? slot = ref years[year - VietnameseLunarCalendar.MinYear];
        DayClassification[]? table = Volatile.Read(ref slot);
        if (table is null)
        {
            // A race computes the same table twice; the first one stored wins.
            DayClassification[] computed = ComputeYear(year);
            table = Interlocked.CompareExchange(ref slot, computed, null) ?? computed;
        }

        return table[date.DayOfYear - 1];
    }

    /// <summary>The profile merged with its <see cref="HolidayProfileOptions.Base"/>: the base's rules and years first.</summary>
    private static HolidayProfileOptions WithBase(HolidayProfileOptions profile)
    {
        if (string.IsNullOrEmpty(profile.Base))
        {
            return profile;
        }

        HolidayProfileOptions national = VietnameseHolidays.CreateProfile();
        return new HolidayProfileOptions
        {
            Name = profile.Name ?? national.Name,
            WeeklyRestDays = profile.WeeklyRestDays ?? national.WeeklyRestDays,
            WeeklyRestDaysSource = profile.WeeklyRestDaysSource ?? (profile.WeeklyRestDays is null ? national.WeeklyRestDaysSource : null),
            Rules = [.. national.Rules, .. profile.Rules],
            Years = [.. national.Years, .. profile.Years],
        };
    }

    private bool IsRestDay(LocalDate date) => restDays[(int)date.DayOfWeek];

    private DayClassification[] ComputeYear(int year)
    {
        var start = new LocalDate(year, 1, 1);
        var table = new DayClassification[CalendarSystem.Iso.GetDaysInYear(year)];
        for (int i = 0; i < table.Length; i++)
        {
            LocalDate date = start.PlusDays(i);
            table[i] = IsRestDay(date)
                ? new DayClassification(date, DayKind.WeeklyRestDay, null, restDaysSource)
                : new DayClassification(date, DayKind.WorkingDay);
        }

        if (!replacedYears.Contains(year))
        {
            // Generate the previous year too, so that its compensatory days that spill into this year are found.
            var holidays = new List<Generated>();
            if (year > VietnameseLunarCalendar.MinYear && !replacedYears.Contains(year - 1))
            {
                Generate(year - 1, holidays);
            }

            Generate(year, holidays);
            List<Generated> compensatory = Compensate(holidays);

            foreach (Generated c in compensatory.Where(c => c.Date.Year == year))
            {
                table[c.Date.DayOfYear - 1] = new DayClassification(c.Date, DayKind.CompensatoryDayOff, c.Name, c.Source);
            }

            // Holidays win over compensatory days; the first rule names a day two rules share.
            foreach (Generated h in holidays.Where(h => h.Date.Year == year).Reverse())
            {
                table[h.Date.DayOfYear - 1] = new DayClassification(h.Date, DayKind.Holiday, h.Name, h.Source);
            }
        }

        for (int i = 0; i < table.Length; i++)
        {
            if (decreedDays.TryGetValue(table[i].Date, out DayClassification decreed))
            {
                table[i] = decreed;
            }
        }

        return table;
    }

    /// <summary>The holidays the rules give in a Gregorian year, in rule order.</summary>
    private void Generate(int year, List<Generated> output)
    {
        foreach (Rule rule in rules)
        {
            switch (rule.Kind)
            {
                case HolidayRuleKinds.FixedDate:
                    if (rule.Day <= CalendarSystem.Iso.GetDaysInMonth(year, rule.Month))
                    {
                        Add(rule, new LocalDate(year, rule.Month, rule.Day), year, output);
                    }

                    break;
                case HolidayRuleKinds.LunarDate:
                    // Lunar year Y − 1 can reach into January of Y (months 11–12).
                    for (int ly = year - 1; ly <= year; ly++)
                    {
                        if (LunarAnchor(ly, rule) is { } date)
                        {
                            Add(rule, date, year, output);
                        }
                    }

                    break;
                case HolidayRuleKinds.LunarSpan:
                    for (int ly = year - 1; ly <= year + 1; ly++)
                    {
                        if (LunarAnchor(ly, rule) is { } anchor)
                        {
                            for (int i = 0; i < rule.Length; i++)
                            {
                                Add(rule, anchor.PlusDays(rule.Offset + i), year, output);
                            }
                        }
                    }

                    break;
                case HolidayRuleKinds.AdjacentDay:
                    for (int y = Math.Max(year - 1, VietnameseLunarCalendar.MinYear); y <= Math.Min(year + 1, VietnameseLunarCalendar.MaxYear); y++)
                    {
                        if (rule.Day <= CalendarSystem.Iso.GetDaysInMonth(y, rule.Month))
                        {
                            Add(rule, ChooseAdjacent(new LocalDate(y, rule.Month, rule.Day), rule.Choice), year, output);
                        }
                    }

                    break;
            }
        }

        static void Add(Rule rule, LocalDate date, int year, List<Generated> output)
        {
            if (date.Year == year && rule.IsInEffect(date))
            {
                output.Add(new Generated(date, rule.Name, rule.Source));
            }
        }
    }

    private LocalDate? LunarAnchor(int lunarYear, Rule rule)
    {
        if (lunarYear is < VietnameseLunarCalendar.MinYear or > VietnameseLunarCalendar.MaxYear)
        {
            return null;
        }

        // Day 30 of a month that has 29 days this year falls on the month's last day.
        int day = Math.Min(rule.Day, lunar.GetDaysInMonth(lunarYear, rule.Month));
        return lunar.ToSolar(new LunarDate(lunarYear, rule.Month, day));
    }

    private LocalDate ChooseAdjacent(LocalDate anchor, AdjacentDayChoice choice)
    {
        LocalDate before = anchor.PlusDays(-1);
        LocalDate after = anchor.PlusDays(1);
        switch (choice)
        {
            case AdjacentDayChoice.Before:
                return before;
            case AdjacentDayChoice.After:
                return after;
            default:
                bool beforeWorks = !IsRestDay(before);
                bool afterWorks = !IsRestDay(after);
                if (beforeWorks != afterWorks)
                {
                    return beforeWorks ? before : after;
                }

                // Both working days (or both rest days): join the weekend if one of them touches it; otherwise the day before.
                if (!IsRestDay(before.PlusDays(-1)) && IsRestDay(after.PlusDays(1)))
                {
                    return after;
                }

                return before;
        }
    }

    /// <summary>
    /// Labour Code 2019 art. 111(3): a holiday on a weekly rest day gives a day off on the next working day. A holiday
    /// on a day that is already a holiday is compensated the same way, so that every holiday is a day off.
    /// </summary>
    private List<Generated> Compensate(List<Generated> holidays)
    {
        var result = new List<Generated>();
        if (compensationRules.Length == 0)
        {
            return result;
        }

        var taken = new HashSet<LocalDate>(holidays.Select(h => h.Date));
        var seen = new HashSet<LocalDate>();
        foreach (Generated h in holidays.OrderBy(h => h.Date))
        {
            bool duplicate = !seen.Add(h.Date);
            if (!duplicate && !IsRestDay(h.Date))
            {
                continue;
            }

            Rule? rule = Array.Find(compensationRules, r => r.IsInEffect(h.Date));
            if (rule is null)
            {
                continue;
            }

            LocalDate day = h.Date.PlusDays(1);
            while (IsRestDay(day) || taken.Contains(day))
            {
                day = day.PlusDays(1);
            }

            taken.Add(day);
            result.Add(new Generated(day, $"{rule.Name ?? DefaultCompensationPrefix} {h.Name}", rule.Source));
        }

        return result;
    }

    private readonly record struct Generated(LocalDate Date, string? Name, string? Source);

    private sealed record Rule(string Kind, string? Name, string? Source, LocalDate? From, LocalDate? To, int Month, int Day, int Offset, int Length, AdjacentDayChoice Choice)
    {
        public bool IsInEffect(LocalDate date) => (From is not { } f || date >= f) && (To is not { } t || date <= t);
    }
}
