using FieldReports.Provinces;
using NodaTime;

namespace FieldReports.Rating;

/// <summary>
/// Computes when an agency must answer a clarification request. The default, <see cref="ElapsedClarificationDeadline"/>,
/// adds elapsed time; the SLA engine replaces it with a working-time computation by registering its own implementation.
/// </summary>
public interface IClarificationDeadline
{
    /// <summary>The instant the answer is due.</summary>
    /// <param name="province">The province.</param>
    /// <param name="sentAt">When the request was sent.</param>
    Instant DueAt(ProvinceProfile province, Instant sentAt);
}
