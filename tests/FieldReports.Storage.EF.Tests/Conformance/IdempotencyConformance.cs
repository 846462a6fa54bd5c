using FieldReports.Storage.EF.Model;
using FieldReports.Storage.EF.Stores;
using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>Idempotency keys shared by host instances: one claim wins, completed keys replay, expired keys are taken over.</summary>
public abstract class IdempotencyConformance : StorageTestBase
{
    private const string Scope = "hue\ncitizen-1";

    private IIdempotencyStore Keys => Services.GetRequiredService<IIdempotencyStore>();

    private Instant Now => Clock.GetCurrentInstant();

    private Instant Expiry => Now + Duration.FromHours(24);

    [StorageFact]
    public void Entity_framework_registration_replaces_the_in_memory_store()
    {
        Assert.Equal("EfIdempotencyStore`1", Keys.GetType().Name);
    }

    [StorageFact]
    public async Task Parallel_claims_of_one_key_from_two_instances_give_exactly_one_claim()
    {
        var stores = new[] { Keys, NewServices().GetRequiredService<IIdempotencyStore>() };
        using var start = new ManualResetEventSlim();
        var claims = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await stores[i % 2].TryClaimAsync(Scope, "key-1", "fp-a", Now, Expiry, default);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(claims);

        Assert.Single(outcomes, o => o.Status == IdempotencyClaimStatus.Claimed);
        Assert.All(outcomes.Where(o => o.Status != IdempotencyClaimStatus.Claimed), o => Assert.Equal(IdempotencyClaimStatus.InFlight, o.Status));
        await using var db = NewContext();
        Assert.Equal(1, await db.Set<IdempotencyKeyRow>().CountAsync());
    }

    [StorageFact]
    public async Task Completed_key_replays_its_response_after_a_restart()
    {
        Assert.Equal(IdempotencyClaimStatus.Claimed, (await Keys.TryClaimAsync(Scope, "key-1", "fp-a", Now, Expiry, default)).Status);
        var response = new IdempotentResponse(201, "application/json", "/api/v1/provinces/hue/reports/42", "{\"title\":\"Ổ gà đường Lê Lợi\"}");
        await Keys.CompleteAsync(Scope, "key-1", response, default);

        Clock.Advance(Duration.FromMinutes(5));
        var restarted = NewServices().GetRequiredService<IIdempotencyStore>();
        var replay = await restarted.TryClaimAsync(Scope, "key-1", "fp-a", Now, Expiry, default);

        Assert.Equal(IdempotencyClaimStatus.Completed, replay.Status);
        Assert.Equal(response, replay.Response);
    }

    [StorageFact]
    public async Task Key_reused_with_another_payload_is_refused_in_flight_and_after_completion()
    {
        await Keys.TryClaimAsync(Scope, "key-1", "fp-a", Now, Expiry, default);
        Assert.Equal(IdempotencyClaimStatus.FingerprintMismatch, (await Keys.TryClaimAsync(Scope, "key-1", "fp-b", Now, Expiry, default)).Status);

        await Keys.CompleteAsync(Scope, "key-1", new IdempotentResponse(201, "application/json", null, "{}"), default);
        var reused = await Keys.TryClaimAsync(Scope, "key-1", "fp-b", Now, Expiry, default);
        Assert.Equal(IdempotencyClaimStatus.FingerprintMismatch, reused.Status);
        Assert.Null(reused.Response);
    }

    [StorageFact]
    public async Task Same_key_of_another_client_is_another_request()
    {
        await Keys.TryClaimAsync(Scope, "key-1", "fp-a", Now, Expiry, default);
        Assert.Equal(IdempotencyClaimStatus.Claimed, (await Keys.TryClaimAsync("hue\ncitizen-2", "key-1", "fp-b", Now, Expiry, default)).Status);
    }

    [StorageFact]
    public async Task Expired_key_is_taken_over_by_exactly_one_of_many_parallel_claims()
    {
        await Keys.TryClaimAsync(Scope, "key-1", "fp-a", Now, Now + Duration.FromHours(1), default);
        await Keys.CompleteAsync(Scope, "key-1", new IdempotentResponse(201, "application/json", null, "{\"old\":true}"), default);

        Clock.Advance(Duration.FromHours(1));
        var stores = new[] { Keys, NewServices().GetRequiredService<IIdempotencyStore>() };
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => stores[i % 2].TryClaimAsync(Scope, "key-1", "fp-new", Now, Expiry, default))));

        Assert.Single(outcomes, o => o.Status == IdempotencyClaimStatus.Claimed);
        Assert.All(outcomes.Where(o => o.Status != IdempotencyClaimStatus.Claimed), o => Assert.Equal(IdempotencyClaimStatus.InFlight, o.Status));
        // The old response is gone with the old claim.
        await Keys.CompleteAsync(Scope, "key-1", new IdempotentResponse(202, "application/json", null, "{\"new\":true}"), default);
        var replay = await Keys.TryClaimAsync(Scope, "key-1", "fp-new", Now, Expiry, default);
        Assert.Equal("{\"new\":true}", replay.Response?.Body);
    }

    [StorageFact]
    public async Task Released_key_may_be_claimed_again_but_a_completed_one_is_not_released()
    {
        await Keys.TryClaimAsync(Scope, "key-1", "fp-a", Now, Expiry, default);
        await Keys.ReleaseAsync(Scope, "key-1", default);
        Assert.Equal(IdempotencyClaimStatus.Claimed, (await Keys.TryClaimAsync(Scope, "key-1", "fp-b", Now, Expiry, default)).Status);

        await Keys.CompleteAsync(Scope, "key-1", new IdempotentResponse(201, null, null, ""), default);
        await Keys.ReleaseAsync(Scope, "key-1", default);
        Assert.Equal(IdempotencyClaimStatus.Completed, (await Keys.TryClaimAsync(Scope, "key-1", "fp-b", Now, Expiry, default)).Status);
    }

    [StorageFact]
    public async Task Sweep_deletes_only_expired_keys()
    {
        await Keys.TryClaimAsync(Scope, "short", "fp", Now, Now + Duration.FromMinutes(10), default);
        await Keys.TryClaimAsync(Scope, "long", "fp", Now, Now + Duration.FromDays(1), default);
        Clock.Advance(Duration.FromMinutes(10));

        var swept = await ((EfIdempotencyStore<FieldReportsDbContext>)Keys).SweepExpiredAsync(Now, default);

        Assert.Equal(1, swept);
        await using var db = NewContext();
        Assert.Equal(["long"], await db.Set<IdempotencyKeyRow>().Select(k => k.Key).ToListAsync());
    }
}
