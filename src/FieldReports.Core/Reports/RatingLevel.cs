namespace FieldReports.Reports;

/// <summary>
/// A level of the province's satisfaction scale. The default scale (Thừa Thiên Huế Decision 30/2022; Cà Mau art. 10) is
/// <see cref="Satisfied"/>, <see cref="Acceptable"/> and <see cref="NotSatisfied"/>; a province may define its own levels.
/// </summary>
/// <param name="Code">The stable code of the level, for example <c>satisfied</c>.</param>
/// <param name="OpensFollowUp">Whether this level obliges the agency to clarify and interact (a Not satisfied rating).</param>
public readonly record struct RatingLevel(string Code, bool OpensFollowUp)
{
    /// <summary>Hài lòng.</summary>
    public static RatingLevel Satisfied { get; } = new("satisfied", false);

    /// <summary>Chấp nhận được.</summary>
    public static RatingLevel Acceptable { get; } = new("acceptable", false);

    /// <summary>Không hài lòng: opens a follow-up obligation for the agency.</summary>
    public static RatingLevel NotSatisfied { get; } = new("not_satisfied", true);
}
