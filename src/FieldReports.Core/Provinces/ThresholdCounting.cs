namespace FieldReports.Provinces;

/// <summary>Whether a sanction is reached at its threshold or only when the count goes over it. Numeric values are stable.</summary>
public enum ThresholdCounting
{
    /// <summary>The sanction applies when the count reaches the threshold (threshold 3: at the 3rd violation).</summary>
    At = 0,

    /// <summary>The sanction applies when the count exceeds the threshold (threshold 3, "more than 3 times": at the 4th).</summary>
    Over = 1,
}
