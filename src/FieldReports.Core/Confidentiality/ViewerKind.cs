namespace FieldReports.Confidentiality;

/// <summary>Who is looking at a report, as the confidentiality policy distinguishes them. Numeric values are stable.</summary>
public enum ViewerKind
{
    /// <summary>Anyone, on the public app or portal.</summary>
    Public = 0,

    /// <summary>The reporter who sent the report.</summary>
    Reporter = 1,

    /// <summary>Reception staff of the centre, who receive and keep reporters' data.</summary>
    ReceptionStaff = 2,

    /// <summary>Handling staff of the agency the report is assigned to.</summary>
    AssignedAgency = 3,

    /// <summary>Staff of any other agency.</summary>
    OtherAgency = 4,

    /// <summary>Leaders who monitor and read summaries.</summary>
    Leader = 5,

    /// <summary>Administrators of the province's system.</summary>
    Administrator = 6,
}
