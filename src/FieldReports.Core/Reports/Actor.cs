namespace FieldReports.Reports;

/// <summary>
/// Who performs an action: a role, the account that acts and, for handling staff, the agency they work for.
/// </summary>
/// <remarks>The account id is an opaque identifier, never a name or phone number, so it may appear in audit trails and logs.</remarks>
public sealed record Actor
{
    /// <summary>Creates an actor.</summary>
    /// <param name="role">The role the account acts in.</param>
    /// <param name="accountId">The opaque id of the acting account.</param>
    /// <param name="agencyId">The agency of handling staff; required for <see cref="ActorRole.HandlingStaff"/>, otherwise optional.</param>
    /// <exception cref="ArgumentException"><paramref name="accountId"/> is empty, or handling staff have no agency.</exception>
    public Actor(ActorRole role, string accountId, string? agencyId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        if (role == ActorRole.HandlingStaff && string.IsNullOrWhiteSpace(agencyId))
        {
            throw new ArgumentException("Handling staff act for an agency: give its id.", nameof(agencyId));
        }

        Role = role;
        AccountId = accountId;
        AgencyId = agencyId;
    }

    /// <summary>The role the account acts in.</summary>
    public ActorRole Role { get; }

    /// <summary>The opaque id of the acting account.</summary>
    public string AccountId { get; }

    /// <summary>The agency the actor works for, when they work for one.</summary>
    public string? AgencyId { get; }

    /// <summary>The system actor, used by the SLA monitor and scheduled jobs.</summary>
    public static Actor System { get; } = new(ActorRole.System, "system");

    /// <summary>Creates a reporter.</summary>
    /// <param name="accountId">The reporter's account id.</param>
    public static Actor Reporter(string accountId) => new(ActorRole.Reporter, accountId);

    /// <summary>Creates a member of the centre's reception staff.</summary>
    /// <param name="accountId">The staff account id.</param>
    public static Actor Reception(string accountId) => new(ActorRole.ReceptionStaff, accountId);

    /// <summary>Creates the centre's approver.</summary>
    /// <param name="accountId">The staff account id.</param>
    public static Actor Approver(string accountId) => new(ActorRole.Approver, accountId);

    /// <summary>Creates a member of an agency's handling staff.</summary>
    /// <param name="accountId">The staff account id.</param>
    /// <param name="agencyId">The agency they work for.</param>
    public static Actor Handler(string accountId, string agencyId) => new(ActorRole.HandlingStaff, accountId, agencyId);

    /// <summary>Creates an administrator.</summary>
    /// <param name="accountId">The administrator's account id.</param>
    public static Actor Administrator(string accountId) => new(ActorRole.Administrator, accountId);
}
