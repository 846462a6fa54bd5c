using System.Diagnostics.CodeAnalysis;

// "date" is the natural name for a LocalDate parameter; Visual Basic's Date keyword is no obstacle to implementing the interface.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "A date parameter is named date.", Scope = "member", Target = "~M:FieldReports.Calendar.IHolidayCalendar.Classify(NodaTime.LocalDate)~FieldReports.Calendar.DayClassification")]
