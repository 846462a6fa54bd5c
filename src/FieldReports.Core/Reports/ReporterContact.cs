namespace FieldReports.Reports;

/// <summary>
/// The reporter's personal data given with a report (name, phone, e-mail). Kept apart from the report's content so it
/// can be protected, exported and erased on a lawful request without breaking the report's history; shown only to the
/// viewers the province's confidentiality policy allows. Never logged.
/// </summary>
public sealed record ReporterContact
{
    /// <summary>The reporter's name (a person or an organisation).</summary>
    public string? Name { get; init; }

    /// <summary>The phone number, in canonical form (E.164, for example <c>+84912345678</c>).</summary>
    public string? Phone { get; init; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Returns a form without the data itself, so that a contact never reaches a log by accident.</summary>
    public override string ToString() => "ReporterContact { redacted }";
}
