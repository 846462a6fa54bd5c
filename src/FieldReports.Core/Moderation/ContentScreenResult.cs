namespace FieldReports.Moderation;

/// <summary>The outcome of screening a text.</summary>
/// <param name="Matches">The listed terms found in the text; empty when nothing was found.</param>
public sealed record ContentScreenResult(IReadOnlyList<string> Matches)
{
    /// <summary>A result that flags nothing.</summary>
    public static ContentScreenResult Clean { get; } = new([]);

    /// <summary>Whether the text should be reviewed by staff.</summary>
    public bool IsFlagged => Matches.Count > 0;
}
