namespace FieldReports.Provinces;

/// <summary>An administrative area (province, district, commune…), any depth.</summary>
public sealed class AreaOptions
{
    /// <summary>The area's code, as reports carry it in <c>ReportContent.AreaCode</c>. Required, unique in the province.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The area's name. Optional.</summary>
    public string? Name { get; set; }

    /// <summary>The code of the area that contains it; <see langword="null"/> for a top-level area.</summary>
    public string? Parent { get; set; }
}
