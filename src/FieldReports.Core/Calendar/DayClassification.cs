using NodaTime;

namespace FieldReports.Calendar;

/// <summary>What kind of day a date is, and why: the rule's name and its legal source.</summary>
/// <param name="Date">The date.</param>
/// <param name="Kind">The kind of day.</param>
/// <param name="Name">The name of the holiday or swap, for example <c>Tết Nguyên Đán</c>; <see langword="null"/> for ordinary days.</param>
/// <param name="Source">The legal source of the rule (law article or decree), when there is one.</param>
public readonly record struct DayClassification(LocalDate Date, DayKind Kind, string? Name = null, string? Source = null)
{
    /// <summary>Whether offices work on this day (an ordinary or swapped working day).</summary>
    public bool IsWorkingDay => Kind is DayKind.WorkingDay or DayKind.SwappedWorkingDay;
}
