using FieldReports.Provinces;
using FieldReports.Reports;
using Errors = FieldReports.ErrorCodes.Errors;

namespace FieldReports.Accounts;

/// <summary>
/// Administrators' management of a province's staff accounts over the host's <see cref="IStaffDirectory"/>: the domain rules
/// are checked here, before the directory is called, so that a refused change changes nothing.
/// </summary>
/// <remarks>
/// Rules: staff roles only (never reporter or system); handling staff belong to an agency of the province's catalogue in
/// force, other roles to none; the province keeps at least one enabled administrator; an administrator cannot disable their
/// own account. Two administrators demoting each other at the same instant are not serialised: the directory's version
/// check stops only edits of the same account.
/// </remarks>
public sealed class StaffAccountService
{
    // The longest display name, reason and sign-in name accepted.
    private const int MaxDisplayName = 200;
    private const int MaxReason = 2000;
    private const int MaxUserName = 64;

    private readonly IStaffDirectory _directory;
    private readonly ProvinceCatalog _provinces;

    /// <summary>Creates the service.</summary>
    /// <param name="directory">The host's account directory.</param>
    /// <param name="provinces">The provinces and their catalogues in force.</param>
    public StaffAccountService(IStaffDirectory directory, ProvinceCatalog provinces)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(provinces);
        _directory = directory;
        _provinces = provinces;
    }

    /// <summary>Lists a province's staff accounts.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="role">Only this role, when given.</param>
    /// <param name="agencyId">Only this agency, when given.</param>
    /// <param name="cursor">The previous page's next cursor, or <see langword="null"/>.</param>
    /// <param name="limit">The page size, clamped to 1–100.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<StaffAccountPage> ListAsync(string provinceId, ActorRole? role, string? agencyId, string? cursor, int limit, CancellationToken cancellationToken) =>
        _directory.ListAsync(Profile(provinceId).Id, role, agencyId, cursor, Math.Clamp(limit, 1, 100), cancellationToken);

    /// <summary>Finds a staff account of the province.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="accountId">The account id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The account; <see langword="null"/> when the province has none with this id.</returns>
    public async Task<StaffAccount?> FindAsync(string provinceId, string accountId, CancellationToken cancellationToken)
    {
        var profile = Profile(provinceId);
        if (string.IsNullOrWhiteSpace(accountId))
        {
            return null;
        }

        var account = await _directory.FindAsync(accountId, cancellationToken).ConfigureAwait(false);
        return account is not null && string.Equals(account.ProvinceId, profile.Id, StringComparison.OrdinalIgnoreCase) ? account : null;
    }

    /// <summary>Creates a staff account in the province.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="userName">The sign-in name.</param>
    /// <param name="account">The role, agency and display name.</param>
    /// <param name="initialPassword">The first password, when the directory needs one; never logged.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<StaffAccountOutcome> CreateAsync(string provinceId, string userName, StaffAccountChanges account, string? initialPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var profile = Profile(provinceId);
        if (string.IsNullOrWhiteSpace(userName))
        {
            return StaffAccountOutcome.Refused(Errors.CommandArgumentRequired("userName"));
        }

        if (userName.Length > MaxUserName)
        {
            return StaffAccountOutcome.Refused(Errors.CommandArgumentTooLong("userName", MaxUserName));
        }

        if (Check(profile, account) is { } refused)
        {
            return StaffAccountOutcome.Refused(refused);
        }

        return await _directory.CreateAsync(profile.Id, userName.Trim(), Normalised(account), initialPassword, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets a staff account's role, agency and display name, if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="changes">The new values.</param>
    /// <param name="expectedVersion">The version the edit was based on.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<StaffAccountOutcome> UpdateAsync(string provinceId, string accountId, StaffAccountChanges changes, string expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var profile = Profile(provinceId);
        if (await FindAsync(profile.Id, accountId, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return StaffAccountOutcome.Refused(Errors.AccountNotFound());
        }

        if (Check(profile, changes) is { } refused)
        {
            return StaffAccountOutcome.Refused(refused);
        }

        if (!string.Equals(current.Version, expectedVersion, StringComparison.Ordinal))
        {
            return StaffAccountOutcome.Refused(VersionMismatch());
        }

        if (current.Role == ActorRole.Administrator && changes.Role != ActorRole.Administrator && !current.IsDisabled
            && await _directory.CountEnabledAsync(profile.Id, ActorRole.Administrator, cancellationToken).ConfigureAwait(false) <= 1)
        {
            return StaffAccountOutcome.Refused(Errors.AccountLastAdministrator());
        }

        return await _directory.UpdateAsync(current.Id, Normalised(changes), expectedVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disables or enables a staff account, with a reason; disabling or enabling twice changes nothing.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="disabled">Whether to disable it.</param>
    /// <param name="reason">Why.</param>
    /// <param name="administrator">The administrator deciding.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<StaffAccountOutcome> SetDisabledAsync(string provinceId, string accountId, bool disabled, string reason, Actor administrator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        var profile = Profile(provinceId);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return StaffAccountOutcome.Refused(Errors.CommandArgumentRequired("reason"));
        }

        if (reason.Length > MaxReason)
        {
            return StaffAccountOutcome.Refused(Errors.CommandArgumentTooLong("reason", MaxReason));
        }

        if (await FindAsync(profile.Id, accountId, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return StaffAccountOutcome.Refused(Errors.AccountNotFound());
        }

        if (current.IsDisabled == disabled)
        {
            return StaffAccountOutcome.Done(current);
        }

        if (disabled && string.Equals(current.Id, administrator.AccountId, StringComparison.Ordinal))
        {
            return StaffAccountOutcome.Refused(Errors.AccountCannotDisableSelf());
        }

        if (disabled && current.Role == ActorRole.Administrator
            && await _directory.CountEnabledAsync(profile.Id, ActorRole.Administrator, cancellationToken).ConfigureAwait(false) <= 1)
        {
            return StaffAccountOutcome.Refused(Errors.AccountLastAdministrator());
        }

        return await _directory.SetDisabledAsync(current.Id, disabled, reason.Trim(), administrator, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a role is one a staff account may hold.</summary>
    /// <param name="role">The role.</param>
    public static bool IsStaffRole(ActorRole role) =>
        role is ActorRole.ReceptionStaff or ActorRole.Approver or ActorRole.HandlingStaff or ActorRole.Leader or ActorRole.Administrator;

    private ProvinceProfile Profile(string provinceId) =>
        _provinces.Find(provinceId) ?? throw new ArgumentException($"The province '{provinceId}' is not configured.", nameof(provinceId));

    private static DomainError? Check(ProvinceProfile profile, StaffAccountChanges account)
    {
        if (!IsStaffRole(account.Role))
        {
            return Errors.AccountRoleInvalid(account.Role);
        }

        if (string.IsNullOrWhiteSpace(account.DisplayName))
        {
            return Errors.CommandArgumentRequired("displayName");
        }

        if (account.DisplayName.Length > MaxDisplayName)
        {
            return Errors.CommandArgumentTooLong("displayName", MaxDisplayName);
        }

        var agency = string.IsNullOrWhiteSpace(account.AgencyId) ? null : account.AgencyId;
        if (account.Role != ActorRole.HandlingStaff)
        {
            return agency is null ? null : Errors.AccountAgencyNotAllowed(account.Role);
        }

        if (agency is null)
        {
            return Errors.AccountAgencyRequired();
        }

        // The catalogue in force, read now: an agency removed by an administrator's edit is refused from that edit on.
        return profile.Agencies.Find(agency) is null ? Errors.AccountAgencyUnknown(agency) : null;
    }

    private static StaffAccountChanges Normalised(StaffAccountChanges account) =>
        account with { AgencyId = string.IsNullOrWhiteSpace(account.AgencyId) ? null : account.AgencyId, DisplayName = account.DisplayName.Trim() };

    private static DomainError VersionMismatch() =>
        new(ErrorCodes.AccountVersionMismatch, ErrorKind.Conflict, "The staff account changed since it was read; read it again and redo the edit.");
}
