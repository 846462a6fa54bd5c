namespace FieldReports.Provinces;

/// <summary>
/// A version of a rule that changes over time. A rule is a list of versions; at an instant, the version in force is the
/// one with the latest <see cref="EffectiveFrom"/> on or before that instant's local date in the province. A version
/// without <see cref="EffectiveFrom"/> has been in force since always. When no version is in force, the rule's default applies.
/// </summary>
public interface IEffectiveDated
{
    /// <summary>The first local date (in the province's time zone) the version is in force; <see langword="null"/> for since always.</summary>
    NodaTime.LocalDate? EffectiveFrom { get; }
}
