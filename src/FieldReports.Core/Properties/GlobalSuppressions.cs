using System.Diagnostics.CodeAnalysis;

// The parameter name of the shared day-classification contract is kept as agreed with its implementers; "date" is
// the natural name in this domain and only collides with a Visual Basic keyword.
[assembly: SuppressMessage(
    "Naming",
    "CA1716:Identifiers should not match keywords",
    Justification = "Shared contract; 'date' is the domain term.",
    Scope = "member",
    Target = "~M:FieldReports.Calendar.IHolidayCalendar.Classify(NodaTime.LocalDate)~FieldReports.Calendar.DayClassification")]
