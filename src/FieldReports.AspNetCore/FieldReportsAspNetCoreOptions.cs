namespace FieldReports.AspNetCore;

/// <summary>
/// How FieldReports reads the signed-in principal. Authentication itself is the host's (JWT bearer, OpenID Connect,
/// cookies); FieldReports only maps the principal's claims to a role, an account and an agency.
/// </summary>
public sealed class FieldReportsAspNetCoreOptions
{
    /// <summary>The claim that carries the FieldReports role (see <see cref="FieldReports.Reports.ActorRole"/>, matched case-insensitively, e.g. <c>ReceptionStaff</c> or <c>reception_staff</c>). Default <c>role</c>.</summary>
    public string RoleClaimType { get; set; } = "role";

    /// <summary>The claim that carries the agency of handling staff. Default <c>agency_id</c>.</summary>
    public string AgencyClaimType { get; set; } = "agency_id";

    /// <summary>The claim that carries the stable account id. Default <c>sub</c>; the name-identifier claim is used when it is absent.</summary>
    public string AccountIdClaimType { get; set; } = "sub";

    /// <summary>The claim that carries the province the account belongs to. Default <c>province</c>.</summary>
    public string ProvinceClaimType { get; set; } = "province";

    /// <summary>
    /// Where the default file-system attachment store keeps uploaded bytes. Default <c>App_Data/attachments</c>, relative
    /// to the current directory. Replace <see cref="IAttachmentContentStore"/> to use blob storage instead.
    /// </summary>
    public string AttachmentDirectory { get; set; } = Path.Combine("App_Data", "attachments");

    /// <summary>
    /// How long a completed <c>Idempotency-Key</c> is remembered and replayed; after it, the key may be used again. Keys
    /// are scoped per province and account. Default 24 hours.
    /// </summary>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How many submissions and interactions one account may send per minute before the API answers 429 with
    /// <c>Retry-After</c>. Default 10.
    /// </summary>
    public int SubmissionsPerMinute { get; set; } = 10;

    /// <summary>
    /// How often each instance looks for a catalogue version (fields and agency tree) that another instance stored, and puts
    /// it in force: an administrator's edit reaches the other instances within this delay (the instance that saves it applies
    /// it at once, and reading the catalogue through the API also picks it up). Default 30 seconds; zero or less turns the
    /// periodic refresh off (one instance).
    /// </summary>
    public TimeSpan CatalogueRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The evidence cleanup: uncited evidence of a report no result can be submitted for any more is deleted after its
    /// retention (1 day by default), by a pass every hour on one instance at a time. See <see cref="EvidenceCleanupOptions"/>.
    /// </summary>
    public EvidenceCleanupOptions EvidenceCleanup { get; } = new();

    /// <summary>
    /// How many multipart uploads this instance reads at once, and how many may wait; beyond them the API answers 503
    /// <c>server.busy</c> with <c>Retry-After</c>. See <see cref="UploadAdmissionOptions"/>.
    /// </summary>
    public UploadAdmissionOptions Uploads { get; } = new();

    /// <summary>
    /// Which signed-in staff principals are checked against the host's <see cref="FieldReports.Accounts.IStaffDirectory"/>, when
    /// one is registered: those with an identity of this authentication type (for ASP.NET Core Identity's own accounts,
    /// <c>Identity.Application</c>). Default <see langword="null"/>: every staff principal. Principals of another type (a
    /// province's single sign-on, say) keep the roles their claims carry, governed by their own provider.
    /// </summary>
    public string? StaffDirectoryAuthenticationType { get; set; }

    /// <summary>Sets the role and agency claim types in one call.</summary>
    /// <param name="roleClaimType">The role claim type.</param>
    /// <param name="agencyClaimType">The agency claim type.</param>
    /// <returns>These options, for chaining.</returns>
    public FieldReportsAspNetCoreOptions RolesFromClaims(string roleClaimType, string agencyClaimType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleClaimType);
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyClaimType);
        RoleClaimType = roleClaimType;
        AgencyClaimType = agencyClaimType;
        return this;
    }
}
