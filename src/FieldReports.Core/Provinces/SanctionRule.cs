using NodaTime;

namespace FieldReports.Provinces;

/// <summary>A version of a sanction rule: how many violations, counted how and over which window, lead to a sanction of which length.</summary>
public sealed class SanctionRule : IEffectiveDated
{
    /// <inheritdoc/>
    public LocalDate? EffectiveFrom { get; set; }

    /// <summary>The threshold. Default 3. At least 1.</summary>
    public int Threshold { get; set; } = 3;

    /// <summary>Whether the sanction applies at the threshold or over it. Default <see cref="ThresholdCounting.At"/>.</summary>
    public ThresholdCounting Counting { get; set; } = ThresholdCounting.At;

    /// <summary>
    /// The sliding window violations are counted in, ending at the latest violation and including its start instant;
    /// <see langword="null"/> counts every violation since the last sanction of this kind.
    /// </summary>
    public Period? Window { get; set; }

    /// <summary>How long the sanction lasts; <see langword="null"/> until an administrator lifts it.</summary>
    public Period? Duration { get; set; }

    /// <summary>The number of violations that triggers the sanction: the threshold, or one more when counting <see cref="ThresholdCounting.Over"/>.</summary>
    public int TriggeringCount => Counting == ThresholdCounting.Over ? Threshold + 1 : Threshold;
}
