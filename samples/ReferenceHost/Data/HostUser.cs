using Microsoft.AspNetCore.Identity;

namespace ReferenceHost.Data;

/// <summary>An account of the reference host: a citizen or a member of staff of one province.</summary>
public sealed class HostUser : IdentityUser
{
    /// <summary>The province the account belongs to (its id in FieldReports:Provinces).</summary>
    public string ProvinceId { get; set; } = "";

    /// <summary>The FieldReports role, as the "role" claim carries it: reporter, reception_staff, approver, handling_staff, leader, administrator.</summary>
    public string Role { get; set; } = "reporter";

    /// <summary>The agency of handling staff; null for other roles.</summary>
    public string? AgencyId { get; set; }

    /// <summary>The name shown on pages.</summary>
    public string DisplayName { get; set; } = "";
}
