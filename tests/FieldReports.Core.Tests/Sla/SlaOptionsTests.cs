using FieldReports.Reports;
using FieldReports.Sla;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace FieldReports.Tests.Sla;

public class SlaOptionsTests
{
    private static readonly SlaOptionsValidator Validator = new();

    private static string Errors(SlaOptions options) => string.Join("\n", Validator.Validate(null, options).Failures ?? []);

    [Fact]
    public void Default_policy_has_the_Ca_Mau_figures()
    {
        var policy = SlaPolicy.Default;

        Assert.Equal((Duration.FromHours(2), Duration.FromHours(12)), (policy[SlaStep.ReceiveAndDistribute].WorkingTime, policy[SlaStep.ReceiveAndDistribute].DayOff));
        Assert.Equal((Duration.FromHours(4), Duration.FromHours(24)), (policy[SlaStep.Handle].WorkingTime, policy[SlaStep.Handle].DayOff));
        Assert.Equal((Duration.FromHours(1), Duration.FromHours(12)), (policy[SlaStep.ReturnAsWrongCompetence].WorkingTime, policy[SlaStep.ReturnAsWrongCompetence].DayOff));
        Assert.Equal((Duration.FromHours(2), Duration.FromHours(12)), (policy[SlaStep.ApproveAndPublish].WorkingTime, policy[SlaStep.ApproveAndPublish].DayOff));
        Assert.Equal(1, policy[SlaStep.AnswerInteraction].WorkingDays);
        Assert.Equal(0.75, policy.WarningThreshold);
        Assert.Equal([ReportState.Escalated], policy.PauseStates);
    }

    [Fact]
    public void Step_with_only_a_working_day_budget_is_reported()
    {
        var options = new SlaOptions();
        options.Handle.DayOff = null;

        Assert.Contains("Handle: set both WorkingTime", Errors(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Step_with_both_working_days_and_hours_is_reported()
    {
        var options = new SlaOptions();
        options.Handle.WorkingDays = 1;

        Assert.Contains("Handle: set either WorkingDays or WorkingTime and DayOff, not both", Errors(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_budget_and_threshold_out_of_range_are_reported()
    {
        var options = new SlaOptions { WarningThreshold = 75 };
        options.ApproveAndPublish.WorkingTime = TimeSpan.Zero;

        var errors = Errors(options);

        Assert.Contains("ApproveAndPublish.WorkingTime must be positive", errors, StringComparison.Ordinal);
        Assert.Contains("WarningThreshold must be more than 0 and at most 1", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Pause_state_that_starts_a_step_is_reported()
    {
        Assert.Contains("Assigned starts or continues a step", Errors(new SlaOptions { PauseStates = [ReportState.Assigned] }), StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_a_policy_from_invalid_options_throws_with_the_problem()
    {
        var ex = Assert.Throws<ArgumentException>(() => SlaPolicy.Create(new SlaOptions { WarningThreshold = 0 }));

        Assert.Contains("WarningThreshold", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_bind_from_json_keeping_defaults_for_steps_not_mentioned()
    {
        var json = """
            { "Sla": {
                "WarningThreshold": 0.8,
                "OutOfHours": "TreatAsDayOff",
                "PauseStates": [ "Escalated" ],
                "Handle": { "WorkingTime": "08:00:00", "DayOff": "2.00:00:00", "Urgent": "01:00:00" },
                "AnswerInteraction": { "WorkingDays": 2 }
            } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        var options = configuration.GetSection("Sla").Get<SlaOptions>()!;

        Assert.True(Validator.Validate(null, options).Succeeded, Errors(options));
        var policy = SlaPolicy.Create(options);
        Assert.Equal(Duration.FromHours(8), policy[SlaStep.Handle].WorkingTime);
        Assert.Equal(Duration.FromDays(2), policy[SlaStep.Handle].DayOff);
        Assert.Equal(Duration.FromHours(1), policy[SlaStep.Handle].Urgent);
        Assert.Equal(OutOfHoursPolicy.TreatAsDayOff, policy[SlaStep.Handle].OutOfHours);
        Assert.Equal(2, policy[SlaStep.AnswerInteraction].WorkingDays);
        Assert.Equal(Duration.FromHours(2), policy[SlaStep.ReceiveAndDistribute].WorkingTime);
        Assert.Equal(0.8, policy.WarningThreshold);
        Assert.Equal([ReportState.Escalated], policy.PauseStates);
    }
}
