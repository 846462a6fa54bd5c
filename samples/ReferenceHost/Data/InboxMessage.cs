namespace ReferenceHost.Data;

/// <summary>
/// A notification in the in-app inbox, addressed to an account, or to everyone of a role (and agency) in a province.
/// It carries the report id and what happened, never the reporter's personal data.
/// </summary>
public sealed class InboxMessage
{
    public long Id { get; set; }

    public string ProvinceId { get; set; } = "";

    /// <summary>The account it is for, or null when it is for a role.</summary>
    public string? AccountId { get; set; }

    /// <summary>The role it is for when <see cref="AccountId"/> is null.</summary>
    public string? Role { get; set; }

    public string? AgencyId { get; set; }

    public Guid? ReportId { get; set; }

    public string TextVi { get; set; } = "";

    public string TextEn { get; set; } = "";

    public long CreatedAtTicks { get; set; }

    /// <summary>Makes a notification idempotent: the SLA monitor and the outbox may see the same event twice.</summary>
    public string DedupeKey { get; set; } = "";
}
