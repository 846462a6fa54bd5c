using FieldReports.Reports;

namespace FieldReports.Accounts;

/// <summary>What an administrator sets on a staff account: its role, its agency and its display name.</summary>
/// <param name="Role">The staff role; never <see cref="ActorRole.Reporter"/> or <see cref="ActorRole.System"/>.</param>
/// <param name="AgencyId">The agency, required for handling staff and absent for every other role.</param>
/// <param name="DisplayName">The name shown to colleagues.</param>
public sealed record StaffAccountChanges(ActorRole Role, string? AgencyId, string DisplayName);
