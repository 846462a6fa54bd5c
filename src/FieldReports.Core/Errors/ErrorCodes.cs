using System.Globalization;
using FieldReports.Reports;

namespace FieldReports;

/// <summary>
/// Every error code FieldReports produces, in one place. Codes are stable: integrations and clients may switch on them.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The trigger is not allowed in the report's current state.</summary>
    public const string TransitionNotPermitted = "workflow.transition_not_permitted";

    /// <summary>The actor's role may not fire this trigger.</summary>
    public const string RoleNotPermitted = "workflow.role_not_permitted";

    /// <summary>Handling staff acted on a report that is not assigned to their agency.</summary>
    public const string NotAssignedToAgency = "workflow.not_assigned_to_agency";

    /// <summary>Someone other than the report's reporter acted as its reporter.</summary>
    public const string NotTheReporter = "workflow.not_the_reporter";

    /// <summary>A confidential report's result cannot be published; reply privately instead.</summary>
    public const string ConfidentialCannotBePublished = "workflow.confidential_cannot_be_published";

    /// <summary>A returned report must go to an agency other than the one that returned it.</summary>
    public const string RedistributedToSameAgency = "workflow.redistributed_to_same_agency";

    /// <summary>A result cites as evidence an id that is not an attachment of this report; upload the evidence to the report first.</summary>
    public const string EvidenceNotAttached = "workflow.evidence_not_attached";

    /// <summary>A required argument of a command is missing.</summary>
    public const string ArgumentRequired = "validation.required";

    /// <summary>An argument of a command is longer than allowed.</summary>
    public const string ArgumentTooLong = "validation.too_long";

    /// <summary>An argument of a command has a value outside what it accepts.</summary>
    public const string ArgumentInvalid = "validation.invalid";

    /// <summary>Someone else changed the resource since it was read; read it again and retry.</summary>
    public const string ConcurrencyConflict = "store.concurrency_conflict";

    /// <summary>The province has no report with this id (or the caller may not know it exists).</summary>
    public const string ReportNotFound = "report.not_found";

    /// <summary>The signed-in user carries no FieldReports role (check the claim mapping).</summary>
    public const string NoRole = "auth.no_role";

    /// <summary>The HTTP request could not be read (syntax, types, encoding).</summary>
    public const string RequestMalformed = "request.malformed";

    /// <summary>The HTTP request body is larger than the endpoint accepts.</summary>
    public const string RequestTooLarge = "request.too_large";

    /// <summary>The server failed; the failure was logged without request data.</summary>
    public const string ServerError = "server.error";

    /// <summary>The request body did not arrive in time (HTTP 408); send it again.</summary>
    public const string RequestTimeout = "request.timeout";

    /// <summary>The server is taking as many uploads as it can at the moment (HTTP 503); retry after the time in <c>Retry-After</c>.</summary>
    public const string ServerBusy = "server.busy";

    /// <summary>The attachment storage failed to keep a file (HTTP 503, logged without request data); nothing was stored. Retry later.</summary>
    public const string StorageUnavailable = "server.storage_unavailable";

    /// <summary>The request body's media type is not one the endpoint reads.</summary>
    public const string RequestUnsupportedMediaType = "request.unsupported_media_type";

    /// <summary>No endpoint answers this route and method.</summary>
    public const string RouteNotFound = "request.not_found";

    /// <summary>The endpoint needs a signed-in user.</summary>
    public const string AuthenticationRequired = "auth.required";

    /// <summary>The signed-in user's role may not call the endpoint.</summary>
    public const string AccessDenied = "auth.forbidden";

    /// <summary>The request carries invalid fields; the problem lists each field and what is wrong with it.</summary>
    public const string RequestInvalid = "request.invalid";

    /// <summary>Too many requests from this client; retry after the time the <c>Retry-After</c> header gives.</summary>
    public const string RateLimited = "request.rate_limited";

    /// <summary>The <c>Idempotency-Key</c> header is empty, too long or not printable ASCII.</summary>
    public const string IdempotencyKeyInvalid = "idempotency.key_invalid";

    /// <summary>A request with the same <c>Idempotency-Key</c> is still being handled; retry later.</summary>
    public const string IdempotencyKeyInFlight = "idempotency.in_flight";

    /// <summary>The <c>Idempotency-Key</c> was already used for a request with a different payload; use a new key.</summary>
    public const string IdempotencyKeyReused = "idempotency.key_reused";

    /// <summary>An uploaded file's content is not of a type the endpoint accepts (checked from its bytes, not its name).</summary>
    public const string UploadTypeNotAllowed = "upload.type_not_allowed";

    /// <summary>An upload has too many files, or a file is larger than the province allows.</summary>
    public const string UploadTooLarge = "upload.too_large";

    /// <summary>An uploaded image declares more pixels, or a longer side, than the province accepts (a pixel flood); it was not decoded.</summary>
    public const string UploadImageTooLarge = "upload.image_too_large";

    /// <summary>An uploaded image is truncated or corrupt and could not be read; nothing was stored.</summary>
    public const string UploadImageUnreadable = "upload.image_unreadable";

    /// <summary>An uploaded MP4 or QuickTime video's boxes are malformed (truncated, or a size that does not fit its container); nothing was stored.</summary>
    public const string UploadVideoUnreadable = "upload.video_unreadable";

    /// <summary>The province is not configured in this deployment.</summary>
    public const string ProvinceUnknown = "province.unknown";

    /// <summary>A report, agency or account of one province was used with another province's rules.</summary>
    public const string ProvinceMismatch = "province.mismatch";

    /// <summary>Intake: the reporter's name is missing.</summary>
    public const string IntakeNameRequired = "intake.name_required";

    /// <summary>Intake: the reporter's phone number is missing.</summary>
    public const string IntakePhoneRequired = "intake.phone_required";

    /// <summary>Intake: the phone number is not a Vietnamese phone number.</summary>
    public const string IntakePhoneInvalid = "intake.phone_invalid";

    /// <summary>Intake: the reporter's e-mail is missing, and the province requires it.</summary>
    public const string IntakeEmailRequired = "intake.email_required";

    /// <summary>Intake: the e-mail address is malformed.</summary>
    public const string IntakeEmailInvalid = "intake.email_invalid";

    /// <summary>Intake: the description is missing or too short.</summary>
    public const string IntakeContentRequired = "intake.content_required";

    /// <summary>Intake: fewer images or videos than the province requires.</summary>
    public const string IntakeMediaRequired = "intake.media_required";

    /// <summary>Intake: neither coordinates nor an address were given.</summary>
    public const string IntakePlaceRequired = "intake.place_required";

    /// <summary>Intake: the report is in a language the province does not accept.</summary>
    public const string IntakeLanguageNotAccepted = "intake.language_not_accepted";

    /// <summary>Intake: a complaint, denunciation, dispute, lawsuit or administrative-procedure case, not a field report.</summary>
    public const string IntakeOutOfScope = "intake.out_of_scope";

    /// <summary>Intake: sent during the night window, and not urgent.</summary>
    public const string IntakeNightWindow = "intake.night_window";

    /// <summary>Intake: the channel is not one of the province's channels.</summary>
    public const string IntakeChannelUnknown = "intake.channel_unknown";

    /// <summary>Intake: the channel is a staff-entry channel (staff entry, hotline), which only reception staff may submit on.</summary>
    public const string IntakeChannelStaffOnly = "intake.channel_staff_only";

    /// <summary>Intake: the reporter's account is locked.</summary>
    public const string IntakeAccountLocked = "intake.account_locked";

    /// <summary>The account is locked for improper language.</summary>
    public const string AccountLocked = "moderation.account_locked";

    /// <summary>The account's interaction function is banned.</summary>
    public const string InteractionBanned = "moderation.interaction_banned";

    /// <summary>There is no sanction in force to lift.</summary>
    public const string NoSanctionToLift = "moderation.no_sanction_to_lift";

    /// <summary>A sanction of this kind is already in force on the account.</summary>
    public const string SanctionInForce = "moderation.sanction_in_force";

    /// <summary>The rating level is not on the province's scale.</summary>
    public const string RatingLevelUnknown = "rating.level_unknown";

    /// <summary>The period for changing a rating has ended.</summary>
    public const string RatingPeriodClosed = "rating.period_closed";

    /// <summary>Interaction is possible only on a published result.</summary>
    public const string InteractionNotPublished = "interaction.not_published";

    /// <summary>The interaction has already been answered.</summary>
    public const string InteractionAlreadyAnswered = "interaction.already_answered";

    /// <summary>The field is not one of the province's fields.</summary>
    public const string FieldUnknown = "routing.field_unknown";

    /// <summary>The agency is not one of the province's agencies.</summary>
    public const string AgencyUnknown = "routing.agency_unknown";

    /// <summary>No routing rule or fallback agency applies.</summary>
    public const string NoRoute = "routing.no_route";

    /// <summary>The province requires a returning agency to propose the agency that should handle the report.</summary>
    public const string ProposalRequired = "routing.proposal_required";

    /// <summary>The province has no escalation body configured.</summary>
    public const string NoEscalationTarget = "routing.no_escalation_target";

    /// <summary>A report cannot duplicate itself, a report of another province, or a report that is itself a duplicate.</summary>
    public const string InvalidDuplicate = "routing.invalid_duplicate";

    /// <summary>Consent to share identity cannot be recorded or withdrawn in the report's current situation.</summary>
    public const string ConsentInvalid = "confidentiality.consent_invalid";

    /// <summary>No reply channel is registered for the channel a report came in by.</summary>
    public const string ReplyChannelMissing = "channel.reply_channel_missing";

    /// <summary>A province's catalogue (fields and agency tree) was refused: it fails the profile's validation or removes what open reports use.</summary>
    public const string CatalogueInvalid = "catalogue.invalid";

    /// <summary>A catalogue edit did not say which version it changes (HTTP 428: send <c>If-Match</c> with the ETag read).</summary>
    public const string CataloguePreconditionRequired = "catalogue.precondition_required";

    /// <summary>A catalogue edit was based on another version than the one stored (HTTP 412): read the catalogue again and redo the edit.</summary>
    public const string CatalogueVersionMismatch = "catalogue.version_mismatch";

    /// <summary>No staff account directory is registered (HTTP 501): the host manages its accounts elsewhere.</summary>
    public const string AccountDirectoryUnavailable = "accounts.directory_unavailable";

    /// <summary>The province has no staff account with this id.</summary>
    public const string AccountNotFound = "accounts.not_found";

    /// <summary>A staff account's role is not a staff role (reception, approver, handling staff, leader, administrator).</summary>
    public const string AccountRoleInvalid = "accounts.role_invalid";

    /// <summary>A handling staff account names no agency.</summary>
    public const string AccountAgencyRequired = "accounts.agency_required";

    /// <summary>A staff account names an agency that is not in the province's catalogue in force.</summary>
    public const string AccountAgencyUnknown = "accounts.agency_unknown";

    /// <summary>A staff account other than handling staff names an agency.</summary>
    public const string AccountAgencyNotAllowed = "accounts.agency_not_allowed";

    /// <summary>The change would leave the province without an enabled administrator.</summary>
    public const string AccountLastAdministrator = "accounts.last_administrator";

    /// <summary>An administrator tried to disable their own account.</summary>
    public const string AccountCannotDisableSelf = "accounts.cannot_disable_self";

    /// <summary>The directory already has an account with this sign-in name.</summary>
    public const string AccountUserNameTaken = "accounts.user_name_taken";

    /// <summary>The directory signs accounts in with a password, and none was given.</summary>
    public const string AccountPasswordRequired = "accounts.password_required";

    /// <summary>The directory's password rules refused the initial password.</summary>
    public const string AccountPasswordRejected = "accounts.password_rejected";

    /// <summary>A staff account edit did not say which version it changes (HTTP 428: send <c>If-Match</c> with the ETag read).</summary>
    public const string AccountPreconditionRequired = "accounts.precondition_required";

    /// <summary>The staff account changed since it was read (HTTP 412): read it again and redo the edit.</summary>
    public const string AccountVersionMismatch = "accounts.version_mismatch";

    /// <summary>Factories for the errors above, with their messages.</summary>
    internal static class Errors
    {
        public static DomainError TransitionNotPermitted(ReportTrigger trigger, ReportState state) =>
            new(ErrorCodes.TransitionNotPermitted, ErrorKind.Conflict, Format(
                $"'{trigger}' is not allowed while the report is '{state}'. Read the report's state and choose an action it permits."));

        public static DomainError RoleNotPermitted(ReportTrigger trigger, ActorRole role, IEnumerable<ActorRole> allowed) =>
            new(ErrorCodes.RoleNotPermitted, ErrorKind.Forbidden, Format(
                $"A {role} may not '{trigger}' a report; only {string.Join(" or ", allowed)} may."));

        public static DomainError NotAssignedToAgency(ReportTrigger trigger) =>
            new(ErrorCodes.NotAssignedToAgency, ErrorKind.NotFound, Format(
                $"'{trigger}' is refused: the report is not assigned to the actor's agency."));

        public static DomainError NotTheReporter(ReportTrigger trigger) =>
            new(ErrorCodes.NotTheReporter, ErrorKind.NotFound, Format(
                $"'{trigger}' is refused: only the reporter who sent the report may do this."));

        public static DomainError ConfidentialCannotBePublished() =>
            new(ErrorCodes.ConfidentialCannotBePublished, ErrorKind.Rule,
                "The report is confidential: its result goes to the reporter only. Use 'ReplyPrivately' instead of 'Approve'.");

        public static DomainError RedistributedToSameAgency() =>
            new(ErrorCodes.RedistributedToSameAgency, ErrorKind.Validation,
                "The agency that returned the report cannot receive it again by redistribution; choose another agency.");

        public static DomainError EvidenceNotAttached(string id) =>
            new(ErrorCodes.EvidenceNotAttached, ErrorKind.Validation, Format(
                $"'{id}' is not an attachment of this report; upload the evidence to the report first, then cite the id it was given."));

        public static DomainError CommandArgumentRequired(string name) =>
            new(ErrorCodes.ArgumentRequired, ErrorKind.Validation, Format($"'{name}' is required."));

        public static DomainError CommandArgumentTooLong(string name, int max) =>
            new(ErrorCodes.ArgumentTooLong, ErrorKind.Validation, Format($"'{name}' is longer than {max} characters."));

        public static DomainError CommandArgumentInvalid(string name, string expected) =>
            new(ErrorCodes.ArgumentInvalid, ErrorKind.Validation, Format($"'{name}' must be {expected}."));

        // The same codes as the workflow's, for actions outside the workflow (recording a violation, consenting, answering an interaction).
        public static DomainError ActionNotPermitted(string action, ActorRole role, IEnumerable<ActorRole> allowed) =>
            new(ErrorCodes.RoleNotPermitted, ErrorKind.Forbidden, Format(
                $"A {role} may not {action}; only {string.Join(" or ", allowed)} may."));

        public static DomainError ActionNotTheReporter(string action) =>
            new(ErrorCodes.NotTheReporter, ErrorKind.NotFound, Format($"Only the reporter who sent the report may {action}."));

        public static DomainError ActionNotAssignedToAgency(string action) =>
            new(ErrorCodes.NotAssignedToAgency, ErrorKind.NotFound, Format($"Only the agency the report is assigned to may {action}."));

        public static DomainError ReportNotFound(Reports.ReportId id) =>
            new(ErrorCodes.ReportNotFound, ErrorKind.NotFound, Format($"The province has no report {id}."));

        public static DomainError ProvinceUnknown(string provinceId) =>
            new(ErrorCodes.ProvinceUnknown, ErrorKind.NotFound, Format($"The province '{provinceId}' is not configured. Add it under FieldReports:Provinces."));

        public static DomainError ProvinceMismatch() =>
            new(ErrorCodes.ProvinceMismatch, ErrorKind.NotFound, "The report belongs to another province; each province's data and rules stay apart.");

        public static DomainError AccountLocked() =>
            new(ErrorCodes.AccountLocked, ErrorKind.Rule, "The account is locked for improper language; an administrator may lift the lock.");

        public static DomainError InteractionBanned(NodaTime.Instant? until) =>
            new(ErrorCodes.InteractionBanned, ErrorKind.Rule, until is { } u
                ? Format($"The account may not interact until {u}.")
                : "The account may not interact until an administrator lifts the ban.");

        public static DomainError NoSanctionToLift() =>
            new(ErrorCodes.NoSanctionToLift, ErrorKind.Conflict, "The account has no sanction of this kind in force.");

        public static DomainError SanctionInForce() =>
            new(ErrorCodes.SanctionInForce, ErrorKind.Conflict, "The account already has a sanction of this kind in force; lift it first to impose another.");

        public static DomainError RatingLevelUnknown(string code) =>
            new(ErrorCodes.RatingLevelUnknown, ErrorKind.Validation, Format($"'{code}' is not a level of the province's rating scale."));

        public static DomainError RatingPeriodClosed() =>
            new(ErrorCodes.RatingPeriodClosed, ErrorKind.Rule, "The period for changing this rating has ended.");

        public static DomainError InteractionNotPublished() =>
            new(ErrorCodes.InteractionNotPublished, ErrorKind.Conflict, "Citizens interact only with published results; this report's result is not published.");

        public static DomainError InteractionAlreadyAnswered() =>
            new(ErrorCodes.InteractionAlreadyAnswered, ErrorKind.Conflict, "The interaction has already been answered.");

        public static DomainError FieldUnknown(string code) =>
            new(ErrorCodes.FieldUnknown, ErrorKind.Validation, Format($"'{code}' is not a field of the province."));

        public static DomainError AgencyUnknown(string id) =>
            new(ErrorCodes.AgencyUnknown, ErrorKind.Validation, Format($"'{id}' is not an agency of the province."));

        public static DomainError NoRoute(string field) =>
            new(ErrorCodes.NoRoute, ErrorKind.Rule, Format($"No routing rule matches field '{field}' and the province has no fallback agency; choose the agency by hand."));

        public static DomainError ProposalRequired() =>
            new(ErrorCodes.ProposalRequired, ErrorKind.Validation, "The province requires a returned report to name the agency that should handle it ('proposedAgencyId').");

        public static DomainError NoEscalationTarget() =>
            new(ErrorCodes.NoEscalationTarget, ErrorKind.Rule, "The province has no escalation body; set Routing:EscalationTarget.");

        public static DomainError InvalidDuplicate(string why) =>
            new(ErrorCodes.InvalidDuplicate, ErrorKind.Validation, Format($"The report cannot be linked as a duplicate: {why}."));

        public static DomainError ConsentInvalid(string why) =>
            new(ErrorCodes.ConsentInvalid, ErrorKind.Conflict, Format($"Consent cannot be changed: {why}."));

        // Intake rejections carry a Vietnamese message for the reporter as well as the English one.
        public static Intake.IntakeRejection Intake(string code, Reports.IntakeRejectionReason reason, string vi, string en) => new(reason, code, vi, en);

        public static Intake.IntakeRejection IntakeNameRequired() => Intake(ErrorCodes.IntakeNameRequired, Reports.IntakeRejectionReason.Incomplete,
            "Vui lòng cung cấp họ và tên người phản ánh.", "Please give the reporter's name.");

        public static Intake.IntakeRejection IntakePhoneRequired() => Intake(ErrorCodes.IntakePhoneRequired, Reports.IntakeRejectionReason.Incomplete,
            "Vui lòng cung cấp số điện thoại liên hệ.", "Please give a contact phone number.");

        public static Intake.IntakeRejection IntakePhoneInvalid() => Intake(ErrorCodes.IntakePhoneInvalid, Reports.IntakeRejectionReason.Incomplete,
            "Số điện thoại không hợp lệ; vui lòng nhập số điện thoại Việt Nam (ví dụ 0912 345 678).", "The phone number is not valid; give a Vietnamese number (for example 0912 345 678).");

        public static Intake.IntakeRejection IntakeEmailRequired() => Intake(ErrorCodes.IntakeEmailRequired, Reports.IntakeRejectionReason.Incomplete,
            "Vui lòng cung cấp địa chỉ thư điện tử.", "Please give an e-mail address.");

        public static Intake.IntakeRejection IntakeEmailInvalid() => Intake(ErrorCodes.IntakeEmailInvalid, Reports.IntakeRejectionReason.Incomplete,
            "Địa chỉ thư điện tử không hợp lệ.", "The e-mail address is not valid.");

        public static Intake.IntakeRejection IntakeContentRequired(int min) => Intake(ErrorCodes.IntakeContentRequired, Reports.IntakeRejectionReason.Incomplete,
            Format($"Vui lòng mô tả rõ nội dung phản ánh (ít nhất {min} ký tự)."), Format($"Please describe the situation clearly (at least {min} characters)."));

        public static Intake.IntakeRejection IntakeMediaRequired(int min) => Intake(ErrorCodes.IntakeMediaRequired, Reports.IntakeRejectionReason.Incomplete,
            Format($"Vui lòng đính kèm ít nhất {min} hình ảnh hoặc video."), Format($"Please attach at least {min} image(s) or video(s)."));

        public static Intake.IntakeRejection IntakePlaceRequired() => Intake(ErrorCodes.IntakePlaceRequired, Reports.IntakeRejectionReason.Incomplete,
            "Vui lòng cho biết địa điểm (vị trí trên bản đồ hoặc địa chỉ).", "Please give the place (a map location or an address).");

        public static Intake.IntakeRejection IntakeLanguageNotAccepted() => Intake(ErrorCodes.IntakeLanguageNotAccepted, Reports.IntakeRejectionReason.UnsupportedLanguage,
            "Phản ánh phải được viết bằng tiếng Việt.", "Reports must be written in Vietnamese (or another language the province accepts).");

        public static Intake.IntakeRejection IntakeOutOfScope() => Intake(ErrorCodes.IntakeOutOfScope, Reports.IntakeRejectionReason.OutOfScope,
            "Nội dung khiếu nại, tố cáo, tranh chấp, khởi kiện hoặc thủ tục hành chính không thuộc phạm vi tiếp nhận phản ánh hiện trường; vui lòng gửi theo quy định của pháp luật về lĩnh vực đó.",
            "Complaints, denunciations, disputes, lawsuits and administrative procedures are not field reports; send them through the procedure the law sets for them.");

        public static Intake.IntakeRejection IntakeNightWindow(string from, string to) => Intake(ErrorCodes.IntakeNightWindow, Reports.IntakeRejectionReason.OutsideNightWindow,
            Format($"Từ {from} đến {to} hệ thống chỉ tiếp nhận các vụ việc cần xử lý ngay; vui lòng gửi lại sau {to}."),
            Format($"From {from} to {to} only matters needing immediate handling are accepted; please send it again after {to}."));

        public static Intake.IntakeRejection IntakeChannelUnknown() => Intake(ErrorCodes.IntakeChannelUnknown, Reports.IntakeRejectionReason.Other,
            "Kênh tiếp nhận không được hỗ trợ.", "The channel is not one of the province's intake channels.");

        public static Intake.IntakeRejection IntakeChannelStaffOnly(string channel) => Intake(ErrorCodes.IntakeChannelStaffOnly, Reports.IntakeRejectionReason.Other,
            Format($"Kênh \"{channel}\" chỉ dành cho cán bộ tiếp nhận nhập phản ánh thay người dân; vui lòng gửi qua ứng dụng hoặc cổng thông tin."),
            Format($"The \"{channel}\" channel is for reception staff entering a report on a caller's behalf; please send the report through the app or the web portal."));

        public static Intake.IntakeRejection IntakeAccountLocked() => Intake(ErrorCodes.IntakeAccountLocked, Reports.IntakeRejectionReason.AbusiveLanguage,
            "Tài khoản đã bị khóa do sử dụng ngôn từ không phù hợp.", "The account is locked for improper language.");

        public static DomainError ReplyChannelMissing(string channel) =>
            new(ErrorCodes.ReplyChannelMissing, ErrorKind.Rule, Format($"No reply channel is registered for '{channel}'; register one with AddReplyChannel."));

        public static DomainError CatalogueInvalid(string provinceId, int problems) =>
            new(ErrorCodes.CatalogueInvalid, ErrorKind.Validation, Format(
                $"The catalogue of province '{provinceId}' was not saved: {problems} problem(s), listed under 'errors'. Fix them and send the whole catalogue again."));

        public static DomainError CatalogueVersionMismatch(string provinceId, int expected, int stored) =>
            new(ErrorCodes.CatalogueVersionMismatch, ErrorKind.Conflict, Format(
                $"The catalogue of province '{provinceId}' is at version {stored}, not {expected}: someone else changed it. Read it again and redo the edit on top."));

        public static DomainError AccountNotFound() =>
            new(ErrorCodes.AccountNotFound, ErrorKind.NotFound, "The province has no staff account with this id.");

        public static DomainError AccountRoleInvalid(ActorRole role) =>
            new(ErrorCodes.AccountRoleInvalid, ErrorKind.Validation, Format(
                $"'{role}' is not a staff role; give ReceptionStaff, Approver, HandlingStaff, Leader or Administrator."));

        public static DomainError AccountAgencyRequired() =>
            new(ErrorCodes.AccountAgencyRequired, ErrorKind.Validation, "Handling staff work for an agency: give 'agencyId', one of the province's agencies.");

        public static DomainError AccountAgencyUnknown(string id) =>
            new(ErrorCodes.AccountAgencyUnknown, ErrorKind.Validation, Format($"'{id}' is not an agency of the province's catalogue in force."));

        public static DomainError AccountAgencyNotAllowed(ActorRole role) =>
            new(ErrorCodes.AccountAgencyNotAllowed, ErrorKind.Validation, Format($"A {role} works for no agency; leave 'agencyId' out."));

        public static DomainError AccountLastAdministrator() =>
            new(ErrorCodes.AccountLastAdministrator, ErrorKind.Conflict, "This is the province's last enabled administrator; give another account the role first.");

        public static DomainError AccountCannotDisableSelf() =>
            new(ErrorCodes.AccountCannotDisableSelf, ErrorKind.Rule, "An administrator cannot disable their own account; another administrator may.");

        private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
