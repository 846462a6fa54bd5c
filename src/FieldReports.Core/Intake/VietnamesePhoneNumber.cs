using System.Diagnostics.CodeAnalysis;

namespace FieldReports.Intake;

/// <summary>Vietnamese phone numbers in their canonical form, E.164 (<c>+84</c> and the national number without its leading 0).</summary>
public static class VietnamesePhoneNumber
{
    /// <summary>
    /// Normalises a Vietnamese phone number to E.164. Accepts <c>0912345678</c>, <c>84912345678</c>, <c>+84 912 345 678</c>,
    /// <c>0084…</c>, with spaces, dots, dashes or parentheses between digits. The national number must be a mobile
    /// number (9 digits starting 3, 5, 7, 8 or 9) or a landline (10 digits starting 2).
    /// </summary>
    /// <param name="input">The number as typed.</param>
    /// <param name="e164">The canonical form, for example <c>+84912345678</c>, when valid.</param>
    /// <returns>Whether <paramref name="input"/> is a valid Vietnamese number.</returns>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var text = input.Trim();
        var plus = text.StartsWith('+');
        var digits = new System.Text.StringBuilder();
        foreach (var c in plus ? text[1..] : text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')'))
            {
                return false;
            }
        }

        var d = digits.ToString();
        string national;
        if (plus)
        {
            if (!d.StartsWith("84", StringComparison.Ordinal))
            {
                return false;
            }

            national = d[2..];
        }
        else if (d.StartsWith("0084", StringComparison.Ordinal))
        {
            national = d[4..];
        }
        else if (d.StartsWith('0'))
        {
            national = d[1..];
        }
        else if (d.StartsWith("84", StringComparison.Ordinal) && d.Length is 11 or 12)
        {
            national = d[2..];
        }
        else
        {
            return false;
        }

        var valid = (national.Length == 9 && national[0] is '3' or '5' or '7' or '8' or '9')
            || (national.Length == 10 && national[0] == '2');
        if (!valid)
        {
            return false;
        }

        e164 = "+84" + national;
        return true;
    }
}
