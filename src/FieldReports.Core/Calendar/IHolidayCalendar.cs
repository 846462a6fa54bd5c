using NodaTime;

namespace FieldReports.Calendar;

/// <summary>
/// Classifies dates into working days and days off (weekly rest days, holidays, compensatory and swapped days) for one
/// province. Implementations are immutable and thread-safe.
/// </summary>
public interface IHolidayCalendar
{
    /// <summary>Classifies a date.</summary>
    /// <param name="day">The date, in the ISO calendar.</param>
    /// <returns>What kind of day it is, and why.</returns>
    DayClassification Classify(LocalDate day);
}
