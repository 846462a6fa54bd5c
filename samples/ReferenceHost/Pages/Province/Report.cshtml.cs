using FieldReports.Confidentiality;
using FieldReports.Reports;
using FieldReports.Stores;
using Microsoft.AspNetCore.Mvc;
using ReferenceHost.Hosting;
using ReferenceHost.Services;

namespace ReferenceHost.Pages.Province;

/// <summary>One report as the viewer may see it, with the actions the workflow allows this viewer now.</summary>
public sealed class ReportModel(ReportActions actions, IReporterDataStore reporterData, AttachmentFiles files, Deadlines deadlines, Lang l) : ProvincePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty] public string? Text { get; set; }

    [BindProperty] public string? Field { get; set; }

    [BindProperty] public string? Agency { get; set; }

    [BindProperty] public bool Urgent { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public string? Rating { get; set; }

    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public Report Report { get; private set; } = null!;

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

        var command = await CommandAsync(action, cancellationToken);
        if (command is null)
        {
            Error ??= l["Thao tác không hợp lệ.", "Not a valid action."];
            return Page();
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
                var evidence = new List<string>();
                foreach (var photo in Photos.Take(5))
                {
                    if (await files.SaveAsync(Province, photo, cancellationToken) is { } saved)
                    {
                        evidence.Add(saved.Id);
                    }
                }

                return new SubmitResultCommand(Text ?? "", evidence);
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
        if (Policy.View(report, contact, Actor, ReportConfidentiality.None, Now) is not { } view)
        {
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }

        Report = report;
        View = view;
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
}
