using System.Globalization;
using FieldReports.Moderation;
using FieldReports.Provinces;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Intake;

/// <summary>
/// The intake rules of one province: checks a draft from any channel, normalises it and, when it passes, creates the
/// report with <see cref="Report.Submit"/>. Registered as a keyed service per province id. Thread-safe.
/// </summary>
/// <remarks>
/// Checks, in order (Cà Mau art. 6–7.1a; Tiền Giang Decision 2830/2020; Huế Decision 30/2022): the channel is the
/// province's; the kind is a field report (otherwise out of scope); the reporter's account is not locked; the night
/// window (only urgent reports inside it); then completeness — language, description, media, place, contact — where
/// every shortfall is reported at once. Urgent categories and urgent words mark the report urgent, which bypasses the
/// queue and the night window. Scope words and the content screen only signal to staff.
/// </remarks>
public sealed class IntakeService
{
    private static readonly string[] DefaultUrgentCategories = ["security", "fire", "rescue", "accident"];

    private static readonly string[] DefaultUrgentWords =
        ["cháy", "hỏa hoạn", "hoả hoạn", "tai nạn", "cứu nạn", "cứu hộ", "đuối nước", "cướp", "trộm", "đánh nhau", "gây rối", "sạt lở"];

    private static readonly string[] DefaultScopeWords =
        ["khiếu nại", "tố cáo", "tranh chấp", "khởi kiện", "kiện tụng", "thủ tục hành chính"];

    private readonly IClock _clock;
    private readonly IContentScreen _screen;

    /// <summary>Creates the intake of a province.</summary>
    /// <param name="profile">The province.</param>
    /// <param name="clock">The clock giving the instant of intake.</param>
    /// <param name="screen">The content screen; <see langword="null"/> for <see cref="VietnameseContentScreen"/> with the province's words.</param>
    public IntakeService(ProvinceProfile profile, IClock clock, IContentScreen? screen = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(clock);
        Profile = profile;
        _clock = clock;
        _screen = screen ?? new VietnameseContentScreen(profile.Options.Moderation.AbusiveWords);
    }

    /// <summary>The province whose rules apply.</summary>
    public ProvinceProfile Profile { get; }

