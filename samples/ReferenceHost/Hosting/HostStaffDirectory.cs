using System.Globalization;
using System.Security.Claims;
using FieldReports;
using FieldReports.Accounts;
using FieldReports.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using ReferenceHost.Data;

namespace ReferenceHost.Hosting;

/// <summary>
/// The reference host's staff accounts for FieldReports' administrators: ASP.NET Core Identity's users (<see cref="HostUser"/>).
/// The version is Identity's concurrency stamp. A disabled account is locked out with no end (it cannot sign in, and the
/// API refuses it from the next request on); every change renews the security stamp, so that the account's cookie is
/// re-issued with the new role and agency, or refused, at its next validation. Passwords go through Identity's own rules.
/// </summary>
public sealed class HostStaffDirectory(UserManager<HostUser> users, IClock clock) : IStaffDirectory
{
    /// <summary>The user claim that keeps the last disable or enable decision: who, when and why.</summary>
    public const string StatusClaim = "staff_status";

    private static readonly DateTimeOffset Disabled = DateTimeOffset.MaxValue;

    public async Task<StaffAccountPage> ListAsync(string provinceId, ActorRole? role, string? agencyId, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var query = users.Users.AsNoTracking().Where(u => u.ProvinceId == provinceId && u.Role != "reporter");
        if (role is { } r)
        {
            var text = RoleText(r);
            query = query.Where(u => u.Role == text);
        }

        if (agencyId is not null)
        {
            query = query.Where(u => u.AgencyId == agencyId);
        }

        if (cursor is not null)
        {
            query = query.Where(u => string.Compare(u.Id, cursor) > 0);
        }

        var rows = await query.OrderBy(u => u.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var items = rows.Take(limit).Select(ToAccount).OfType<StaffAccount>().ToList();
        return new StaffAccountPage(items, rows.Count > limit ? rows[limit - 1].Id : null);
    }

    public async Task<StaffAccount?> FindAsync(string accountId, CancellationToken cancellationToken) =>
        ToAccount(await users.FindByIdAsync(accountId));

    public async Task<int> CountEnabledAsync(string provinceId, ActorRole role, CancellationToken cancellationToken)
    {
        var text = RoleText(role);
        // A province has few accounts of a role; the lockout end is compared here (SQLite cannot compare date-time offsets).
        var ends = await users.Users.AsNoTracking().Where(u => u.ProvinceId == provinceId && u.Role == text).Select(u => u.LockoutEnd).ToListAsync(cancellationToken);
        return ends.Count(end => end != Disabled);
    }

    public async Task<StaffAccountOutcome> CreateAsync(string provinceId, string userName, StaffAccountChanges account, string? initialPassword, CancellationToken cancellationToken)
    {
        // Host accounts sign in with a password; there is no other way in for them.
        if (string.IsNullOrEmpty(initialPassword))
        {
            return StaffAccountOutcome.Refused(new DomainError(ErrorCodes.AccountPasswordRequired, ErrorKind.Rule,
                "The reference host's accounts sign in with a password: give an initial password."));
        }

        var user = new HostUser
        {
            UserName = userName,
            ProvinceId = provinceId,
            Role = RoleText(account.Role),
            AgencyId = account.AgencyId,
            DisplayName = account.DisplayName,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, initialPassword);
        return result.Succeeded ? StaffAccountOutcome.Done(ToAccount(user)!) : StaffAccountOutcome.Refused(ErrorOf(result));
    }

    public async Task<StaffAccountOutcome> UpdateAsync(string accountId, StaffAccountChanges changes, string expectedVersion, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(accountId) is not { } user || ToAccount(user) is null)
        {
            return StaffAccountOutcome.Refused(new DomainError(ErrorCodes.AccountNotFound, ErrorKind.NotFound, "There is no staff account with this id."));
        }

        if (user.ConcurrencyStamp != expectedVersion)
        {
            return StaffAccountOutcome.Refused(VersionMismatch());
        }

        user.Role = RoleText(changes.Role);
        user.AgencyId = changes.AgencyId;
        user.DisplayName = changes.DisplayName;

        // One save: the new values, a new security stamp (the account's cookie is re-issued or refused) and a new concurrency stamp.
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? StaffAccountOutcome.Done(ToAccount(user)!) : StaffAccountOutcome.Refused(ErrorOf(result));
    }

    public async Task<StaffAccountOutcome> SetDisabledAsync(string accountId, bool disabled, string reason, Actor administrator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        if (await users.FindByIdAsync(accountId) is not { } user || ToAccount(user) is null)
        {
            return StaffAccountOutcome.Refused(new DomainError(ErrorCodes.AccountNotFound, ErrorKind.NotFound, "There is no staff account with this id."));
        }

        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? Disabled : null;
        user.AccessFailedCount = 0;
        var status = string.Create(CultureInfo.InvariantCulture, $"{(disabled ? "disabled" : "enabled")} by {administrator.AccountId} at {clock.GetCurrentInstant()}: {reason}");
        var claims = await users.GetClaimsAsync(user);
        if (claims.FirstOrDefault(c => c.Type == StatusClaim) is { } previous)
        {
            await users.RemoveClaimAsync(user, previous);
        }

        await users.AddClaimAsync(user, new Claim(StatusClaim, status));
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? StaffAccountOutcome.Done(ToAccount(user)!) : StaffAccountOutcome.Refused(ErrorOf(result));
    }

    /// <summary>The FieldReports role of a role as <see cref="HostUser.Role"/> spells it.</summary>
    public static string RoleText(ActorRole role) => role switch
    {
        ActorRole.ReceptionStaff => "reception_staff",
        ActorRole.HandlingStaff => "handling_staff",
        _ => role.ToString().ToLowerInvariant(),
    };

    private static StaffAccount? ToAccount(HostUser? user)
    {
        if (user is null || !Enum.TryParse<ActorRole>(user.Role.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var role) || !StaffAccountService.IsStaffRole(role))
        {
            return null;
        }

        return new StaffAccount(user.Id, user.ProvinceId, user.UserName ?? "", user.DisplayName, role, user.AgencyId, user.LockoutEnd == Disabled, user.ConcurrencyStamp ?? "");
    }

    private static DomainError VersionMismatch() =>
        new(ErrorCodes.AccountVersionMismatch, ErrorKind.Conflict, "The account changed since it was read; read it again and redo the edit.");

    // Identity's error codes (never the password itself) say what to fix.
    private static DomainError ErrorOf(IdentityResult result)
    {
        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Contains(nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return VersionMismatch();
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return new DomainError(ErrorCodes.AccountUserNameTaken, ErrorKind.Conflict, "Another account already signs in with this user name; choose another.");
        }

        if (codes.Any(c => c.StartsWith("Password", StringComparison.Ordinal)))
        {
            return new DomainError(ErrorCodes.AccountPasswordRejected, ErrorKind.Rule,
                "The initial password does not meet the password rules: " + string.Join(" ", result.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).Select(e => e.Description)));
        }

        return new DomainError(ErrorCodes.ArgumentInvalid, ErrorKind.Validation, "The account was refused: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
