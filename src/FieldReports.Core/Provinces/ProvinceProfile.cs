using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using FieldReports.Calendar;
using FieldReports.Reports;
using FieldReports.Routing;
using FieldReports.Sla;
using NodaTime;

namespace FieldReports.Provinces;

/// <summary>
/// A province's validated options, compiled for use: the time zone resolved, the agency tree and area tree built, the
/// defaults filled in, and effective-dated rules resolvable at an instant. Immutable and thread-safe; obtained from
/// <see cref="ProvinceCatalog"/> or as a keyed service (key: the province id).
/// </summary>
/// <remarks>
/// When an administrator edits the province's catalogue (fields and agency tree), the catalog puts a new profile in place
/// of this one; this one never changes. Take the profile from the catalog (or resolve the keyed services) for each
/// operation rather than keeping it, so that the next operation sees the edit.
/// </remarks>
public sealed class ProvinceProfile
{
    private static readonly SanctionRule DefaultAccountLock = new() { Threshold = 3, Counting = ThresholdCounting.At };
    private static readonly SanctionRule DefaultInteractionBan = new()
    {
        Threshold = 3,
        Counting = ThresholdCounting.At,
        Window = Period.FromMonths(1),
        Duration = Period.FromMonths(1),
    };

    private readonly FrozenDictionary<string, string?> _areaParents;
    private readonly BusinessCalendarOptions _calendarOptions;
    private readonly ConcurrentDictionary<string, BusinessCalendar> _agencyCalendars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, object> _services = new();
    private BusinessCalendar? _calendar;

