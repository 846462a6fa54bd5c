namespace FieldReports.Provinces;

/// <summary>A field (lĩnh vực) reports are classified into.</summary>
public sealed class FieldOptions
{
    /// <summary>The stable code of the field, for example <c>traffic_safety</c>. Required, unique in the province.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The Vietnamese name. Required.</summary>
    public string NameVi { get; set; } = string.Empty;

    /// <summary>The English name. Optional.</summary>
    public string? NameEn { get; set; }

    /// <summary>Extra questions the channel asks for this field (for example the licence plate in traffic safety). Optional.</summary>
    public IList<string> Questions { get; } = [];
}
