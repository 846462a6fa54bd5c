using FieldReports.Reports;

namespace FieldReports.Accounts;

/// <summary>A staff account as the host's account directory holds it.</summary>
/// <param name="Id">The directory's opaque id; the account id the staff member acts under.</param>
/// <param name="ProvinceId">The province the account belongs to.</param>
/// <param name="UserName">The name the staff member signs in with.</param>
/// <param name="DisplayName">The name shown to colleagues.</param>
/// <param name="Role">The staff role: reception, approver, handling staff, leader or administrator.</param>
/// <param name="AgencyId">The agency of handling staff; <see langword="null"/> for other roles.</param>
/// <param name="IsDisabled">Whether the account is disabled: it acts as nobody from the next request on.</param>
/// <param name="Version">An opaque stamp that changes with every change of the account, for optimistic concurrency.</param>
public sealed record StaffAccount(string Id, string ProvinceId, string UserName, string DisplayName, ActorRole Role, string? AgencyId, bool IsDisabled, string Version);
