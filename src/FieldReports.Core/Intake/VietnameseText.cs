using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FieldReports.Intake;

/// <summary>Text helpers for Vietnamese: NFC normalisation, diacritic folding, whole-word matching.</summary>
public static class VietnameseText
{
    /// <summary>Trims and normalises text to Unicode NFC (the composed form Vietnamese keyboards do not always produce).</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <returns>The normalised text, or <see langword="null"/> when <paramref name="text"/> is null or blank.</returns>
    public static string? Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>
    /// Lower-cases text and removes its diacritics, including <c>đ</c>→<c>d</c>, so that <c>Đồ ngu</c> and <c>do ngu</c> compare equal.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The folded text.</returns>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The phrases of <paramref name="phrases"/> that occur in <paramref name="text"/> as whole words (ignoring case; spaces match any whitespace).</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="phrases">The phrases.</param>
    /// <param name="foldDiacritics">Whether to compare without diacritics (catches text typed without accents, at the cost of false matches).</param>
    /// <returns>The matching phrases, in the order given.</returns>
    public static IReadOnlyList<string> FindPhrases(string text, IEnumerable<string> phrases, bool foldDiacritics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrases);
        var haystack = foldDiacritics ? Fold(text) : text.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var found = new List<string>();
        foreach (var phrase in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase))
            {
                continue;
            }

            if (MatcherOf(phrase, foldDiacritics).IsMatch(haystack))
            {
                found.Add(phrase);
            }
        }

        return found;
    }

    // A province's word lists are screened on every submission and interaction: each phrase's pattern is parsed once, not
    // per call (the framework's own cache holds only 15 patterns). Bounded, since the phrases come from configuration.
    private const int MaximumCachedMatchers = 4096;
    private static readonly ConcurrentDictionary<(string Phrase, bool Fold), Regex> Matchers = new();

    private static Regex MatcherOf(string phrase, bool foldDiacritics)
    {
        if (Matchers.TryGetValue((phrase, foldDiacritics), out var cached))
        {
            return cached;
        }

        var needle = foldDiacritics ? Fold(phrase.Trim()) : phrase.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var pattern = @"(?<![\p{L}\p{M}\p{N}])" + string.Join(@"\s+", needle.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)) + @"(?![\p{L}\p{M}\p{N}])";
        var matcher = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (Matchers.Count >= MaximumCachedMatchers)
        {
            Matchers.Clear();
        }

        Matchers[(phrase, foldDiacritics)] = matcher;
        return matcher;
    }
}
