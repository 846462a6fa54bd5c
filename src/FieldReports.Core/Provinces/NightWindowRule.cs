using NodaTime;

namespace FieldReports.Provinces;

/// <summary>
/// A version of the night window: from <see cref="Start"/> to <see cref="End"/> local time only urgent matters are
/// accepted (Thừa Thiên Huế Decision 30/2022: 24:00 to 07:30). The window may cross midnight (<c>22:00:00</c> to <c>06:00:00</c>).
/// </summary>
public sealed class NightWindowRule : IEffectiveDated
{
    /// <inheritdoc/>
    public LocalDate? EffectiveFrom { get; set; }

    /// <summary>Whether the window applies in this version; <see langword="false"/> lifts an earlier window. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The local time the window opens, inclusive (JSON <c>"00:00:00"</c>). Default midnight.</summary>
    public LocalTime Start { get; set; } = LocalTime.Midnight;

    /// <summary>The local time the window closes, exclusive (JSON <c>"07:30:00"</c>). Default 07:30. Must differ from <see cref="Start"/>.</summary>
    public LocalTime End { get; set; } = new(7, 30);

    /// <summary>Whether <paramref name="time"/> falls in the window (start inclusive, end exclusive).</summary>
    /// <param name="time">A local time in the province.</param>
    public bool Contains(LocalTime time) =>
        Enabled && (Start < End ? time >= Start && time < End : time >= Start || time < End);
}
