using System.Globalization;
using FieldReports.Accounts;
using FieldReports.Reports;

namespace FieldReports.AspNetCore.Tests;

/// <summary>
/// A staff directory held in memory, as a host's would hold it in its identity store: unique user names, a version per
/// change, disabled accounts with the reason of the last decision. Passwords are kept only to check that they are passed on.
/// </summary>
public sealed class InMemoryStaffDirectory : IStaffDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StaffAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);
    private int _version;
    private int _nextId;

    public Dictionary<string, string> Reasons { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds an account as the host would have it before any administrator's edit.</summary>
    public StaffAccount Seed(string id, string provinceId, ActorRole role, string? agencyId = null)
    {
        lock (_gate)
        {
            var account = new StaffAccount(id, provinceId, id, "Cán bộ " + id, role, agencyId, false, NextVersion());
            _accounts[id] = account;
            return account;
        }
    }

    public void Delete(string id)
    {
        lock (_gate)
        {
            _accounts.Remove(id);
        }
    }

    public bool HasPassword(string id, string password)
    {
        lock (_gate)
        {
            return _passwords.TryGetValue(id, out var p) && p == password;
        }
    }

    public Task<StaffAccountPage> ListAsync(string provinceId, ActorRole? role, string? agencyId, string? cursor, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var rows = _accounts.Values
                .Where(a => a.ProvinceId == provinceId && (role is null || a.Role == role) && (agencyId is null || a.AgencyId == agencyId))
                .Where(a => cursor is null || string.CompareOrdinal(a.Id, cursor) > 0)
                .OrderBy(a => a.Id, StringComparer.Ordinal)
                .Take(limit + 1)
                .ToList();
            return Task.FromResult(new StaffAccountPage(rows.Take(limit).ToList(), rows.Count > limit ? rows[limit - 1].Id : null));
        }
    }

    public Task<StaffAccount?> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_accounts.GetValueOrDefault(accountId));
        }
    }

    public Task<int> CountEnabledAsync(string provinceId, ActorRole role, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_accounts.Values.Count(a => a.ProvinceId == provinceId && a.Role == role && !a.IsDisabled));
        }
    }

    public Task<StaffAccountOutcome> CreateAsync(string provinceId, string userName, StaffAccountChanges account, string? initialPassword, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_accounts.Values.Any(a => string.Equals(a.UserName, userName, StringComparison.OrdinalIgnoreCase)))
            {
                return Task.FromResult(StaffAccountOutcome.Refused(new DomainError(ErrorCodes.AccountUserNameTaken, ErrorKind.Conflict, "The user name is taken.")));
            }

            var id = "staff-" + (++_nextId).ToString(CultureInfo.InvariantCulture);
            var created = new StaffAccount(id, provinceId, userName, account.DisplayName, account.Role, account.AgencyId, false, NextVersion());
            _accounts[id] = created;
            if (initialPassword is not null)
            {
                _passwords[id] = initialPassword;
            }

            return Task.FromResult(StaffAccountOutcome.Done(created));
        }
    }

    public Task<StaffAccountOutcome> UpdateAsync(string accountId, StaffAccountChanges changes, string expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountId, out var current))
            {
                return Task.FromResult(StaffAccountOutcome.Refused(new DomainError(ErrorCodes.AccountNotFound, ErrorKind.NotFound, "No such account.")));
            }

            if (current.Version != expectedVersion)
            {
                return Task.FromResult(StaffAccountOutcome.Refused(new DomainError(ErrorCodes.AccountVersionMismatch, ErrorKind.Conflict, "Changed meanwhile.")));
            }

            var updated = current with { Role = changes.Role, AgencyId = changes.AgencyId, DisplayName = changes.DisplayName, Version = NextVersion() };
            _accounts[accountId] = updated;
            return Task.FromResult(StaffAccountOutcome.Done(updated));
        }
    }

    public Task<StaffAccountOutcome> SetDisabledAsync(string accountId, bool disabled, string reason, Actor administrator, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountId, out var current))
            {
                return Task.FromResult(StaffAccountOutcome.Refused(new DomainError(ErrorCodes.AccountNotFound, ErrorKind.NotFound, "No such account.")));
            }

            var updated = current with { IsDisabled = disabled, Version = NextVersion() };
            _accounts[accountId] = updated;
            Reasons[accountId] = $"{administrator.AccountId}: {reason}";
            return Task.FromResult(StaffAccountOutcome.Done(updated));
        }
    }

    private string NextVersion() => "v" + (++_version).ToString(CultureInfo.InvariantCulture);
}
