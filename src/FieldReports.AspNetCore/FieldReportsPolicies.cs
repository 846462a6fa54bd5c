namespace FieldReports.AspNetCore;

/// <summary>The names of the authorization policies FieldReports registers, one per role of the regulation.</summary>
/// <remarks>Policies check the role only; resource checks (the assigned agency, the report's own reporter) are made by the domain on every request.</remarks>
public static class FieldReportsPolicies
{
    /// <summary>A signed-in reporter.</summary>
    public const string Reporter = "FieldReports.Reporter";

    /// <summary>Reception staff of the centre.</summary>
    public const string Reception = "FieldReports.Reception";

    /// <summary>The centre's approver.</summary>
    public const string Approver = "FieldReports.Approver";

    /// <summary>Handling staff of an agency.</summary>
    public const string Handling = "FieldReports.Handling";

    /// <summary>Leaders who monitor.</summary>
    public const string Leader = "FieldReports.Leader";

    /// <summary>Administrators.</summary>
    public const string Administrator = "FieldReports.Administrator";

    /// <summary>The centre's staff (reception, approver, administrator) or a reporter; resource checks narrow a reporter to their own reports.</summary>
    public const string CentreOrReporter = "FieldReports.CentreOrReporter";

    /// <summary>The centre's staff: reception, approver, administrator.</summary>
    public const string Centre = "FieldReports.Centre";

    /// <summary>Any staff role (reception, approver, handling, leader, administrator).</summary>
    public const string Staff = "FieldReports.Staff";
}
