// The request and response shapes of the HTTP API. Kept in one file because each is a line or two.
#pragma warning disable SA1402, MA0048

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>A report sent by a citizen.</summary>
/// <param name="Channel">The channel code; default the province's app channel (<c>app</c>).</param>
/// <param name="Title">A short title.</param>
/// <param name="Description">The situation.</param>
/// <param name="Latitude">Latitude in degrees, −90 to 90.</param>
/// <param name="Longitude">Longitude in degrees, −180 to 180.</param>
/// <param name="Address">The address.</param>
/// <param name="AreaCode">The administrative area.</param>
/// <param name="ObservedAt">When the situation was seen.</param>
/// <param name="Language">BCP 47 language tag; default <c>vi</c>.</param>
/// <param name="Category">A category such as <c>fire</c>; an urgent category makes the report urgent.</param>
/// <param name="Confidential">Keep content and result secret (Cà Mau art. 9.2).</param>
/// <param name="Contact">The reporter's contact details (personal data, sent only in the body).</param>
internal sealed record SubmitReportRequest(
    string? Channel,
    string? Title,
    string? Description,
    double? Latitude,
    double? Longitude,
    string? Address,
    string? AreaCode,
    DateTimeOffset? ObservedAt,
    string? Language,
    string? Category,
    bool Confidential,
    ContactDto? Contact);

/// <summary>A reporter's contact details (personal data).</summary>
/// <param name="Name">The name.</param>
/// <param name="Phone">The phone number.</param>
/// <param name="Email">The e-mail address.</param>
internal sealed record ContactDto(string? Name, string? Phone, string? Email);

/// <summary>The deadline of the step a report is in.</summary>
/// <param name="Step">The step.</param>
/// <param name="Deadline">The deadline.</param>
/// <param name="RemainingSeconds">Working time left, in seconds; 0 once breached.</param>
/// <param name="IsWarning">Whether the warning threshold has been reached.</param>
/// <param name="IsBreached">Whether the deadline has passed.</param>
internal sealed record SlaDto(string Step, DateTimeOffset Deadline, long RemainingSeconds, bool IsWarning, bool IsBreached);

/// <summary>A report as the caller may see it; members the caller may not see are null and named in <paramref name="Hidden"/>.</summary>
/// <param name="Id">The id.</param>
/// <param name="State">The state.</param>
/// <param name="Version">The version, for optimistic concurrency.</param>
/// <param name="FieldCode">The field.</param>
/// <param name="IsUrgent">Urgent.</param>
/// <param name="IsConfidential">Confidential.</param>
/// <param name="Title">The title.</param>
/// <param name="Description">The description.</param>
/// <param name="Address">The address.</param>
/// <param name="Latitude">Latitude.</param>
/// <param name="Longitude">Longitude.</param>
/// <param name="AttachmentIds">The attachments.</param>
/// <param name="AssignedAgencyId">The agency handling it.</param>
/// <param name="Result">The result.</param>
/// <param name="Evidence">The evidence of the result.</param>
/// <param name="Rating">The rating level code.</param>
/// <param name="ReporterAccountId">The reporter's account (personal data).</param>
/// <param name="Contact">The reporter's contact details (personal data).</param>
/// <param name="Hidden">The members hidden from the caller.</param>
/// <param name="Sla">The current step's deadline, for staff.</param>
internal sealed record ReportDto(
    string Id,
    string State,
    int Version,
    string? FieldCode,
    bool IsUrgent,
    bool IsConfidential,
    string? Title,
    string? Description,
    string? Address,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<string> AttachmentIds,
    string? AssignedAgencyId,
    string? Result,
    IReadOnlyList<string> Evidence,
    string? Rating,
    string? ReporterAccountId,
    ContactDto? Contact,
    IReadOnlyList<string> Hidden,
    SlaDto? Sla);

/// <summary>A report in a working queue. Holds no personal data.</summary>
/// <param name="Id">The id.</param>
/// <param name="State">The state.</param>
/// <param name="Version">The version.</param>
/// <param name="Title">The title.</param>
/// <param name="FieldCode">The field.</param>
/// <param name="AreaCode">The area.</param>
/// <param name="AssignedAgencyId">The agency.</param>
/// <param name="IsUrgent">Urgent.</param>
/// <param name="SubmittedAt">When submitted.</param>
/// <param name="Sla">The current step's deadline and countdown.</param>
internal sealed record QueueItemDto(string Id, string State, int Version, string? Title, string? FieldCode, string? AreaCode, string? AssignedAgencyId, bool IsUrgent, DateTimeOffset SubmittedAt, SlaDto? Sla);

/// <summary>A published report, as the public sees it. Holds no personal data.</summary>
/// <param name="Id">The id.</param>
/// <param name="State">The state.</param>
/// <param name="Title">The title.</param>
/// <param name="Description">The description.</param>
/// <param name="FieldCode">The field.</param>
/// <param name="AreaCode">The area.</param>
/// <param name="Address">The address.</param>
/// <param name="Latitude">Latitude.</param>
/// <param name="Longitude">Longitude.</param>
/// <param name="AssignedAgencyId">The agency that handled it.</param>
/// <param name="Result">The published result.</param>
/// <param name="SubmittedAt">When submitted.</param>
/// <param name="PublishedAt">When published.</param>
internal sealed record PublishedReportDto(string Id, string State, string? Title, string Description, string? FieldCode, string? AreaCode, string? Address, double? Latitude, double? Longitude, string? AssignedAgencyId, string? Result, DateTimeOffset SubmittedAt, DateTimeOffset PublishedAt);

