namespace FieldReports.Calendar;

/// <summary>
/// What the government (or the province) decreed for one year: explicit days off and working days, with their source.
/// </summary>
/// <remarks>
/// The listed days take precedence over the rules and the weekly rest days, date by date. When
/// <see cref="ReplacesRules"/> is <see langword="true"/>, the rules generate nothing in <see cref="Year"/> (nor
/// compensatory days for it): the listed days and the weekly rest days are the whole year, as in the schedules the
/// government announces for civil servants. When it is <see langword="false"/> (the default), the listed days are
/// laid over what the rules give, for example one extra day off; list any compensatory day explicitly.
/// </remarks>
public sealed class HolidayYearOptions
{
    /// <summary>The Gregorian year the decree is for. Required; a year may appear once in a profile.</summary>
    public int Year { get; set; }

    /// <summary>The decree or announcement (number, date, issuer), the default source of its days.</summary>
    public string? Source { get; set; }

    /// <summary>Whether the listed days replace the rules for the whole year. Default <see langword="false"/>.</summary>
    public bool ReplacesRules { get; set; }

    /// <summary>The decreed days. A date may appear once across the profile's years.</summary>
    public IList<HolidayDayOptions> Days { get; set; } = [];
}
