using FieldReports.Storage.EF.Tests.Infrastructure;
using FieldReports.Stores;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Storage.EF.Tests.Conformance;

/// <summary>Open311 api keys: stored by hash, per province, revocable, kept across restarts.</summary>
public abstract class ApiKeyConformance : StorageTestBase
{
    private IApiKeyStore Keys => Services.GetRequiredService<IApiKeyStore>();

    [StorageFact]
    public async Task Issued_key_is_found_by_its_hash_after_a_restart_and_listed_per_province()
    {
        var first = Key("k1", "hue", new string('a', 64));
        var second = Key("k2", "hue", new string('b', 64)) with { CreatedAt = first.CreatedAt + Duration.FromMinutes(1), Name = null };
        var other = Key("k3", "camau", new string('c', 64));
        await Keys.AddAsync(second, default);
        await Keys.AddAsync(first, default);
        await Keys.AddAsync(other, default);

        var restarted = NewServices().GetRequiredService<IApiKeyStore>();

        Assert.Equal(first, await restarted.FindByHashAsync(first.KeyHash, default));
        Assert.Null(await restarted.FindByHashAsync(new string('d', 64), default));
        Assert.Equal([first, second], await restarted.ListAsync("HUE", default));
        Assert.Equal([other], await restarted.ListAsync("camau", default));
    }

    [StorageFact]
    public async Task Key_with_an_existing_id_or_hash_is_refused()
    {
        await Keys.AddAsync(Key("k1", "hue", new string('a', 64)), default);

        await Assert.ThrowsAsync<ArgumentException>(() => Keys.AddAsync(Key("k1", "hue", new string('b', 64)), default));
        await Assert.ThrowsAsync<ArgumentException>(() => Keys.AddAsync(Key("k2", "hue", new string('a', 64)), default));
        Assert.Single(await Keys.ListAsync("hue", default));
    }

    [StorageFact]
    public async Task Revocation_keeps_its_first_time_and_stays_within_the_province()
    {
        var key = Key("k1", "hue", new string('a', 64));
        await Keys.AddAsync(key, default);
        var at = key.CreatedAt + Duration.FromDays(3);

        Assert.Null(await Keys.RevokeAsync("camau", "k1", at, default));
        Assert.False((await Keys.FindByHashAsync(key.KeyHash, default))!.IsRevoked);
        Assert.Equal(at, (await Keys.RevokeAsync("Hue", "k1", at, default))!.RevokedAt);
        Assert.Equal(at, (await Keys.RevokeAsync("hue", "k1", at + Duration.FromDays(1), default))!.RevokedAt);
        Assert.Null(await Keys.RevokeAsync("hue", "missing", at, default));

        var restarted = NewServices().GetRequiredService<IApiKeyStore>();
        Assert.True((await restarted.FindByHashAsync(key.KeyHash, default))!.IsRevoked);
    }

    private ApiKey Key(string id, string province, string hash) => new()
    {
        Id = id,
        ProvinceId = province,
        Channel = "open311",
        AccountId = "open311:" + id,
        Name = "FixMyStreet",
        KeyHash = hash,
        CreatedAt = Clock.GetCurrentInstant(),
        CreatedBy = "admin-1",
    };
}
