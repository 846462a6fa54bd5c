using System.Globalization;

namespace FieldReports.Reports;

/// <summary>The identity of a report: a GUID, formatted without braces.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct ReportId(Guid Value)
{
    /// <summary>Creates a new, time-ordered (version 7) id, which keeps database indexes compact.</summary>
    public static ReportId New() => new(Guid.CreateVersion7());

    /// <summary>Parses the text form of an id.</summary>
    /// <param name="text">A GUID in any of the standard formats.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns>Whether <paramref name="text"/> is a valid id.</returns>
    public static bool TryParse(string? text, out ReportId id)
    {
        var ok = Guid.TryParse(text, CultureInfo.InvariantCulture, out var guid);
        id = new ReportId(guid);
        return ok && guid != Guid.Empty;
    }

    /// <summary>Returns the id as 32 hexadecimal digits with hyphens.</summary>
    public override string ToString() => Value.ToString("D", CultureInfo.InvariantCulture);
}