    internal ProvinceProfile(string id, ProvinceOptions options, ProvinceCatalogueRevision? revision = null)
    {
        Id = id;
        Options = options;
        Catalogue = revision ?? new ProvinceCatalogueRevision(id, 0, ProvinceCatalogue.From(options), null, null);
        TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone)
            ?? throw new ArgumentException($"Unknown time zone '{options.TimeZone}'.", nameof(options));
        Channels = options.Channels.Count > 0
            ? [.. options.Channels]
            : [
                new ChannelOptions { Code = "app", Kind = ChannelKind.App, Name = "Mobile app" },
                new ChannelOptions { Code = "web", Kind = ChannelKind.Web, Name = "Web portal" },
                new ChannelOptions { Code = "staff", Kind = ChannelKind.Staff, Name = "Staff entry", MediaOptional = true },
            ];
        Fields = options.Fields.ToFrozenDictionary(f => f.Code, StringComparer.Ordinal);
        Agencies = new AgencyTree(options.Agencies);
        _areaParents = options.Areas.ToFrozenDictionary(a => a.Code, a => a.Parent, StringComparer.Ordinal);
        Languages = options.Intake.Languages.Count > 0 ? [.. options.Intake.Languages] : ["vi"];
        Holidays = new HolidayCalendar(options.Holidays);
        Sla = SlaPolicy.Create(options.Sla);
        _calendarOptions = WithDefaultHours(options.Calendar);
        RatingScale = options.Rating.Levels.Count > 0
            ? [.. options.Rating.Levels.Select(l => new RatingLevel(l.Code, l.OpensFollowUp))]
            : [RatingLevel.Satisfied, RatingLevel.Acceptable, RatingLevel.NotSatisfied];
    }

    /// <summary>Which days are working days in the province.</summary>
    public IHolidayCalendar Holidays { get; }

    /// <summary>The time limits of the workflow's steps.</summary>
    public SlaPolicy Sla { get; }

    /// <summary>The province's business calendar (its office hours), for the centre's steps.</summary>
    public BusinessCalendar Calendar => _calendar ??= new BusinessCalendar(Holidays, WorkingHours.Create(_calendarOptions), TimeZone);

    /// <summary>The business calendar of an agency: its own office hours when the profile lists them, else the province's.</summary>
    /// <param name="agencyId">The agency, or <see langword="null"/> for the centre.</param>
    public BusinessCalendar CalendarFor(string? agencyId) =>
        agencyId is null || !_calendarOptions.Agencies.TryGetValue(agencyId, out var hours)
            ? Calendar
            : _agencyCalendars.GetOrAdd(agencyId, _ => new BusinessCalendar(Holidays, WorkingHours.Create(hours), TimeZone));

    /// <summary>The SLA clock of a report: each step's deadline, remaining time, warning and breach at <paramref name="now"/>.</summary>
    /// <param name="report">The report; must belong to this province.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <exception cref="ArgumentException">The report belongs to another province.</exception>
    public SlaClock SlaClockOf(Report report, Instant now)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!string.Equals(report.ProvinceId, Id, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The report belongs to '{report.ProvinceId}', not to '{Id}'.", nameof(report));
        }

        return SlaClock.Compute(report.Events, Sla, (_, agencyId) => CalendarFor(agencyId), now);
    }

    /// <summary>The calendar options with the default office hours (Mon–Fri 07:30–11:30, 13:30–17:00) when none are configured.</summary>
    internal static BusinessCalendarOptions WithDefaultHours(BusinessCalendarOptions options) =>
        options.OfficeHours.Count > 0 || options.Periods.Count > 0
            ? options
            : new BusinessCalendarOptions
            {
                TimeZone = options.TimeZone,
                OfficeHours = new(StringComparer.OrdinalIgnoreCase) { ["Mon-Fri"] = ["07:30-11:30", "13:30-17:00"] },
                SwappedWorkingDayHours = options.SwappedWorkingDayHours,
                Agencies = options.Agencies,
            };

    /// <summary>The province id.</summary>
    public string Id { get; }

    /// <summary>
    /// The version of the catalogue (fields and agency tree) this profile holds: version 0 is the configured one, later
    /// versions were saved by administrators (<see cref="ProvinceCatalogueService"/>).
    /// </summary>
    public ProvinceCatalogueRevision Catalogue { get; }

    /// <summary>A service built once per profile (a policy over it), so that an edit of the catalogue gets new ones.</summary>
    internal T Service<T>(Func<ProvinceProfile, T> create)
        where T : class => (T)_services.GetOrAdd(typeof(T), static (_, arg) => arg.create(arg.profile), (create, profile: this));

    /// <summary>The options the profile was compiled from. Do not change them after start-up.</summary>
    public ProvinceOptions Options { get; }

    /// <summary>The province's time zone.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The channels, with the Cà Mau defaults when none are configured.</summary>
    public ImmutableArray<ChannelOptions> Channels { get; }

    /// <summary>The fields, by code.</summary>
    public FrozenDictionary<string, FieldOptions> Fields { get; }

    /// <summary>The agency tree.</summary>
    public AgencyTree Agencies { get; }

    /// <summary>The accepted languages (primary BCP 47 tags), <c>vi</c> when none are configured.</summary>
    public ImmutableArray<string> Languages { get; }

    /// <summary>The rating scale, in the order configured.</summary>
    public ImmutableArray<RatingLevel> RatingScale { get; }

    /// <summary>Finds a channel by code (ordinal, ignoring case).</summary>
    /// <param name="code">The channel code.</param>
    public ChannelOptions? FindChannel(string? code) =>
        code is null ? null : Channels.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The local date of an instant in the province.</summary>
    /// <param name="instant">The instant.</param>
    public LocalDate LocalDateOf(Instant instant) => instant.InZone(TimeZone).Date;

    /// <summary>The night window in force at an instant, or <see langword="null"/> when none applies.</summary>
    /// <param name="at">The instant.</param>
    public NightWindowRule? NightWindowAt(Instant at) =>
        InForce(Options.Intake.NightWindow, at) is { Enabled: true } rule ? rule : null;

    /// <summary>The account-lock rule in force at an instant (the default when no configured version is in force).</summary>
    /// <param name="at">The instant.</param>
    public SanctionRule AccountLockAt(Instant at) => InForce(Options.Moderation.AccountLock, at) ?? DefaultAccountLock;

    /// <summary>The interaction-ban rule in force at an instant (the default when no configured version is in force).</summary>
    /// <param name="at">The instant.</param>
    public SanctionRule InteractionBanAt(Instant at) => InForce(Options.Moderation.InteractionBan, at) ?? DefaultInteractionBan;

    /// <summary>The area and the areas containing it, most specific first; just the code itself when the area tree does not know it.</summary>
    /// <param name="areaCode">The area code.</param>
    public IReadOnlyList<string> AreaAndAncestors(string areaCode)
    {
        var list = new List<string> { areaCode };
        var current = areaCode;
        while (_areaParents.TryGetValue(current, out var parent) && parent is not null && !list.Contains(parent, StringComparer.Ordinal))
        {
            list.Add(parent);
            current = parent;
        }

        return list;
    }

    /// <summary>Whether the area tree knows an area code.</summary>
    /// <param name="areaCode">The area code.</param>
    public bool HasArea(string areaCode) => _areaParents.ContainsKey(areaCode);

    /// <summary>
    /// The version of an effective-dated rule in force at an instant: the one with the latest
    /// <see cref="IEffectiveDated.EffectiveFrom"/> on or before the instant's local date; <see langword="null"/> when none is.
    /// </summary>
    /// <typeparam name="T">The rule type.</typeparam>
    /// <param name="versions">The versions, in any order.</param>
    /// <param name="at">The instant.</param>
    public T? InForce<T>(IEnumerable<T> versions, Instant at)
        where T : class, IEffectiveDated
    {
        ArgumentNullException.ThrowIfNull(versions);
        var date = LocalDateOf(at);
        return versions
            .Where(v => v.EffectiveFrom is null || v.EffectiveFrom <= date)
            .OrderByDescending(v => v.EffectiveFrom ?? LocalDate.MinIsoValue)
            .FirstOrDefault();
    }
}
