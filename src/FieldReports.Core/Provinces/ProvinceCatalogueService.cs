using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace FieldReports.Provinces;

/// <summary>
/// Administrators' edits of a province's catalogue (fields and agency tree) at run time: each edit is checked by the same
/// validation as the configuration at start-up, stored as a new version in <see cref="IProvinceCatalogueStore"/>, and put in
/// force in <see cref="ProvinceCatalog"/> at once. Other instances pick it up with <see cref="RefreshAsync"/>.
/// </summary>
/// <remarks>
/// Configuration is the seed: while nothing is stored for a province, its configured catalogue (version 0) is in force; the
/// first edit stores a full copy (version 1), and from then on the latest stored version is in force, whatever the
/// configuration's fields and agencies say. The rest of the profile (channels, areas, routing rules, time limits…) always
/// comes from configuration, and a stored catalogue must stay valid with it. Thread-safe; registered as a singleton.
/// </remarks>
public sealed partial class ProvinceCatalogueService
{
    private readonly ProvinceCatalog _provinces;
    private readonly IProvinceCatalogueStore _store;
    private readonly IClock _clock;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="provinces">The provinces.</param>
    /// <param name="store">Where catalogue versions are stored.</param>
    /// <param name="clock">The clock, for when an edit is saved.</param>
    /// <param name="services">Resolves <see cref="IReportQueries"/> (optional), to refuse removing what open reports use, and logging.</param>
    public ProvinceCatalogueService(ProvinceCatalog provinces, IProvinceCatalogueStore store, IClock clock, IServiceProvider services)
    {
        _provinces = provinces ?? throw new ArgumentNullException(nameof(provinces));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _logger = services.GetService<ILogger<ProvinceCatalogueService>>() ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// The catalogue in force for a province, after putting in force a later version another instance stored, if any.
    /// </summary>
    /// <param name="provinceId">The province (ignoring case).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The catalogue in force, or <see langword="null"/> when the province is not configured.</returns>
    public async Task<ProvinceCatalogueRevision?> GetAsync(string provinceId, CancellationToken cancellationToken)
    {
        if (_provinces.Find(provinceId) is null)
        {
            return null;
        }

        var problems = new List<string>();
        return (await RefreshProvinceAsync(provinceId, problems, cancellationToken)).Catalogue;
    }

    /// <summary>
    /// Replaces a province's catalogue. Refused, with nothing stored, when the catalogue in force is not at
    /// <paramref name="expectedVersion"/> (<see cref="ErrorCodes.CatalogueVersionMismatch"/>, also when another edit is
    /// stored at the same moment), when the province's profile with this catalogue fails validation (a duplicate code, an
    /// unknown parent, a cycle, an agency handling a missing field, a routing rule naming a missing field or agency…), or
    /// when it removes a field or an agency that open reports still use (<see cref="ErrorCodes.CatalogueInvalid"/> with
    /// every problem in <see cref="ProvinceCatalogueOutcome.Problems"/>).
    /// </summary>
    /// <param name="provinceId">The province (ignoring case).</param>
    /// <param name="catalogue">The whole new catalogue.</param>
    /// <param name="expectedVersion">The version the administrator edited (0 when nothing is stored yet).</param>
    /// <param name="administrator">Who edits; only administrators may.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored version, now in force on this instance, or the refusal.</returns>
    public async Task<ProvinceCatalogueOutcome> SaveAsync(string provinceId, ProvinceCatalogue catalogue, int expectedVersion, Actor administrator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(administrator);
        if (_provinces.Find(provinceId) is null)
        {
            return new ProvinceCatalogueOutcome { Error = ErrorCodes.Errors.ProvinceUnknown(provinceId) };
        }

        if (administrator.Role != ActorRole.Administrator)
        {
            return new ProvinceCatalogueOutcome { Error = new DomainError(ErrorCodes.AccessDenied, ErrorKind.Forbidden, "Only administrators edit a province's catalogue.") };
        }

        var current = await RefreshProvinceAsync(provinceId, [], cancellationToken);
        if (current.Catalogue.Version != expectedVersion)
        {
            return new ProvinceCatalogueOutcome { Error = ErrorCodes.Errors.CatalogueVersionMismatch(current.Id, expectedVersion, current.Catalogue.Version) };
        }

        var now = _clock.GetCurrentInstant();
        var revision = new ProvinceCatalogueRevision(current.Id, expectedVersion + 1, catalogue, now, administrator.AccountId);
        var problems = new List<string>();
        var next = _provinces.Compile(revision, problems);
        await CheckRemovalsAsync(current, catalogue, now, problems, cancellationToken);
        if (next is null || problems.Count > 0)
        {
            return new ProvinceCatalogueOutcome { Error = ErrorCodes.Errors.CatalogueInvalid(current.Id, problems.Count), Problems = problems };
        }

        var stored = await _store.AddAsync(revision, cancellationToken);
        if (!stored.IsSuccess)
        {
            return new ProvinceCatalogueOutcome
            {
                Error = stored.Error!.Code == ErrorCodes.ConcurrencyConflict
                    ? ErrorCodes.Errors.CatalogueVersionMismatch(current.Id, expectedVersion, expectedVersion + 1)
                    : stored.Error,
            };
        }

        _provinces.TryReplace(next);
        LogApplied(_logger, current.Id, revision.Version, administrator.AccountId);
        return new ProvinceCatalogueOutcome { Revision = revision };
    }

    /// <summary>
    /// Puts in force, for every province, the latest stored catalogue when it is later than the one in force. Call it once
    /// at start-up, after the database is migrated and before taking requests (<c>LoadProvinceCataloguesAsync</c> does, and
    /// throws on problems); the ASP.NET Core integration calls it again periodically so that an edit made on another
    /// instance reaches this one.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The stored versions that could not be put in force, each with why (the configuration changed so that they no longer
    /// fit it); those provinces keep the catalogue in force. Empty when all went well.
    /// </returns>
    public async Task<IReadOnlyList<string>> RefreshAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var id in _provinces.Ids)
        {
            await RefreshProvinceAsync(id, problems, cancellationToken);
        }

