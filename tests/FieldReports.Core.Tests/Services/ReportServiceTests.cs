using FieldReports.Core.Tests.Provinces;
using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Services;
using FieldReports.Sla;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace FieldReports.Core.Tests.Services;

public class ReportServiceTests
{
    // Monday 2 March 2026, 09:00 in Cà Mau: a working day.
    private static readonly Instant MondayMorning = SeedProvinces.Local(2026, 3, 2, 9, 0);

    [Fact]
    public async Task Accepted_submission_is_stored_with_its_contact_its_distribution_deadline_and_one_message()
    {
        var (service, store, _) = Create(MondayMorning);

        var outcome = await service.SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), null, CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Error?.ToString());
        var saved = Assert.Single(store.Reports.Values);
        Assert.Equal(outcome.Report!.Id, saved.Report.Id);
        Assert.Equal("+84912345678", saved.Contact?.Phone);
        // Cà Mau art. 7: 2 working hours to receive and distribute.
        Assert.Equal(SlaStep.ReceiveAndDistribute, outcome.CurrentStep?.Step);
        Assert.Equal(SeedProvinces.Local(2026, 3, 2, 11, 0), saved.Deadline);
        var message = Assert.Single(store.Messages);
        Assert.Equal("report.submit", message.Type);
        Assert.DoesNotContain("Nguyễn", message.PayloadJson, StringComparison.Ordinal);
        Assert.DoesNotContain("0912", message.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_submission_stores_nothing_and_gives_bilingual_reasons()
    {
        var (service, store, _) = Create(MondayMorning);

        var outcome = await service.SubmitAsync("ca-mau", SeedProvinces.Draft() with { Description = " " }, Actor.Reporter("citizen-1"), null, CancellationToken.None);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(ErrorCodes.IntakeContentRequired, outcome.Error?.Code);
        Assert.All(outcome.Rejections, r => Assert.False(string.IsNullOrWhiteSpace(r.MessageVi)));
        Assert.Empty(store.Reports);
        Assert.Empty(store.Messages);
    }

    [Fact]
    public async Task Command_moves_the_stored_report_and_sets_the_next_steps_deadline()
    {
        var (service, store, clock) = Create(MondayMorning);
        var id = (await service.SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), null, CancellationToken.None)).Report!.Id;
        clock.Advance(Duration.FromMinutes(30));
        Assert.True((await service.ApplyAsync("ca-mau", id, new ReceiveCommand("environment"), Actor.Reception("r-1"), CancellationToken.None)).IsSuccess);

        var assigned = await service.ApplyAsync("ca-mau", id, new AssignCommand("agency-env"), Actor.Reception("r-1"), CancellationToken.None);

        Assert.True(assigned.IsSuccess, assigned.Error?.ToString());
        Assert.Equal(ReportState.Assigned, store.Reports[id].Report.State);
        // Handling: 4 working hours from 09:30 → 13:30 + lunch break (11:30–13:30) = 15:30.
        Assert.Equal(SlaStep.Handle, assigned.CurrentStep?.Step);
        Assert.Equal(SeedProvinces.Local(2026, 3, 2, 15, 30), store.Reports[id].Deadline);
        Assert.Equal(["report.submit", "report.receive", "report.assign"], store.Messages.Select(m => m.Type));
    }

    [Fact]
    public async Task Refused_command_and_unknown_report_and_province_store_nothing()
    {
        var (service, store, _) = Create(MondayMorning);
        var id = (await service.SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), null, CancellationToken.None)).Report!.Id;

        var refused = await service.ApplyAsync("ca-mau", id, new AcknowledgeCommand(), Actor.Handler("h-1", "agency-env"), CancellationToken.None);
        var missing = await service.ApplyAsync("ca-mau", ReportId.New(), new ReceiveCommand("environment"), Actor.Reception("r-1"), CancellationToken.None);
        var otherProvince = await service.ApplyAsync("hue", id, new ReceiveCommand("environment"), Actor.Reception("r-1"), CancellationToken.None);
        var badRating = await service.ApplyAsync("ca-mau", id, new RateCommand(new RatingLevel("excellent", false)), Actor.Reporter("citizen-1"), CancellationToken.None);

        Assert.Equal(ErrorCodes.TransitionNotPermitted, refused.Error?.Code);
        Assert.Equal(ErrorCodes.ReportNotFound, missing.Error?.Code);
        Assert.Equal(ErrorCodes.ProvinceUnknown, otherProvince.Error?.Code);
        Assert.Equal(ErrorCodes.RatingLevelUnknown, badRating.Error?.Code);
        Assert.Equal(1, store.Reports[id].Report.Version);
        Assert.Single(store.Messages);
    }

    [Fact]
    public async Task Concurrent_change_is_reported_as_a_conflict()
    {
        var (service, store, _) = Create(MondayMorning);
        var id = (await service.SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), null, CancellationToken.None)).Report!.Id;
        store.FailNextSaveWithConflict = true;

        var outcome = await service.ApplyAsync("ca-mau", id, new ReceiveCommand("environment"), Actor.Reception("r-1"), CancellationToken.None);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, outcome.Error?.Code);
        Assert.Equal(ReportState.Submitted, store.Reports[id].Report.State);
    }

    [Fact]
    public async Task Commands_naming_a_field_or_agency_the_province_does_not_have_are_refused_and_nothing_is_saved_6()
    {
        var (service, store, _) = Create(MondayMorning);
        var id = (await service.SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), null, CancellationToken.None)).Report!.Id;

        var unknownField = await service.ApplyAsync("ca-mau", id, new ReceiveCommand("flooding"), Actor.Reception("r-1"), CancellationToken.None);
        Assert.True((await service.ApplyAsync("ca-mau", id, new ReceiveCommand("environment"), Actor.Reception("r-1"), CancellationToken.None)).IsSuccess);
        var unknownAgency = await service.ApplyAsync("ca-mau", id, new AssignCommand("ubnd-p2"), Actor.Reception("r-1"), CancellationToken.None);

        Assert.Equal(ErrorCodes.FieldUnknown, unknownField.Error?.Code);
        Assert.Equal(ErrorCodes.AgencyUnknown, unknownAgency.Error?.Code);
        Assert.Equal(ReportState.Received, store.Reports[id].Report.State);
        Assert.Equal(2, store.Messages.Count);
    }

    [Fact]
    public async Task Command_on_a_report_already_read_saves_it_without_reading_it_again_and_refuses_a_stale_copy()
    {
        var (service, store, _) = Create(MondayMorning);
        var id = (await service.SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), null, CancellationToken.None)).Report!.Id;
        var read = (await store.FindAsync("ca-mau", id, CancellationToken.None))!;
        var stale = (await store.FindAsync("ca-mau", id, CancellationToken.None))!;
        var readsBefore = store.Reads;

        var received = await service.ApplyAsync(read, new ReceiveCommand("environment"), Actor.Reception("r-1"), CancellationToken.None);
        var late = await service.ApplyAsync(stale, new RejectCommand(IntakeRejectionReason.OutOfScope, "Not a field report."), Actor.Reception("r-2"), CancellationToken.None);

        Assert.True(received.IsSuccess, received.Error?.ToString());
        Assert.Equal(readsBefore, store.Reads);
        Assert.Equal(ReportState.Received, store.Reports[id].Report.State);
        Assert.Equal(2, store.Reports[id].Report.Version);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, late.Error?.Code);
        Assert.Equal(2, store.Messages.Count);
    }


    [Fact]
    public async Task An_account_nobody_moderated_is_stored_without_reading_its_record_when_the_store_checks_it_in_the_insert()
    {
        var (service, store, moderation) = CreateWithModeration(storeChecksModeration: true);

        var outcome = await service.SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), null, CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Error?.ToString());
        Assert.Single(store.Reports);
        Assert.Equal(0, moderation.Loads);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_locked_account_is_refused_and_nothing_is_stored_whether_or_not_the_store_checks_it(bool storeChecksModeration)
    {
        var (service, store, moderation) = CreateWithModeration(storeChecksModeration);
        moderation.Lock("citizen-1", MondayMorning);

        var outcome = await service.SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), null, CancellationToken.None);

        Assert.Equal(ErrorCodes.IntakeAccountLocked, outcome.Error?.Code);
        Assert.Empty(store.Reports);
        Assert.Empty(store.Messages);
        Assert.Equal(1, moderation.Loads);
    }

    [Fact]
    public async Task An_account_with_a_lifted_lock_is_stored_after_its_record_is_read()
    {
        var (service, store, moderation) = CreateWithModeration(storeChecksModeration: true);
        moderation.Lock("citizen-1", MondayMorning - Duration.FromDays(1), until: MondayMorning - Duration.FromHours(1));

        var outcome = await service.SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), null, CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Error?.ToString());
        var stored = Assert.Single(store.Reports.Values);
        Assert.Equal(outcome.Report!.Id, stored.Report.Id);
        Assert.Single(store.Messages);
        Assert.Equal(1, moderation.Loads);
    }

    [Fact]
    public async Task A_locked_accounts_invalid_draft_is_refused_for_the_lock_too()
    {
        var (service, store, moderation) = CreateWithModeration(storeChecksModeration: true);
        moderation.Lock("citizen-1", MondayMorning);

        var outcome = await service.SubmitAsync("ca-mau", SeedProvinces.Draft() with { Description = " " }, Actor.Reporter("citizen-1"), null, CancellationToken.None);

        Assert.Equal(ErrorCodes.IntakeAccountLocked, outcome.Error?.Code);
        Assert.Empty(store.Reports);
    }

    [Fact]
    public async Task A_record_the_caller_gives_is_used_as_it_is()
    {
        var (service, store, moderation) = CreateWithModeration(storeChecksModeration: true);
        moderation.Lock("citizen-1", MondayMorning);

        // The caller read the record before the lock was stored: its own record decides, and the store does not check again.
        var outcome = await service.SubmitAsync("ca-mau", SeedProvinces.Draft(), Actor.Reporter("citizen-1"), new AccountModeration("ca-mau", "citizen-1"), CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Error?.ToString());
        Assert.Single(store.Reports);
        Assert.Equal(0, moderation.Loads);
    }

    private static (ReportService Service, InMemoryReportStore Store, InMemoryModerationStore Moderation) CreateWithModeration(bool storeChecksModeration)
    {
        var (service, store, _, provider) = CreateCore(MondayMorning, services => services.AddSingleton<IAccountModerationStore, InMemoryModerationStore>());
        var moderation = (InMemoryModerationStore)provider.GetRequiredService<IAccountModerationStore>();
        moderation.Profile = provider.GetRequiredService<ProvinceCatalog>().Find("ca-mau")!;
        if (storeChecksModeration)
        {
            store.Moderated = moderation.HasRecord;
        }

        return (service, store, moderation);
    }

    private static (ReportService Service, InMemoryReportStore Store, FakeClock Clock) Create(Instant now)
    {
        var (service, store, clock, _) = CreateCore(now, _ => { });
        return (service, store, clock);
    }

    private static (ReportService Service, InMemoryReportStore Store, FakeClock Clock, IServiceProvider Provider) CreateCore(Instant now, Action<IServiceCollection> configure)
    {
        var clock = new FakeClock(now);
        var store = new InMemoryReportStore();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<IReportStore>(store);
        configure(services);
        services.AddFieldReports().AddProvince("ca-mau", p =>
        {
            p.DisplayName = "Cà Mau";
            p.Fields.Add(new FieldOptions { Code = "environment", NameVi = "Môi trường" });
            p.Agencies.Add(new AgencyOptions { Id = "agency-env", Name = "Sở Tài nguyên và Môi trường" });
        });
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<ReportService>(), store, clock, provider);
    }

    /// <summary>A moderation store double that counts its loads.</summary>
    private sealed class InMemoryModerationStore : IAccountModerationStore
    {
        private readonly Dictionary<string, AccountModeration> _records = [];

        public ProvinceProfile Profile { get; set; } = null!;

        public int Loads { get; private set; }

        public bool HasRecord(string accountId) => _records.ContainsKey(accountId);

        public void Lock(string accountId, Instant at, Instant? until = null)
        {
            var record = new AccountModeration("ca-mau", accountId);
            Assert.True(record.Impose(Profile, SanctionKind.AccountLock, Actor.Administrator("admin-1"), "Lời lẽ xúc phạm", at, until).IsSuccess);
            _records[accountId] = record;
        }

        public Task<AccountModeration> LoadAsync(string provinceId, string accountId, CancellationToken cancellationToken)
        {
            Loads++;
            return Task.FromResult(_records.TryGetValue(accountId, out var record) ? record : new AccountModeration(provinceId, accountId));
        }

        public Task<DomainResult> SaveAsync(string provinceId, AccountModeration account, int expectedVersion, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<KeyValuePair<string, ModerationDecision>>> ListDecisionsAsync(string provinceId, Instant from, Instant to, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    /// <summary>A store double that keeps snapshots, so the service's reads and writes are observable.</summary>
    private sealed class InMemoryReportStore : IReportStore
    {
        public Dictionary<ReportId, (Report Report, ReporterContact? Contact, Instant? Deadline)> Reports { get; } = [];

        public List<OutboxMessage> Messages { get; } = [];

        public bool FailNextSaveWithConflict { get; set; }

        /// <summary>When set, the store checks the account in the insert, as the EF Core store does.</summary>
        public Func<string, bool>? Moderated { get; set; }

        public async Task<DomainResult?> AddUnlessAccountModeratedAsync(string provinceId, Report report, ReporterContact? contact, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, IReadOnlyCollection<AttachmentMetadata> attachments, CancellationToken cancellationToken) =>
            Moderated is null || Moderated(report.ReporterAccountId) ? (DomainResult?)null : await AddAsync(provinceId, report, contact, currentDeadline, messages, cancellationToken);

        public Task<DomainResult> AddAsync(string provinceId, Report report, ReporterContact? contact, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            Reports[report.Id] = (Report.Restore(report.ToSnapshot()), contact, currentDeadline);
            Messages.AddRange(messages);
            return Task.FromResult(DomainResult.Success);
        }

        public int Reads { get; private set; }

        public Task<Report?> FindAsync(string provinceId, ReportId id, CancellationToken cancellationToken) =>
            Task.FromResult(++Reads > 0 && Reports.TryGetValue(id, out var r) && r.Report.ProvinceId == provinceId ? Report.Restore(r.Report.ToSnapshot()) : null);

        public Task<DomainResult> SaveAsync(string provinceId, Report report, int expectedVersion, Instant? currentDeadline, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            var current = Reports[report.Id];
            if (FailNextSaveWithConflict || current.Report.Version != expectedVersion)
            {
                FailNextSaveWithConflict = false;
                return Task.FromResult(DomainResult.Failure(new DomainError(ErrorCodes.ConcurrencyConflict, ErrorKind.Conflict, "changed")));
            }

            Reports[report.Id] = (Report.Restore(report.ToSnapshot()), current.Contact, currentDeadline);
            Messages.AddRange(messages);
            return Task.FromResult(DomainResult.Success);
        }
    }
}
