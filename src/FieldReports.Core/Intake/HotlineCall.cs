using FieldReports.Reports;

namespace FieldReports.Intake;

/// <summary>What reception staff note down from a hotline call (Quảng Bình 1022; Huế 19001075), to enter a report on the caller's behalf.</summary>
public sealed record HotlineCall
{
    /// <summary>The caller's name.</summary>
    public string? CallerName { get; init; }

    /// <summary>The caller's phone number (the number that called, or the one they gave).</summary>
    public string? CallerPhone { get; init; }

    /// <summary>The caller's e-mail, if they gave one.</summary>
    public string? CallerEmail { get; init; }

    /// <summary>The caller's reporter account, when they have one; otherwise one is derived from the phone number.</summary>
    public string? ReporterAccountId { get; init; }

    /// <summary>What the caller reports, as staff wrote it down.</summary>
    public required string Description { get; init; }

    /// <summary>The place, as the caller described it.</summary>
    public string? Address { get; init; }

    /// <summary>The place, if staff located it on the map.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The area, if staff know it.</summary>
    public string? AreaCode { get; init; }

    /// <summary>A category staff picked (for example <c>fire</c>).</summary>
    public string? Category { get; init; }

    /// <summary>Whether staff judged it urgent.</summary>
    public bool Urgent { get; init; }

    /// <summary>Whether the caller asked for secrecy of content and result.</summary>
    public bool Confidential { get; init; }
}