/// <summary>One of the caller's own reports, in their list. Holds no personal data.</summary>
/// <param name="Id">The id.</param>
/// <param name="State">The state.</param>
/// <param name="Version">The version.</param>
/// <param name="Title">The title.</param>
/// <param name="FieldCode">The field, once classified.</param>
/// <param name="AssignedAgencyId">The agency handling it.</param>
/// <param name="IsUrgent">Urgent.</param>
/// <param name="IsConfidential">Confidential.</param>
/// <param name="SubmittedAt">When submitted.</param>
internal sealed record OwnReportDto(string Id, string State, int Version, string? Title, string? FieldCode, string? AssignedAgencyId, bool IsUrgent, bool IsConfidential, DateTimeOffset SubmittedAt);

/// <summary>A page of a keyset-paged list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to read the next page; null on the last page.</param>
internal sealed record PageDto<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>One row of the statistics.</summary>
/// <param name="AgencyId">The agency; null for reports never assigned.</param>
/// <param name="FieldCode">The field; null for unclassified reports.</param>
/// <param name="State">The state.</param>
/// <param name="Count">How many reports.</param>
/// <param name="Urgent">How many urgent.</param>
/// <param name="Overdue">How many open past their deadline.</param>
internal sealed record StatisticsRowDto(string? AgencyId, string? FieldCode, string State, int Count, int Urgent, int Overdue);

/// <summary>Reject a report at intake.</summary>
/// <param name="Reason">The reason: one of the intake rejection reasons (for example <c>Incomplete</c>, <c>Duplicate</c>, <c>Other</c>).</param>
/// <param name="Explanation">The explanation sent to the reporter.</param>
/// <param name="DuplicateOf">For a duplicate, the original report.</param>
internal sealed record RejectRequest(string? Reason, string? Explanation, Guid? DuplicateOf);

/// <summary>Receive and classify a report.</summary>
/// <param name="FieldCode">The field.</param>
/// <param name="Urgent">Marks or clears urgency; null keeps it.</param>
internal sealed record ReceiveRequest(string? FieldCode, bool? Urgent);

/// <summary>Assign or redistribute a report to an agency.</summary>
/// <param name="AgencyId">The agency.</param>
/// <param name="Instructions">Instructions, optionally.</param>
internal sealed record AssignRequest(string? AgencyId, string? Instructions);

/// <summary>An answer (direct answer, follow-up answer).</summary>
/// <param name="Answer">The answer.</param>
internal sealed record AnswerRequest(string? Answer);

/// <summary>A reason (escalation, send back, withdrawal).</summary>
/// <param name="Reason">The reason.</param>
internal sealed record ReasonRequest(string? Reason);

/// <summary>Return a report to the centre as outside the agency's competence.</summary>
/// <param name="Reason">Why.</param>
/// <param name="ProposedAgencyId">The agency that should handle it, if known.</param>
internal sealed record ReturnRequest(string? Reason, string? ProposedAgencyId);

/// <summary>Resume an escalated report with the direction given.</summary>
/// <param name="Direction">The direction.</param>
/// <param name="AgencyId">The agency directed to handle it.</param>
internal sealed record ResumeRequest(string? Direction, string? AgencyId);

/// <summary>Submit the result of handling.</summary>
/// <param name="Result">The result.</param>
/// <param name="EvidenceAttachmentIds">Ids of evidence attachments already uploaded to this report (<c>POST reports/{id}/evidence</c>).</param>
internal sealed record ResultRequest(string? Result, IReadOnlyList<string>? EvidenceAttachmentIds);

/// <summary>Evidence files stored for a report, to cite in its result.</summary>
/// <param name="AttachmentIds">The ids given to the files, in the order they were sent.</param>
internal sealed record EvidenceUploadDto(IReadOnlyList<string> AttachmentIds);

/// <summary>A remark for the audit trail.</summary>
/// <param name="Remark">The remark, optionally.</param>
internal sealed record RemarkRequest(string? Remark);

/// <summary>Rate the result.</summary>
/// <param name="Level">The level code on the province's scale (for example <c>satisfied</c>).</param>
/// <param name="Comment">A comment, optionally.</param>
internal sealed record RateRequest(string? Level, string? Comment);

/// <summary>Everything a reporter gave in a province: contact details by report.</summary>
/// <param name="ReporterAccountId">The account.</param>
/// <param name="Reports">The contact details given with each report.</param>
internal sealed record ReporterDataDto(string ReporterAccountId, IReadOnlyList<ReporterReportDataDto> Reports);

/// <summary>The contact details given with one report.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="Contact">The contact.</param>
internal sealed record ReporterReportDataDto(string ReportId, ContactDto Contact);

/// <summary>The result of erasing a reporter's personal data.</summary>
/// <param name="ErasedReports">How many reports' contact details were erased by this request.</param>
internal sealed record ErasureDto(int ErasedReports);

/// <summary>The province profile in force, as an administrator sees it.</summary>
/// <param name="Id">The province id.</param>
/// <param name="DisplayName">The name.</param>
/// <param name="TimeZone">The time zone.</param>
/// <param name="Channels">The channel codes.</param>
/// <param name="Fields">The field codes.</param>
/// <param name="Agencies">The agency ids.</param>
/// <param name="RatingScale">The rating level codes.</param>
/// <param name="ReporterIdentity">The identity policy.</param>
/// <param name="MaxAttachments">The most files a submission may carry.</param>
/// <param name="MaxAttachmentBytes">The largest file accepted, in bytes.</param>
internal sealed record ProvinceProfileDto(string Id, string? DisplayName, string TimeZone, IReadOnlyList<string> Channels, IReadOnlyList<string> Fields, IReadOnlyList<string> Agencies, IReadOnlyList<string> RatingScale, string ReporterIdentity, int MaxAttachments, long MaxAttachmentBytes);
