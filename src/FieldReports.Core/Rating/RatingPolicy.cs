using FieldReports.Provinces;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Rating;

/// <summary>
/// The province's satisfaction rating (Huế Decision 30/2022; Cà Mau art. 10): one rating per report, by its reporter,
/// once the result has reached them; changeable within <see cref="RatingOptions.ChangePeriod"/> measured from the first
/// rating. A level that opens a follow-up (Not satisfied) sends the report back to the agency through the workflow.
/// Registered as a keyed service per province. Thread-safe.
/// </summary>
public sealed class RatingPolicy
{
    /// <summary>Creates the policy of a province.</summary>
    /// <param name="profile">The province.</param>
    public RatingPolicy(ProvinceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
    }

    /// <summary>The province.</summary>
    public ProvinceProfile Profile { get; }

    /// <summary>Finds a level of the province's scale by code (ordinal).</summary>
    /// <param name="code">The level's code.</param>
    public RatingLevel? FindLevel(string? code) =>
        Profile.RatingScale.Where(l => l.Code == code).Select(l => (RatingLevel?)l).FirstOrDefault();

    /// <summary>When the report was first rated, if it was.</summary>
    /// <param name="report">The report.</param>
    public static Instant? FirstRatedAt(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Events.FirstOrDefault(e => e.Trigger == ReportTrigger.Rate)?.OccurredAt;
    }

    /// <summary>The reporter rates (or re-rates) the result.</summary>
    /// <param name="report">The report.</param>
    /// <param name="reporter">The reporter.</param>
    /// <param name="levelCode">The level's code on the province's scale.</param>
    /// <param name="comment">The reporter's comment, optionally.</param>
    /// <param name="at">When.</param>
    /// <returns>Success, or the error (nothing changed): unknown level, period closed, not the reporter, result not delivered…</returns>
    public DomainResult Rate(Report report, Actor reporter, string levelCode, string? comment, Instant at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(reporter);
        if (!string.Equals(report.ProvinceId, Profile.Id, StringComparison.OrdinalIgnoreCase))
        {
            return ErrorCodes.Errors.ProvinceMismatch();
        }

        if (FindLevel(levelCode) is not { } level)
        {
            return ErrorCodes.Errors.RatingLevelUnknown(levelCode ?? string.Empty);
        }

        if (FirstRatedAt(report) is { } first)
        {
            var closes = (first.InZone(Profile.TimeZone).LocalDateTime + Profile.Options.Rating.ChangePeriod)
                .InZoneLeniently(Profile.TimeZone).ToInstant();
            if (at > closes)
            {
                return ErrorCodes.Errors.RatingPeriodClosed();
            }
        }

        return report.Apply(new RateCommand(level, comment), reporter, at);
    }
}
