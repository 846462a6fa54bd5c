using FieldReports.Intake;

namespace FieldReports.Moderation;

/// <summary>
/// The default content screen: finds listed abusive words as whole words, ignoring case and diacritics (<c>đ</c> counts
/// as <c>d</c>), so <c>đồ ngu</c>, <c>Đồ Ngu</c> and <c>do ngu</c> are all caught. Folding also makes innocent words
/// match now and then, which is why a screen only flags for staff review. Immutable and thread-safe.
/// </summary>
public sealed class VietnameseContentScreen : IContentScreen
{
    /// <summary>The built-in list, used when a province lists no words of its own.</summary>
    public static IReadOnlyList<string> DefaultWords { get; } =
        ["đồ ngu", "ngu như", "khốn nạn", "mẹ mày", "đm", "vcl", "vãi lồn", "đéo", "chó chết", "thằng chó", "súc vật", "óc chó"];

    private readonly string[] _words;

    /// <summary>Creates a screen.</summary>
    /// <param name="words">The abusive words and phrases; <see langword="null"/> or empty for <see cref="DefaultWords"/>.</param>
    public VietnameseContentScreen(IEnumerable<string>? words = null)
    {
        var list = words?.Where(w => !string.IsNullOrWhiteSpace(w)).ToArray() ?? [];
        _words = list.Length > 0 ? list : [.. DefaultWords];
    }

    /// <inheritdoc/>
    public ContentScreenResult Screen(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = VietnameseText.FindPhrases(text, _words, foldDiacritics: true);
        return matches.Count == 0 ? ContentScreenResult.Clean : new ContentScreenResult(matches);
    }
}
