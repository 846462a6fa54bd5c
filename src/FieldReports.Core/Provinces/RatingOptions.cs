using NodaTime;

namespace FieldReports.Provinces;

/// <summary>The satisfaction scale and interaction rules (Huế Decision 30/2022; Cà Mau art. 10).</summary>
public sealed class RatingOptions
{
    /// <summary>
    /// The scale. When empty: Satisfied (Hài lòng), Acceptable (Chấp nhận được), Not satisfied (Không hài lòng, opens a follow-up).
    /// </summary>
    public IList<RatingLevelOptions> Levels { get; } = [];

    /// <summary>How long after the first rating the reporter may change it. Default 7 days (<c>P7D</c>); zero forbids changes.</summary>
    public Period ChangePeriod { get; set; } = Period.FromDays(7);

    /// <summary>
    /// The elapsed time an agency has to answer a clarification request, used until the SLA engine computes it in
    /// working time. Default one day (JSON <c>"1:00:00:00"</c>).
    /// </summary>
    public Duration ClarificationAnswerWithin { get; set; } = Duration.FromDays(1);
}
