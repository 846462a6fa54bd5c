using System.Globalization;
using NodaTime;

namespace FieldReports.Statistics;

/// <summary>
/// A period of local dates in the province, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive): the
/// month, quarter, half-year and year of the periodic reports (Cà Mau art. 13.6), or any range.
/// </summary>
public readonly record struct StatisticsPeriod
{
    private StatisticsPeriod(LocalDate start, LocalDate end)
    {
        Start = start;
        End = end;
    }

    /// <summary>The first day, inclusive.</summary>
    public LocalDate Start { get; }

    /// <summary>The day after the last, exclusive.</summary>
    public LocalDate End { get; }

    /// <summary>A calendar month.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1–12.</param>
    public static StatisticsPeriod Month(int year, int month)
    {
        var start = new LocalDate(year, month, 1);
        return new(start, start.PlusMonths(1));
    }

    /// <summary>A quarter.</summary>
    /// <param name="year">The year.</param>
    /// <param name="quarter">The quarter, 1–4.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarter"/> is not 1–4.</exception>
    public static StatisticsPeriod Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new LocalDate(year, ((quarter - 1) * 3) + 1, 1);
        return new(start, start.PlusMonths(3));
    }

    /// <summary>A half-year.</summary>
    /// <param name="year">The year.</param>
    /// <param name="half">1 for January–June, 2 for July–December.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="half"/> is not 1 or 2.</exception>
    public static StatisticsPeriod HalfYear(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        var start = new LocalDate(year, half == 1 ? 1 : 7, 1);
        return new(start, start.PlusMonths(6));
    }

    /// <summary>A calendar year.</summary>
    /// <param name="year">The year.</param>
    public static StatisticsPeriod Year(int year) => new(new LocalDate(year, 1, 1), new LocalDate(year + 1, 1, 1));

    /// <summary>Any range of days, both ends inclusive.</summary>
    /// <param name="first">The first day.</param>
    /// <param name="last">The last day, on or after <paramref name="first"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="last"/> is before <paramref name="first"/>.</exception>
    public static StatisticsPeriod Range(LocalDate first, LocalDate last)
    {
        if (last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(last), "The last day is on or after the first.");
        }

        return new(first, last.PlusDays(1));
    }

    /// <summary>Whether a day is in the period.</summary>
    /// <param name="date">The day.</param>
    public bool Contains(LocalDate date) => date >= Start && date < End;

    /// <summary>Returns <c>start..end</c> (end exclusive), ISO dates.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}");
}
