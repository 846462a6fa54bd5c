namespace FieldReports.AspNetCore;

/// <summary>The actor a signed-in user acts as.</summary>
/// <param name="Role">The role.</param>
/// <param name="AccountId">The account id.</param>
/// <param name="AgencyId">The agency, for handling staff.</param>
/// <param name="ProvinceId">The province of the account.</param>
public sealed record ActorDto(string Role, string AccountId, string? AgencyId, string? ProvinceId);

/// <summary>One transition of the report workflow.</summary>
/// <param name="From">The source state.</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="To">The target state.</param>
/// <param name="Roles">The roles that may fire it.</param>
/// <param name="Conditions">The further conditions, in words.</param>
public sealed record TransitionDto(string From, string Trigger, string To, IReadOnlyList<string> Roles, IReadOnlyList<string> Conditions);
