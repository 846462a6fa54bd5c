using FieldReports.Provinces;
using FieldReports.Rating;
using NodaTime;

namespace FieldReports.Sla;

/// <summary>
/// The due instant of a citizen's clarification request, counted by the province's <see cref="SlaStep.AnswerInteraction"/>
/// rule on its business calendar (default: 1 working day, Huế Decision 30/2022). The default registration of
/// <see cref="IClarificationDeadline"/>.
/// </summary>
public sealed class SlaClarificationDeadline : IClarificationDeadline
{
    /// <inheritdoc/>
    public Instant DueAt(ProvinceProfile province, Instant sentAt)
    {
        ArgumentNullException.ThrowIfNull(province);
        return SlaClock.Evaluate(SlaStep.AnswerInteraction, sentAt, isUrgent: false, completedAt: null, province.Sla, province.Calendar, sentAt).Deadline;
    }
}
