using FieldReports.AspNetCore;
using FieldReports.Intake;
using FieldReports.Provinces;
using FieldReports.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ReferenceHost.Hosting;
using ReferenceHost.Services;

namespace ReferenceHost.Pages.Province;

[Authorize]
public sealed class SubmitModel(ReportActions actions, AttachmentIntake intake, Lang l, IConfiguration configuration) : ProvincePage
{
    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Description { get; set; }

    [BindProperty] public string? Latitude { get; set; }

    [BindProperty] public string? Longitude { get; set; }

    [BindProperty] public string? Address { get; set; }

    /// <summary>An emergency category (fire, security, rescue, accident): the province's intake treats it as urgent.</summary>
    [BindProperty] public string? Category { get; set; }

    [BindProperty] public bool Confidential { get; set; }

    [BindProperty] public bool Truthful { get; set; }

    /// <summary>Consent to share the reporter's identity with the handling agency (where the province asks for consent).</summary>
    [BindProperty] public bool ShareIdentity { get; set; }

    /// <summary>A request to keep the reporter's identity secret from the agency (where the province keeps it secret on request).</summary>
    [BindProperty] public bool KeepIdentitySecret { get; set; }

    /// <summary>The account's lock, when it is locked: the page shows why instead of the form.</summary>
    public FieldReports.Moderation.ModerationDecision? Lock { get; private set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? Phone { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public List<string> Errors { get; } = [];

    public string TileUrl => configuration["FieldReports:Map:TileUrl"] ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Is(ActorRole.Reporter))
        {
            return Refuse();
        }

        await LoadLockAsync(cancellationToken);

        Name = User.FindFirst("display_name")?.Value;
        Email = User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Is(ActorRole.Reporter))
        {
            return Refuse();
        }

        await LoadLockAsync(cancellationToken);
        if (Lock is not null)
        {
            // The intake refuses a locked account too; the page does not even keep the photos.
            return Page();
        }

        if (!Truthful)
        {
            Errors.Add(l["Vui lòng xác nhận thông tin phản ánh là đúng sự thật.", "Please confirm the report is truthful."]);
        }

        GeoPoint? location = null;
        if (!string.IsNullOrWhiteSpace(Latitude) || !string.IsNullOrWhiteSpace(Longitude))
        {
            if (double.TryParse(Latitude, System.Globalization.CultureInfo.InvariantCulture, out var lat) && double.TryParse(Longitude, System.Globalization.CultureInfo.InvariantCulture, out var lon)
                && lat is >= -90 and <= 90 && lon is >= -180 and <= 180)
            {
                location = new GeoPoint(lat, lon);
            }
            else
            {
                Errors.Add(l["Vĩ độ/kinh độ không hợp lệ (ví dụ 16.4637 và 107.5909).", "Latitude/longitude are not valid (e.g. 16.4637 and 107.5909)."]);
            }
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        // The API's checks: by content, not by name; images kept as sent for the centre and stripped of metadata for others.
        var photos = await intake.ReceiveAsync(Profile, Photos, cancellationToken);
        if (photos.Error is { } refused)
        {
            Errors.Add(Ui.Error(l, refused));
            return Page();
        }

        var channel = Profile.Channels.FirstOrDefault(c => c.Kind == ChannelKind.Web) ?? Profile.Channels.FirstOrDefault();
        var draft = new ReportDraft
        {
            Channel = channel?.Code ?? "web",
            ReporterAccountId = Actor!.AccountId,
            Contact = new ReporterContact { Name = Name?.Trim(), Phone = Phone?.Trim(), Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim() },
            Title = Title?.Trim(),
            Description = Description?.Trim(),
            Location = location,
            Address = Address?.Trim(),
            Attachments = photos.Attachments,
            Category = string.IsNullOrEmpty(Category) ? null : Category,
            Confidential = Confidential,
            Language = "vi",
        };
        var identity = Profile.Options.Confidentiality.ReporterIdentity;
        var choice = new IdentityChoice(ShareIdentity && identity == IdentityPolicy.SecretUnlessConsent, KeepIdentitySecret && identity == IdentityPolicy.SecretOnRequest);
        var (result, choiceError) = await actions.SubmitAsync(Province, draft, Actor, choice, cancellationToken);
        if (!result.IsSuccess)
        {
            await intake.DiscardAsync(photos, CancellationToken.None);
        }

        if (result.Rejections.Count > 0)
        {
            Errors.AddRange(result.Rejections.Select(r => l[r.MessageVi, r.MessageEn]));
            await LoadLockAsync(cancellationToken);
            return Page();
        }

        if (!result.IsSuccess)
        {
            Errors.Add(Ui.Error(l, result.Error!));
            return Page();
        }

        await intake.CommitAsync(Province, result.Report!.Id, photos, Now, CancellationToken.None);
        return Redirect($"/{Province}/reports/{result.Report!.Id}?sent=1{(choiceError is null ? "" : "&choice=failed")}");
    }

    private async Task LoadLockAsync(CancellationToken cancellationToken)
    {
        var account = await actions.ModerationAsync(Province, Actor!.AccountId, cancellationToken);
        Lock = account.IsLocked(Now) ? account.Decisions.Last(d => d.Sanction == FieldReports.Moderation.SanctionKind.AccountLock) : null;
    }
}
