using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>Leases shared by host instances: one holder at a time; expiry or release lets another take over.</summary>
public abstract class LeaseConformance : StorageTestBase
{
    private static readonly Duration Term = Duration.FromMinutes(5);

    private ILeaseStore Leases => Services.GetRequiredService<ILeaseStore>();

    private Instant Now => Clock.GetCurrentInstant();

    [StorageFact]
    public async Task Of_many_instances_acquiring_at_once_exactly_one_holds_the_lease()
    {
        var stores = Enumerable.Range(0, 4).Select(i => i == 0 ? Leases : NewServices().GetRequiredService<ILeaseStore>()).ToList();
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (Holder: $"instance-{i}", Won: await stores[i % stores.Count].TryAcquireAsync("sla-monitor", $"instance-{i}", Now, Term, default));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Won);
        // The winner renews; nobody else gets it while it lasts.
        Clock.Advance(Duration.FromMinutes(4));
        Assert.True(await Leases.TryAcquireAsync("sla-monitor", winner.Holder, Now, Term, default));
        Clock.Advance(Duration.FromMinutes(4));
        Assert.False(await Leases.TryAcquireAsync("sla-monitor", "latecomer", Now, Term, default));
        Assert.True(await Leases.TryAcquireAsync("other-work", "latecomer", Now, Term, default));
    }

    [StorageFact]
    public async Task Expired_lease_is_taken_over_and_the_old_holder_loses_it()
    {
        Assert.True(await Leases.TryAcquireAsync("sla-monitor", "a", Now, Term, default));
        Clock.Advance(Term - Duration.FromSeconds(1));
        Assert.False(await Leases.TryAcquireAsync("sla-monitor", "b", Now, Term, default));

        Clock.Advance(Duration.FromSeconds(1));
        var other = NewServices().GetRequiredService<ILeaseStore>();
        Assert.True(await other.TryAcquireAsync("sla-monitor", "b", Now, Term, default));
        Assert.False(await Leases.TryAcquireAsync("sla-monitor", "a", Now, Term, default));
    }

    [StorageFact]
    public async Task Released_lease_is_free_at_once_and_only_its_holder_releases_it()
    {
        Assert.True(await Leases.TryAcquireAsync("sla-monitor", "a", Now, Term, default));
        await Leases.ReleaseAsync("sla-monitor", "b", default);
        Assert.False(await Leases.TryAcquireAsync("sla-monitor", "b", Now, Term, default));

        await Leases.ReleaseAsync("sla-monitor", "a", default);
        Assert.True(await Leases.TryAcquireAsync("sla-monitor", "b", Now, Term, default));
    }
}
