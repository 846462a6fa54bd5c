using FieldReports.Accounts;
using FieldReports.AspNetCore.Tests;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FieldReports.Core.Tests.Accounts;

public class StaffAccountServiceTests
{
    private static readonly Actor Operator = Actor.Administrator("ops-1");

    private readonly InMemoryStaffDirectory _directory = new();

    [Fact]
    public async Task The_last_enabled_administrator_can_be_neither_disabled_nor_demoted()
    {
        using var services = Instance();
        var accounts = new StaffAccountService(_directory, services.GetRequiredService<ProvinceCatalog>());
        _directory.Seed("adm-1", "ca-mau", ActorRole.Administrator);
        _directory.Seed("adm-hue", "hue", ActorRole.Administrator);

        Assert.Equal(ErrorCodes.AccountLastAdministrator, (await accounts.SetDisabledAsync("ca-mau", "adm-1", true, "Nghỉ hưu", Operator, default)).Error?.Code);
        var adm1 = (await _directory.FindAsync("adm-1", default))!;
        Assert.Equal(ErrorCodes.AccountLastAdministrator, (await accounts.UpdateAsync("ca-mau", "adm-1", new StaffAccountChanges(ActorRole.Leader, null, "A"), adm1.Version, default)).Error?.Code);
        Assert.False((await _directory.FindAsync("adm-1", default))!.IsDisabled);

        // With a second administrator, the first may go; then the second is the last.
        _directory.Seed("adm-2", "ca-mau", ActorRole.Administrator);
        Assert.Null((await accounts.SetDisabledAsync("ca-mau", "adm-1", true, "Nghỉ hưu", Operator, default)).Error);
        Assert.Equal(ErrorCodes.AccountLastAdministrator, (await accounts.SetDisabledAsync("ca-mau", "adm-2", true, "Thử", Operator, default)).Error?.Code);

        // A disabled administrator may be demoted: the province keeps its enabled one.
        adm1 = (await _directory.FindAsync("adm-1", default))!;
        var demoted = await accounts.UpdateAsync("ca-mau", "adm-1", new StaffAccountChanges(ActorRole.Leader, null, "A"), adm1.Version, default);
        Assert.Equal(ActorRole.Leader, demoted.Account?.Role);
    }

    [Fact]
    public async Task Handling_staff_belong_to_an_agency_of_the_catalogue_in_force_read_at_each_change()
    {
        using var services = Instance();
        var accounts = new StaffAccountService(_directory, services.GetRequiredService<ProvinceCatalog>());
        var ward = new StaffAccountChanges(ActorRole.HandlingStaff, "ubnd-p2", "Cán bộ phường 2");

        Assert.Equal(ErrorCodes.AccountAgencyUnknown, (await accounts.CreateAsync("ca-mau", "p2.canbo", ward, null, default)).Error?.Code);

        var catalogues = services.GetRequiredService<ProvinceCatalogueService>();
        var current = (await catalogues.GetAsync("ca-mau", default))!.Catalogue;
        var edit = await catalogues.SaveAsync("ca-mau", new ProvinceCatalogue(current.Fields, current.Agencies.Append(new AgencyOptions { Id = "ubnd-p2", Name = "UBND Phường 2", Parent = "ubnd-tp", Kind = AgencyKind.Commune })), 0, Operator, default);
        Assert.Null(edit.Error);

        var created = await accounts.CreateAsync("ca-mau", "p2.canbo", ward, null, default);
        Assert.Equal("ubnd-p2", created.Account?.AgencyId);
        Assert.Equal(ErrorCodes.AccountVersionMismatch, (await accounts.UpdateAsync("ca-mau", created.Account!.Id, ward with { DisplayName = "B" }, "v-stale", default)).Error?.Code);
        Assert.Equal(ErrorCodes.AccountNotFound, (await accounts.UpdateAsync("hue", created.Account.Id, ward, created.Account.Version, default)).Error?.Code);
    }

    private static ServiceProvider Instance()
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "provinces", "ca-mau.json"), optional: false)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "provinces", "hue.json"), optional: false)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IProvinceCatalogueStore>(new InMemoryProvinceCatalogueStore());
        services.AddFieldReports(config.GetSection("FieldReports"));
        return services.BuildServiceProvider();
    }
}
