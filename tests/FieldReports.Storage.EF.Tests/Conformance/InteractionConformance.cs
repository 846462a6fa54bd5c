using FieldReports.Rating;
using FieldReports.Reports;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>Interactions on published results, their answers, and the unanswered count in SQL.</summary>
public abstract class InteractionConformance : StorageTestBase
{
    private static readonly InteractionPolicy Policy = new(TestProvinces.Load());

    private IInteractionStore Interactions => Services.GetRequiredService<IInteractionStore>();

    [StorageFact]
    public async Task Interaction_and_its_answer_survive_a_restart()
    {
        var at = Clock.GetCurrentInstant();
        var report = await AddPublishedAsync(at, "agency-1");
        var comment = await OpenAsync(report, InteractionKind.Comment, "Cảm ơn", at + Duration.FromMinutes(1));
        var question = await OpenAsync(report, InteractionKind.ClarificationRequest, "Khi nào sửa xong?", at + Duration.FromMinutes(2));
        Assert.NotNull(question.DueAt);

        var loaded = (await Interactions.FindAsync(TestReports.Province, question.Id, default))!;
        Assert.True(Policy.Answer(loaded, Actor.Handler("handler-1", "agency-1"), "Trong tuần này.", at + Duration.FromHours(1)).IsSuccess);
        Assert.True((await Interactions.SaveAnswerAsync(loaded, default)).IsSuccess);

        var restarted = NewServices().GetRequiredService<IInteractionStore>();
        var list = await restarted.ListForReportAsync(TestReports.Province, report.Id, default);

        Assert.Equal([comment.ToSnapshot(), loaded.ToSnapshot()], list.Select(i => i.ToSnapshot()));
        Assert.Equal("handler-1", list[1].AnsweredBy);
        Assert.Null(await restarted.FindAsync("camau", question.Id, default));
        Assert.Empty(await restarted.ListForReportAsync("camau", report.Id, default));
    }

    [StorageFact]
    public async Task Second_answer_is_refused_and_the_first_stands()
    {
        var at = Clock.GetCurrentInstant();
        var report = await AddPublishedAsync(at, "agency-1");
        var question = await OpenAsync(report, InteractionKind.ClarificationRequest, "Vì sao?", at);
        var first = (await Interactions.FindAsync(TestReports.Province, question.Id, default))!;
        var second = (await Interactions.FindAsync(TestReports.Province, question.Id, default))!;
        Policy.Answer(first, Actor.Handler("handler-1", "agency-1"), "Trả lời 1", at + Duration.FromMinutes(5));
        Policy.Answer(second, Actor.Handler("handler-2", "agency-1"), "Trả lời 2", at + Duration.FromMinutes(6));

        Assert.True((await Interactions.SaveAnswerAsync(first, default)).IsSuccess);
        Assert.Equal(ErrorCodes.InteractionAlreadyAnswered, (await Interactions.SaveAnswerAsync(second, default)).Error?.Code);
        Assert.Equal("Trả lời 1", (await Interactions.FindAsync(TestReports.Province, question.Id, default))!.Answer);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, (await Interactions.AddAsync(question, default)).Error?.Code);
    }

    [StorageFact]
    public async Task Unanswered_clarifications_are_counted_per_agency_in_the_period_as_in_memory()
    {
        var at = Clock.GetCurrentInstant();
        var a1 = await AddPublishedAsync(at, "agency-1");
        var a2 = await AddPublishedAsync(at, "agency-2");
        var all = new List<Interaction>
        {
            await OpenAsync(a1, InteractionKind.ClarificationRequest, "1", at + Duration.FromMinutes(1)),   // never answered
            await OpenAsync(a1, InteractionKind.ClarificationRequest, "2", at + Duration.FromMinutes(2)),   // answered in time
            await OpenAsync(a1, InteractionKind.ClarificationRequest, "3", at + Duration.FromMinutes(3)),   // answered late
            await OpenAsync(a1, InteractionKind.Comment, "4", at + Duration.FromMinutes(4)),                // no answer due
            await OpenAsync(a2, InteractionKind.ClarificationRequest, "5", at + Duration.FromMinutes(5)),   // never answered
            await OpenAsync(a2, InteractionKind.ClarificationRequest, "6", at + Duration.FromDays(40)),     // outside the period
        };
        await AnswerAsync(all[1], "agency-1", all[1].DueAt!.Value);
        await AnswerAsync(all[2], "agency-1", all[2].DueAt!.Value + Duration.FromMinutes(1));
        var from = at - Duration.FromDays(1);
        var to = at + Duration.FromDays(30);
        var asOf = at + Duration.FromDays(60);

        var counts = await Interactions.CountUnansweredAsync(TestReports.Province, from, to, asOf, null, default);
        var stored = await Task.WhenAll(all.Select(i => Interactions.FindAsync(TestReports.Province, i.Id, default)));
        var expected = stored.Where(i => i!.SentAt >= from && i.SentAt < to && i.IsUnansweredAt(asOf))
            .GroupBy(i => i!.AgencyId!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int> { ["agency-1"] = 2, ["agency-2"] = 1 }, counts);
        Assert.Equal(expected, counts);
        Assert.Equal(new Dictionary<string, int> { ["agency-2"] = 1 }, await Interactions.CountUnansweredAsync(TestReports.Province, from, to, asOf, "agency-2", default));
        Assert.Empty(await Interactions.CountUnansweredAsync(TestReports.Province, from, to, at, null, default));
        Assert.Empty(await Interactions.CountUnansweredAsync("camau", from, to, asOf, null, default));
    }

    private async Task<Report> AddPublishedAsync(Instant at, string agency)
    {
        var report = TestReports.Published(at, agency: agency);
        Assert.True((await Store.AddAsync(TestReports.Province, report, null, null, [], default)).IsSuccess);
        return report;
    }

    private async Task<Interaction> OpenAsync(Report report, InteractionKind kind, string text, Instant at)
    {
        var (result, interaction) = Policy.Open(report, Actor.Reporter("citizen-9"), kind, text, at);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.True((await Interactions.AddAsync(interaction!, default)).IsSuccess);
        return interaction!;
    }

    private async Task AnswerAsync(Interaction interaction, string agency, Instant at)
    {
        var loaded = (await Interactions.FindAsync(TestReports.Province, interaction.Id, default))!;
        Assert.True(Policy.Answer(loaded, Actor.Handler("handler-1", agency), "Đã trả lời", at).IsSuccess);
        Assert.True((await Interactions.SaveAnswerAsync(loaded, default)).IsSuccess);
    }
}
