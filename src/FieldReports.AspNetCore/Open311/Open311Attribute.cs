using System.Text.RegularExpressions;
using FieldReports.Provinces;

namespace FieldReports.AspNetCore.Open311;

/// <summary>An attribute of a service definition, from a field's question or one of the attributes every service has.</summary>
internal sealed record Open311Attribute(string Code, string Datatype, bool Required, bool Variable, int Order, string Description, string? DatatypeDescription, IReadOnlyList<KeyValuePair<string, string>> Values)
{
    /// <summary>The code of the attribute that asks for confidentiality (Cà Mau art. 9.2).</summary>
    public const string ConfidentialCode = "confidential";

    /// <summary>The code of the attribute for when the situation was seen.</summary>
    public const string ObservedAtCode = "observed_at";

    /// <summary>The code of a field's question <c>n</c> (from 1).</summary>
    public static string QuestionCode(int n) => "q" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The attributes of a field's service: the two every service has, then its questions in order.</summary>
    public static IReadOnlyList<Open311Attribute> Of(FieldOptions field)
    {
        var list = new List<Open311Attribute>
        {
            new(ConfidentialCode, "singlevaluelist", false, true, 1,
                "Giữ bí mật nội dung và kết quả xử lý? / Keep the content and result secret (the result goes to the reporter only)?", null,
                [new("false", "Không / No"), new("true", "Có / Yes")]),
            new(ObservedAtCode, "datetime", false, true, 2,
                "Thời điểm phát hiện / When the situation was seen", "ISO 8601 date and time with its offset, for example 2026-11-22T08:30:00+07:00", []),
        };
        for (var i = 0; i < field.Questions.Count; i++)
        {
            list.Add(Parse(field.Questions[i], QuestionCode(i + 1), list.Count + 1));
        }

        return list;
    }

    /// <summary>
    /// Reads a question. A question may end with a type in braces: <c>{number}</c>, <c>{datetime}</c>, <c>{text}</c>,
    /// <c>{string}</c>, <c>{singlevaluelist: a|b}</c> or <c>{multivaluelist: a|b}</c>; a trailing <c>*</c> inside the braces
    /// (<c>{number*}</c>) makes the answer required. Without braces a question is an optional <c>string</c>.
    /// </summary>
    internal static Open311Attribute Parse(string question, string code, int order)
    {
        var match = Regex.Match(question, @"^(?<text>.*?)\s*\{\s*(?<type>[a-z]+)\s*(?<req>\*)?\s*(?::(?<values>[^}]*))?\}\s*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success || !IsDatatype(match.Groups["type"].Value))
        {
            return new Open311Attribute(code, "string", false, true, order, question.Trim(), null, []);
        }

        var type = match.Groups["type"].Value;
        var values = type is "singlevaluelist" or "multivaluelist"
            ? match.Groups["values"].Value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select((v, i) => KeyValuePair.Create((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToList()
            : [];
        var description = type switch
        {
            "number" => "A number, with a dot for decimals",
            "datetime" => "ISO 8601 date and time with its offset",
            _ => null,
        };
        return new Open311Attribute(code, type, match.Groups["req"].Success, true, order, match.Groups["text"].Value, description, values);
    }

    private static bool IsDatatype(string type) => type is "string" or "number" or "datetime" or "text" or "singlevaluelist" or "multivaluelist";
}
