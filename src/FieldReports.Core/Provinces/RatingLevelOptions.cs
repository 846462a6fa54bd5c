namespace FieldReports.Provinces;

/// <summary>A level of the province's satisfaction scale.</summary>
public sealed class RatingLevelOptions
{
    /// <summary>The level's stable code, for example <c>satisfied</c>. Required, unique.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The Vietnamese name, for example <c>Hài lòng</c>. Required.</summary>
    public string NameVi { get; set; } = string.Empty;

    /// <summary>The English name. Optional.</summary>
    public string? NameEn { get; set; }

    /// <summary>Whether this level obliges the agency to clarify and interact. At least one level must not.</summary>
    public bool OpensFollowUp { get; set; }
}
