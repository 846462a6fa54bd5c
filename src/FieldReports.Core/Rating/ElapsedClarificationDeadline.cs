using FieldReports.Provinces;
using NodaTime;

namespace FieldReports.Rating;

/// <summary>
/// The default clarification deadline: the request's instant plus <see cref="RatingOptions.ClarificationAnswerWithin"/>
/// (one day by default) of elapsed time, ignoring working hours and days off. Thread-safe.
/// </summary>
public sealed class ElapsedClarificationDeadline : IClarificationDeadline
{
    /// <inheritdoc/>
    public Instant DueAt(ProvinceProfile province, Instant sentAt)
    {
        ArgumentNullException.ThrowIfNull(province);
        return sentAt + province.Options.Rating.ClarificationAnswerWithin;
    }
}
