using FieldReports;
using FieldReports.Confidentiality;
using FieldReports.Moderation;
using FieldReports.Rating;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.AspNetCore.Mvc;
using ReferenceHost.Hosting;
using ReferenceHost.Services;

namespace ReferenceHost.Pages.Province;

/// <summary>One report as the viewer may see it, with the actions the workflow allows this viewer now.</summary>
public sealed class ReportModel(ReportActions actions, IReporterDataStore reporterData, FieldReports.AspNetCore.AttachmentIntake intake, Deadlines deadlines, Lang l) : ProvincePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty] public string? Text { get; set; }

    [BindProperty] public string? Field { get; set; }

    [BindProperty] public string? Agency { get; set; }

    [BindProperty] public bool Urgent { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public string? Rating { get; set; }

    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    /// <summary>The result's photos, checked and kept by the library's upload pipeline until the result is recorded.</summary>
    private FieldReports.AspNetCore.AttachmentBatch? _evidence;

    [BindProperty] public InteractionKind Kind { get; set; }

    [BindProperty] public Guid Interaction { get; set; }

    /// <summary>The report's confidentiality marks: the reporter's identity consent (standing or withdrawn) and requests.</summary>
    public ReportConfidentiality Marks { get; private set; } = ReportConfidentiality.None;

    /// <summary>The interactions this viewer may read: all of them for staff, a citizen's own for a citizen.</summary>
    public List<Interaction> Interactions { get; } = [];

    /// <summary>Whether the province's interaction policy lets this viewer interact with the report now.</summary>
    public bool CanInteract { get; private set; }

    /// <summary>Why this citizen may not interact now, when their interaction is banned.</summary>
    public string? InteractionRefusal { get; private set; }

    /// <summary>Whether the reporter may give consent now (none standing, and the province asks for consent).</summary>
    public bool CanGiveConsent { get; private set; }

    /// <summary>Whether the reporter may withdraw a standing consent now.</summary>
    public bool CanWithdrawConsent { get; private set; }

    /// <summary>Whether this viewer may answer an interaction, asked of the province's interaction policy on a copy.</summary>
    public bool CanAnswer(Interaction interaction) =>
        Actor is not null && interaction.AnsweredAt is null
        && InteractionPolicyOf().Answer(FieldReports.Rating.Interaction.Restore(interaction.ToSnapshot()), Actor, "x", Now).IsSuccess;

    public Report Report { get; private set; } = null!;

    /// <summary>
    /// Where a photo of the report is served: the API's download, which gives the centre's staff the original and the
    /// reporter, the assigned agency and leaders the copy without metadata; anyone else gets the public download, which
    /// serves the stripped copy of a published, non-confidential report only.
    /// </summary>
    public string PhotoUrl(string attachmentId)
    {
        var involved = Actor is { } a
            && (a.Role is not (ActorRole.Reporter or ActorRole.HandlingStaff)
                || (a.Role == ActorRole.Reporter && a.AccountId == Report.ReporterAccountId)
                || (a.Role == ActorRole.HandlingStaff && a.AgencyId is not null && a.AgencyId == Report.AssignedAgencyId));
        return $"/api/v1/provinces/{Uri.EscapeDataString(Province)}/{(involved ? "" : "public/")}reports/{Report.Id}/attachments/{Uri.EscapeDataString(attachmentId)}";
    }

    public ReportView View { get; private set; } = null!;

    public string? Error { get; private set; }

    public FieldReports.Sla.SlaStatus? Sla { get; private set; }

    /// <summary>The triggers this viewer may fire now, asked of the domain with placeholder arguments.</summary>
    public HashSet<ReportTrigger> Allowed { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Actor is null)
        {
            return Refuse();
        }

        if (await OtherActionAsync(action, cancellationToken) is { } other)
        {
            if (!other.IsSuccess)
            {
                Error = ReferenceHost.Pages.Ui.Error(l, other.Error!);
                await LoadAsync(cancellationToken);
                return Page();
            }

            return Redirect($"/{Province}/reports/{Id}?done={action}");
        }

        var command = await CommandAsync(action, cancellationToken);
        if (command is null)
        {
            Error ??= l["Thao tác không hợp lệ.", "Not a valid action."];
            return Page();
        }

        // A result may cite only its report's attachments, so the photos are recorded under the report first, as the API's
        // evidence upload does; if the result is then refused they stay uncited, and nobody can download them.
        if (_evidence is not null)
        {
            await intake.CommitAsync(Province, new ReportId(Id), _evidence, Now, CancellationToken.None);
        }

        var result = await actions.ApplyAsync(Province, Id, command, Actor, cancellationToken);

        if (!result.IsSuccess)
        {
            Error = result.Error!.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/{Province}/reports/{Id}?done={action}");
    }

    /// <summary>Consent and interactions: decided by the province's policies, kept in the core's stores.</summary>
    private async Task<DomainResult?> OtherActionAsync(string action, CancellationToken cancellationToken) => action switch
    {
        "consent" => await actions.GiveConsentAsync(Province, Report, Actor!, cancellationToken),
        "withdraw-consent" => await actions.WithdrawConsentAsync(Province, Report, Actor!, cancellationToken),
        "interact" => await actions.InteractAsync(Province, Report, Actor!, Kind, Text ?? "", cancellationToken),
        "answer-interaction" => await actions.AnswerAsync(Province, Interaction, Actor!, Text ?? "", cancellationToken),
        _ => (DomainResult?)null,
    };

    private InteractionPolicy InteractionPolicyOf() => HttpContext.RequestServices.GetRequiredKeyedService<InteractionPolicy>(Province);

    private async Task<ReportCommand?> CommandAsync(string action, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case "receive": return string.IsNullOrEmpty(Field) ? null : new ReceiveCommand(Field, Urgent ? true : null);
            case "reject": return Enum.TryParse<IntakeRejectionReason>(Reason, out var why) ? new RejectCommand(why, string.IsNullOrWhiteSpace(Text) ? null : Text) : null;
            case "answer": return new AnswerDirectlyCommand(Text ?? "");
            case "assign": return string.IsNullOrEmpty(Agency) ? null : new AssignCommand(Agency, string.IsNullOrWhiteSpace(Text) ? null : Text);
            case "redistribute": return string.IsNullOrEmpty(Agency) ? null : new RedistributeCommand(Agency, string.IsNullOrWhiteSpace(Text) ? null : Text);
            case "acknowledge": return new AcknowledgeCommand();
            case "return": return new ReturnToCentreCommand(Text ?? "", string.IsNullOrEmpty(Agency) ? null : Agency);
            case "result":
                _evidence = await intake.ReceiveAsync(Profile, Photos, cancellationToken);
                if (_evidence.Error is { } refused)
                {
                    Error = ReferenceHost.Pages.Ui.Error(l, refused);
                    _evidence = null;
                    return null;
                }

                return new SubmitResultCommand(Text ?? "", [.. _evidence.Attachments.Select(a => a.Id)]);
            case "approve": return new ApproveCommand(string.IsNullOrWhiteSpace(Text) ? null : Text);
            case "private": return new ReplyPrivatelyCommand(string.IsNullOrWhiteSpace(Text) ? null : Text);
            case "sendback": return new SendBackCommand(Text ?? "");
            case "escalate": return new EscalateCommand(Text ?? "");
            case "resume": return string.IsNullOrEmpty(Agency) ? null : new ResumeCommand(Text ?? "", Agency);
            case "followup": return new AnswerFollowUpCommand(Text ?? "");
            case "withdraw": return new WithdrawCommand(string.IsNullOrWhiteSpace(Text) ? null : Text);
            case "close": return new CloseCommand(string.IsNullOrWhiteSpace(Text) ? null : Text);
            case "rate":
                var level = Profile.RatingScale.FirstOrDefault(r => r.Code == Rating);
                return level.Code is null ? null : new RateCommand(level, string.IsNullOrWhiteSpace(Text) ? null : Text);
            default: return null;
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await actions.FindAsync(Province, Id, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        var contact = await reporterData.FindContactAsync(Province, report.Id, cancellationToken);
        var marks = await actions.MarksAsync(Province, Id, cancellationToken);
        if (Policy.View(report, contact, Actor, marks, Now) is not { } view)
        {
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }

        Report = report;
        View = view;
        Marks = marks;
        await LoadInteractionsAsync(report, cancellationToken);
        Sla = deadlines.Current(report, Now);
        Allowed.Clear();
        if (Actor is not null)
        {
            var agency = HandlingAgencies(Profile).FirstOrDefault()?.Id ?? "x";
            ReportCommand[] probes =
            [
                new ReceiveCommand(Profile.Fields.Keys.FirstOrDefault() ?? "x"), new RejectCommand(IntakeRejectionReason.Other, "x"), new AnswerDirectlyCommand("x"),
                new AssignCommand(agency), new RedistributeCommand(report.AssignedAgencyId == agency ? HandlingAgencies(Profile).LastOrDefault()?.Id ?? agency : agency),
                new AcknowledgeCommand(), new ReturnToCentreCommand("x"), new SubmitResultCommand("x"), new ApproveCommand(), new ReplyPrivatelyCommand(),
                new SendBackCommand("x"), new EscalateCommand("x"), new ResumeCommand("x", agency), new AnswerFollowUpCommand("x"), new WithdrawCommand(),
                new RateCommand(Profile.RatingScale.FirstOrDefault(RatingLevel.Satisfied)), new CloseCommand(),
            ];
            foreach (var probe in probes)
            {
                if (report.CanApply(probe, Actor).IsSuccess)
                {
                    Allowed.Add(probe.Trigger);
                }
            }
        }

        return null;
    }

    private async Task LoadInteractionsAsync(Report report, CancellationToken cancellationToken)
    {
        Interactions.Clear();
        CanInteract = CanGiveConsent = CanWithdrawConsent = false;
        InteractionRefusal = null;
        if (Actor is null)
        {
            return;
        }

        var all = await actions.InteractionsAsync(Province, Id, cancellationToken);
        var viewer = ConfidentialityPolicy.ViewerOf(report, Actor);
        Interactions.AddRange(Actor.Role == ActorRole.Reporter ? all.Where(i => i.AccountId == Actor.AccountId) : viewer == ViewerKind.OtherAgency ? [] : all);
        if (Actor.Role == ActorRole.Reporter)
        {
            var account = await actions.ModerationAsync(Province, Actor.AccountId, cancellationToken);
            var (opened, _) = InteractionPolicyOf().Open(report, Actor, InteractionKind.Comment, "x", Now, account);
            CanInteract = opened.IsSuccess;
            InteractionRefusal = opened.Error?.Code == ErrorCodes.InteractionBanned ? ReferenceHost.Pages.Ui.Error(l, opened.Error) : null;
        }

        if (viewer == ViewerKind.Reporter)
        {
            CanGiveConsent = Marks.Consent?.StandsAt(Now) != true && Policy.GiveConsent(report, Actor, ReportActions.ConsentPurpose, Marks, Now).Result.IsSuccess;
            CanWithdrawConsent = Policy.WithdrawConsent(report, Actor, Marks, Now).Result.IsSuccess;
        }
    }
}
