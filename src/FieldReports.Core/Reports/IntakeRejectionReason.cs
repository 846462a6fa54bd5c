namespace FieldReports.Reports;

/// <summary>Why reception staff refused a report at intake (Cà Mau Decision 17/2022 art. 6, 7.1a). Numeric values are stable.</summary>
public enum IntakeRejectionReason
{
    /// <summary>Content, media, time, place or contact details are missing or unclear.</summary>
    Incomplete = 0,

    /// <summary>Not a field report: a complaint, denunciation, dispute, lawsuit or administrative-procedure case (art. 1.2).</summary>
    OutOfScope = 1,

    /// <summary>Improper or non-constructive language.</summary>
    AbusiveLanguage = 2,

    /// <summary>The same situation was already reported; the report is linked to the original.</summary>
    Duplicate = 3,

    /// <summary>Not written in Vietnamese (or another language the province accepts).</summary>
    UnsupportedLanguage = 4,

    /// <summary>Sent during the province's night window and not urgent (Thừa Thiên Huế: 24:00–07:30).</summary>
    OutsideNightWindow = 5,

    /// <summary>Any other reason, explained in the note.</summary>
    Other = 6,
}
