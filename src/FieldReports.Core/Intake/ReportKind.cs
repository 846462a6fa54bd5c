namespace FieldReports.Intake;

/// <summary>
/// What a channel says a submission is. Only <see cref="FieldReport"/> enters the field-report process; the others are
/// handled under other laws (Cà Mau art. 1.2; Huế Decision 30/2022) and are rejected as out of scope. Numeric values are stable.
/// </summary>
public enum ReportKind
{
    /// <summary>A field report (phản ánh hiện trường). The default.</summary>
    FieldReport = 0,

    /// <summary>A complaint (khiếu nại).</summary>
    Complaint = 1,

    /// <summary>A denunciation (tố cáo).</summary>
    Denunciation = 2,

    /// <summary>A dispute (tranh chấp).</summary>
    Dispute = 3,

    /// <summary>A lawsuit (khởi kiện).</summary>
    Lawsuit = 4,

    /// <summary>An administrative-procedure case (thủ tục hành chính).</summary>
    AdministrativeProcedure = 5,
}