        return problems;
    }

    private async Task<ProvinceProfile> RefreshProvinceAsync(string provinceId, List<string> problems, CancellationToken cancellationToken)
    {
        var current = _provinces.Get(provinceId);
        var latest = await _store.FindLatestAsync(current.Id, cancellationToken);
        if (latest is null || latest.Version <= current.Catalogue.Version)
        {
            return _provinces.Get(provinceId);
        }

        var failures = new List<string>();
        if (_provinces.Compile(latest, failures) is { } next)
        {
            if (_provinces.TryReplace(next))
            {
                LogApplied(_logger, current.Id, latest.Version, latest.SavedBy ?? "");
            }
        }
        else
        {
            problems.Add($"FieldReports:Provinces:{current.Id}: the stored catalogue version {latest.Version} does not fit the configuration and is not in force: {string.Join(" ", failures)} Correct the configuration, or save a catalogue that fits it.");
            LogNotApplied(_logger, current.Id, latest.Version, failures.Count);
        }

        return _provinces.Get(provinceId);
    }

    // Removing a field or an agency is refused while open reports are classified into it or assigned to it, so that no
    // open report points at something the province no longer has. Closed reports keep their codes for the record.
    private async Task CheckRemovalsAsync(ProvinceProfile current, ProvinceCatalogue next, Instant now, List<string> problems, CancellationToken cancellationToken)
    {
        var removedFields = current.Fields.Keys.Except(next.Fields.Select(f => f.Code), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var removedAgencies = current.Agencies.All.Select(a => a.Id).Except(next.Agencies.Select(a => a.Id), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if ((removedFields.Count == 0 && removedAgencies.Count == 0) || _services.GetService<IReportQueries>() is not { } queries)
        {
            return;
        }

        var rows = await queries.GetStatisticsAsync(current.Id, new ReportStatisticsQuery
        {
            From = Instant.FromUtc(1900, 1, 1, 0, 0),
            To = now + Duration.FromDays(1),
            AsOf = now,
        }, cancellationToken);
        var open = rows.Where(r => !ReportWorkflow.TerminalStates.Contains(r.State)).ToList();
        foreach (var agency in removedAgencies.Order(StringComparer.Ordinal))
        {
            if (open.Where(r => r.AgencyId == agency).Sum(r => r.Count) is > 0 and var count)
            {
                problems.Add($"Agencies: '{agency}' is removed, but {count} open report(s) are assigned to it; redistribute or close them first, or keep the agency.");
            }
        }

        foreach (var field in removedFields.Order(StringComparer.Ordinal))
        {
            if (open.Where(r => r.FieldCode == field).Sum(r => r.Count) is > 0 and var count)
            {
                problems.Add($"Fields: '{field}' is removed, but {count} open report(s) are classified into it; close them first, or keep the field.");
            }
        }
    }

    [LoggerMessage(EventId = 1300, EventName = "CatalogueApplied", Level = LogLevel.Information,
        Message = "Catalogue version {Version} of province {ProvinceId} is in force (saved by {SavedBy})")]
    private static partial void LogApplied(ILogger logger, string provinceId, int version, string savedBy);

    [LoggerMessage(EventId = 1301, EventName = "CatalogueNotApplied", Level = LogLevel.Error,
        Message = "Catalogue version {Version} of province {ProvinceId} does not fit the configuration ({Problems} problem(s)); the catalogue in force stays")]
    private static partial void LogNotApplied(ILogger logger, string provinceId, int version, int problems);
}
