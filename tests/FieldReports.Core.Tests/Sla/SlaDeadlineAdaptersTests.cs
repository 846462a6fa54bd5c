using FieldReports.Core.Tests.Provinces;
using FieldReports.Rating;
using FieldReports.Reports;
using FieldReports.Sla;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Core.Tests.Sla;

public class SlaDeadlineAdaptersTests
{
    [Fact]
    public void Clarification_sent_on_Friday_afternoon_is_due_on_Monday_afternoon_not_Saturday()
    {
        var services = SeedProvinces.Services("hue");
        var deadline = services.GetRequiredService<IClarificationDeadline>();
        var hue = SeedProvinces.Load("hue");

        // Friday 6 March 2026, 16:00 in Huế: "answer within 1 day" is one working day.
        var due = deadline.DueAt(hue, SeedProvinces.Local(2026, 3, 6, 16, 0));

        Assert.IsType<SlaClarificationDeadline>(deadline);
        Assert.Equal(SeedProvinces.Local(2026, 3, 9, 16, 0), due);
    }

    [Fact]
    public void Statistics_deadlines_are_the_SLA_clocks_step_deadlines()
    {
        var caMau = SeedProvinces.Load("ca-mau");
        var at = SeedProvinces.Local(2026, 3, 2, 9, 0);
        var report = SeedProvinces.Published("ca-mau", at, "agency-1");
        var deadlines = new SlaStepDeadlines(caMau);

        var submit = report.Events[0];
        var assign = report.Events.First(e => e.Trigger == ReportTrigger.Assign);

        Assert.Equal(SeedProvinces.Local(2026, 3, 2, 11, 0), deadlines.DueAt(report, submit));
        Assert.Equal(SeedProvinces.Local(2026, 3, 2, 15, 0), deadlines.DueAt(report, assign));
        Assert.Null(deadlines.DueAt(report, report.Events.First(e => e.Trigger == ReportTrigger.Acknowledge)));
    }
}