    /// <summary>
    /// Checks a draft and, when it passes, creates the report. The instant of intake is the clock's now; the rules in
    /// force then apply.
    /// </summary>
    /// <param name="draft">The draft, from any channel.</param>
    /// <param name="submitter">The reporter themself, reception staff entering it for a caller, or the system for an inbound channel.</param>
    /// <param name="reporterAccount">The reporter's moderation record, to refuse a locked account; <see langword="null"/> when the account has none.</param>
    /// <returns>The report, or every rejection; a rejected draft creates nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> or <paramref name="submitter"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The submitter may not submit (for example a reporter submitting for another account), or the draft has no
    /// reporter account id: both are errors of the calling code, not of the reporter.
    /// </exception>
    public IntakeResult Submit(ReportDraft draft, Actor submitter, AccountModeration? reporterAccount = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(submitter);
        var at = _clock.GetCurrentInstant();
        var trusted = submitter.Role is ActorRole.ReceptionStaff or ActorRole.System;

        var channel = Profile.FindChannel(draft.Channel);
        if (channel is null)
        {
            return Rejected(ErrorCodes.Errors.IntakeChannelUnknown());
        }

        // Staff entry and the hotline are entered by reception staff on a caller's behalf (or by the system's own
        // adapter); a reporter who named them would skip the media requirement those channels relax.
        if (channel.Kind is ChannelKind.Staff or ChannelKind.Hotline && !trusted)
        {
            return Rejected(ErrorCodes.Errors.IntakeChannelStaffOnly(channel.Code));
        }

        if (draft.Kind != ReportKind.FieldReport)
        {
            return Rejected(ErrorCodes.Errors.IntakeOutOfScope());
        }

        if (reporterAccount is not null && reporterAccount.IsLocked(at))
        {
            return Rejected(ErrorCodes.Errors.IntakeAccountLocked());
        }

        var title = VietnameseText.Normalize(draft.Title);
        var description = VietnameseText.Normalize(draft.Description);
        var address = VietnameseText.Normalize(draft.Address);
        var text = string.Join('\n', new[] { title, description }.Where(t => t is not null));
        var signals = submitter.Role == ActorRole.ReceptionStaff ? IntakeSignals.EnteredByStaff : IntakeSignals.None;

        var intake = Profile.Options.Intake;
        var urgentCategories = intake.UrgentCategories.Count > 0 ? intake.UrgentCategories : DefaultUrgentCategories;
        var urgent = (trusted && draft.MarkedUrgent)
            || (draft.Category is { } category && urgentCategories.Contains(category, StringComparer.OrdinalIgnoreCase));
        if (VietnameseText.FindPhrases(text, intake.UrgentKeywords.Count > 0 ? intake.UrgentKeywords : DefaultUrgentWords, foldDiacritics: false).Count > 0)
        {
            signals |= IntakeSignals.UrgentByKeyword;
            urgent = true;
        }

        var scopeWords = VietnameseText.FindPhrases(text, intake.OutOfScopeKeywords.Count > 0 ? intake.OutOfScopeKeywords : DefaultScopeWords, foldDiacritics: false);
        if (scopeWords.Count > 0)
        {
            if (intake.RejectOnScopeKeywords)
            {
                return Rejected(ErrorCodes.Errors.IntakeOutOfScope());
            }

            signals |= IntakeSignals.PossiblyOutOfScope;
        }

        if (!urgent && Profile.NightWindowAt(at) is { } window && window.Contains(at.InZone(Profile.TimeZone).TimeOfDay))
        {
            return Rejected(ErrorCodes.Errors.IntakeNightWindow(Hm(window.Start), Hm(window.End)));
        }

        var problems = new List<IntakeRejection>();
        var language = (draft.Language ?? string.Empty).Split('-')[0];
        if (!Profile.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(ErrorCodes.Errors.IntakeLanguageNotAccepted());
        }

        if (description is null || description.Length < intake.MinimumDescriptionLength)
        {
            problems.Add(ErrorCodes.Errors.IntakeContentRequired(intake.MinimumDescriptionLength));
        }

        if (!channel.MediaOptional && draft.Attachments.Count(a => a.IsMedia) < intake.MinimumMedia)
        {
            problems.Add(ErrorCodes.Errors.IntakeMediaRequired(intake.MinimumMedia));
        }

        if (intake.RequirePlace && draft.Location is null && address is null)
        {
            problems.Add(ErrorCodes.Errors.IntakePlaceRequired());
        }

        var name = VietnameseText.Normalize(draft.Contact.Name);
        if (intake.RequireName && name is null)
        {
            problems.Add(ErrorCodes.Errors.IntakeNameRequired());
        }

        string? phone = null;
        if (VietnameseText.Normalize(draft.Contact.Phone) is { } rawPhone)
        {
            if (!VietnamesePhoneNumber.TryNormalize(rawPhone, out phone))
            {
                problems.Add(ErrorCodes.Errors.IntakePhoneInvalid());
            }
        }
        else if (intake.RequirePhone)
        {
            problems.Add(ErrorCodes.Errors.IntakePhoneRequired());
        }

        var email = VietnameseText.Normalize(draft.Contact.Email);
        if (email is not null)
        {
            if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || !string.Equals(parsed.Address, email, StringComparison.Ordinal))
            {
                problems.Add(ErrorCodes.Errors.IntakeEmailInvalid());
            }
        }
        else if (intake.RequireEmail)
        {
            problems.Add(ErrorCodes.Errors.IntakeEmailRequired());
        }

        if (problems.Count > 0)
        {
            return new IntakeResult { Rejections = problems, Signals = signals };
        }

        if (_screen.Screen(text).IsFlagged)
        {
            signals |= IntakeSignals.PossiblyAbusive;
        }

        var content = new ReportContent
        {
            Title = title,
            Description = description!,
            Location = draft.Location,
            Address = address,
            AreaCode = VietnameseText.Normalize(draft.AreaCode),
            ObservedAt = draft.ObservedAt,
            Language = language.ToLowerInvariant(),
            AttachmentIds = [.. draft.Attachments.Select(a => a.Id)],
        };
        var report = Report.Submit(
            ReportId.New(),
            new ReportSubmission
            {
                ProvinceId = Profile.Id,
                ReporterAccountId = draft.ReporterAccountId,
                Channel = channel.Code,
                Content = content,
                IsUrgent = urgent,
                IsConfidential = draft.Confidential,
            },
            submitter,
            at);
        return new IntakeResult
        {
            Report = report,
            Contact = new ReporterContact { Name = name, Phone = phone, Email = email },
            Attachments = draft.Attachments,
            Signals = signals,
        };
    }

    private static IntakeResult Rejected(IntakeRejection rejection) => new() { Rejections = [rejection] };

    private static string Hm(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
