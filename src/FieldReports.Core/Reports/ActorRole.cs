namespace FieldReports.Reports;

/// <summary>The roles named by the regulations, as they act on reports. Numeric values are stable and may be stored.</summary>
public enum ActorRole
{
    /// <summary>A citizen or organisation that sends reports (tổ chức, cá nhân phản ánh).</summary>
    Reporter = 0,

    /// <summary>Reception staff of the coordination centre (nhân sự tiếp nhận): check, classify, route.</summary>
    ReceptionStaff = 1,

    /// <summary>Handling staff of an agency (nhân sự xử lý); acts only on reports assigned to their agency.</summary>
    HandlingStaff = 2,

    /// <summary>The centre's approver, who checks results before publication (phê duyệt).</summary>
    Approver = 3,

    /// <summary>A leader who monitors and reads statistics; fires no workflow trigger.</summary>
    Leader = 4,

    /// <summary>An administrator of the province's system.</summary>
    Administrator = 5,

    /// <summary>The system itself (the SLA monitor, scheduled closing).</summary>
    System = 6,
}
