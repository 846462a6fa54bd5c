using FieldReports.Reports;

namespace FieldReports.Accounts;

/// <summary>
/// The host's directory of staff accounts (ASP.NET Core Identity, a province's LDAP, …). FieldReports never stores staff
/// accounts itself: administrators manage them through <see cref="StaffAccountService"/>, which checks the rules and then
/// calls this directory, and the HTTP API reads the account on every request, so that a new role, a new agency or a
/// disabled account takes effect at once.
/// </summary>
/// <remarks>
/// Implementations check only what is theirs (unique user names, password rules, the version); the domain rules (staff roles,
/// agencies of the catalogue in force, the last administrator) are checked before they are called. Passwords are never logged.
/// </remarks>
public interface IStaffDirectory
{
    /// <summary>Lists a province's staff accounts, in a stable order, one page at a time.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="role">Only this role, when given.</param>
    /// <param name="agencyId">Only this agency, when given.</param>
    /// <param name="cursor">The <see cref="StaffAccountPage.NextCursor"/> of the previous page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The most accounts to return (1 to 100).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<StaffAccountPage> ListAsync(string provinceId, ActorRole? role, string? agencyId, string? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>Finds a staff account by id, whichever its province.</summary>
    /// <param name="accountId">The directory's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The account; <see langword="null"/> when there is none or it is not a staff account.</returns>
    Task<StaffAccount?> FindAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Counts a province's enabled accounts of a role.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="role">The role.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<int> CountEnabledAsync(string provinceId, ActorRole role, CancellationToken cancellationToken);

    /// <summary>Creates a staff account.</summary>
    /// <param name="provinceId">The province.</param>
    /// <param name="userName">The sign-in name.</param>
    /// <param name="account">The role, agency and display name, already checked.</param>
    /// <param name="initialPassword">The first password, when the directory signs accounts in with one; never stored in clear nor logged.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The account, or a refusal such as <see cref="ErrorCodes.AccountUserNameTaken"/> or <see cref="ErrorCodes.AccountPasswordRejected"/>.</returns>
    Task<StaffAccountOutcome> CreateAsync(string provinceId, string userName, StaffAccountChanges account, string? initialPassword, CancellationToken cancellationToken);

    /// <summary>Sets a staff account's role, agency and display name, if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="changes">The new values, already checked.</param>
    /// <param name="expectedVersion">The <see cref="StaffAccount.Version"/> the change was based on.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The account, or <see cref="ErrorCodes.AccountVersionMismatch"/> when it changed meanwhile.</returns>
    Task<StaffAccountOutcome> UpdateAsync(string accountId, StaffAccountChanges changes, string expectedVersion, CancellationToken cancellationToken);

    /// <summary>Disables or enables a staff account, recording the reason and who decided.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="disabled">Whether the account is to be disabled.</param>
    /// <param name="reason">Why.</param>
    /// <param name="administrator">The administrator who decided.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The account as stored.</returns>
    Task<StaffAccountOutcome> SetDisabledAsync(string accountId, bool disabled, string reason, Actor administrator, CancellationToken cancellationToken);
}
