using System.Collections.Immutable;

namespace FieldReports.Provinces;

/// <summary>
/// The part of a province's profile that administrators edit at run time: its fields (with their questions) and its agency
/// tree, in the shapes of <see cref="ProvinceOptions.Fields"/> and <see cref="ProvinceOptions.Agencies"/>. The rest of the
/// profile (channels, areas, routing rules, time limits…) stays configuration.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: the constructor copies the options it is given, so changing them afterwards changes nothing
/// here; do not change the copies <see cref="Fields"/> and <see cref="Agencies"/> return either.
/// </remarks>
public sealed class ProvinceCatalogue
{
    /// <summary>Creates a catalogue from copies of the given fields and agencies, in their order.</summary>
    /// <param name="fields">The fields.</param>
    /// <param name="agencies">The agencies, any depth.</param>
    /// <exception cref="ArgumentNullException">An argument or one of its items is null.</exception>
    public ProvinceCatalogue(IEnumerable<FieldOptions> fields, IEnumerable<AgencyOptions> agencies)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(agencies);
        Fields = [.. fields.Select(Copy)];
        Agencies = [.. agencies.Select(Copy)];
    }

    /// <summary>The fields, in the order given.</summary>
    public ImmutableArray<FieldOptions> Fields { get; }

    /// <summary>The agencies, in the order given.</summary>
    public ImmutableArray<AgencyOptions> Agencies { get; }

    /// <summary>The catalogue a province's options configure.</summary>
    /// <param name="options">The province's options.</param>
    /// <returns>A copy of its fields and agencies.</returns>
    public static ProvinceCatalogue From(ProvinceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProvinceCatalogue(options.Fields, options.Agencies);
    }

    private static FieldOptions Copy(FieldOptions field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var copy = new FieldOptions { Code = field.Code, NameVi = field.NameVi, NameEn = field.NameEn };
        foreach (var q in field.Questions)
        {
            copy.Questions.Add(q);
        }

        return copy;
    }

    private static AgencyOptions Copy(AgencyOptions agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var copy = new AgencyOptions { Id = agency.Id, Name = agency.Name, Parent = agency.Parent, Kind = agency.Kind };
        foreach (var f in agency.Fields)
        {
            copy.Fields.Add(f);
        }

        foreach (var a in agency.Areas)
        {
            copy.Areas.Add(a);
        }

        return copy;
    }
}
