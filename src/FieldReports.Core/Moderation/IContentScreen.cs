namespace FieldReports.Moderation;

/// <summary>
/// Screens text a citizen sends (reports, interactions) for improper, non-constructive language. A screen only flags
/// text for staff review; staff decide whether it is a violation. Implementations must be thread-safe.
/// </summary>
public interface IContentScreen
{
    /// <summary>Screens a text.</summary>
    /// <param name="text">The text, in any normalisation form.</param>
    /// <returns>Whether the text is flagged, and the terms that matched.</returns>
    ContentScreenResult Screen(string text);
}
