using FieldReports.Provinces;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Confidentiality;

/// <summary>
/// Decides what each viewer may see of a report and its reporter's contact, and produces the redacted view. Redaction
/// happens here, in the core, so that no integration can forget it. Registered as a keyed service per province. Thread-safe.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Public: only a published, non-confidential, non-secret result, with its content; never personal data (Cà Mau art. 4.4, 9.2).</item>
/// <item>Reporter: everything about their own report. Anyone else claiming to be the reporter is treated as the public.</item>
/// <item>Reception staff and administrators: everything; they keep reporters' data.</item>
/// <item>Assigned agency: the content and result; personal data only as the province's <see cref="IdentityPolicy"/> allows:
/// never under <see cref="IdentityPolicy.AlwaysSecret"/> (Huế), with standing consent under
/// <see cref="IdentityPolicy.SecretUnlessConsent"/> (Cà Mau), unless the reporter asked for secrecy under
/// <see cref="IdentityPolicy.SecretOnRequest"/> (Tiền Giang).</item>
/// <item>Other agencies: the content of a report that is neither confidential nor a state secret; never personal data.</item>
/// <item>Leaders: content and results of every report; never personal data.</item>
/// </list>
/// </remarks>
public sealed class ConfidentialityPolicy
{
    /// <summary>Creates the policy of a province.</summary>
    /// <param name="profile">The province.</param>
    public ConfidentialityPolicy(ProvinceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
    }

    /// <summary>The province.</summary>
    public ProvinceProfile Profile { get; }

    /// <summary>Classifies an actor as a viewer of a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="actor">The actor, or <see langword="null"/> for an anonymous member of the public.</param>
    public static ViewerKind ViewerOf(Report report, Actor? actor)
    {
        ArgumentNullException.ThrowIfNull(report);
        return actor?.Role switch
        {
            null => ViewerKind.Public,
            ActorRole.Reporter => actor.AccountId == report.ReporterAccountId ? ViewerKind.Reporter : ViewerKind.Public,
            ActorRole.ReceptionStaff or ActorRole.Approver => ViewerKind.ReceptionStaff,
            ActorRole.HandlingStaff => actor.AgencyId == report.AssignedAgencyId ? ViewerKind.AssignedAgency : ViewerKind.OtherAgency,
            ActorRole.Leader => ViewerKind.Leader,
            ActorRole.Administrator or ActorRole.System => ViewerKind.Administrator,
            _ => ViewerKind.Public,
        };
    }

    /// <summary>Whether the reporter's identity may be shown to the handling agency now.</summary>
    /// <param name="marks">The report's consent and marks.</param>
    /// <param name="at">The instant of viewing (consent may have been withdrawn).</param>
    public bool MayShareIdentityWithAgency(ReportConfidentiality marks, Instant at)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return Profile.Options.Confidentiality.ReporterIdentity switch
        {
            IdentityPolicy.AlwaysSecret => false,
            IdentityPolicy.SecretOnRequest => !marks.IdentitySecrecyRequested || marks.Consent?.StandsAt(at) == true,
            _ => marks.Consent?.StandsAt(at) == true,
        };
    }

    /// <summary>
    /// The report as an actor may see it, or <see langword="null"/> when the actor may not see it at all (the public
    /// before publication, or for a confidential or secret report; another agency for a confidential or secret report).
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="contact">The reporter's contact, if the caller has it.</param>
    /// <param name="actor">The viewer, or <see langword="null"/> for the public.</param>
    /// <param name="marks">The report's consent and marks; <see cref="ReportConfidentiality.None"/> when there are none.</param>
    /// <param name="at">The instant of viewing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="marks"/> is null.</exception>
    public ReportView? View(Report report, ReporterContact? contact, Actor? actor, ReportConfidentiality marks, Instant at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(marks);
        if (!string.Equals(report.ProvinceId, Profile.Id, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var viewer = ViewerOf(report, actor);
        var secret = report.IsConfidential || marks.IsStateSecret;
        var published = report.Events.Any(e => e.Trigger == ReportTrigger.Approve);
        bool content, personal;
        switch (viewer)
        {
            case ViewerKind.Public:
                if (!published || secret)
                {
                    return null;
                }

                (content, personal) = (true, false);
                break;
            case ViewerKind.OtherAgency:
                if (secret)
                {
                    return null;
                }

                (content, personal) = (true, false);
                break;
            case ViewerKind.AssignedAgency:
                (content, personal) = (true, MayShareIdentityWithAgency(marks, at));
                break;
            case ViewerKind.Leader:
                (content, personal) = (true, false);
                break;
            default:
                (content, personal) = (true, true);
                break;
        }

        var hidden = new List<string>();
        if (!personal)
        {
            hidden.Add(nameof(ReportView.ReporterAccountId));
            hidden.Add(nameof(ReportView.Contact));
        }

        return new ReportView
        {
            Id = report.Id,
            State = report.State,
            FieldCode = report.FieldCode,
            IsUrgent = report.IsUrgent,
            IsConfidential = report.IsConfidential,
            IsStateSecret = marks.IsStateSecret,
            Title = content ? report.Content.Title : null,
            Description = content ? report.Content.Description : null,
            Address = content ? report.Content.Address : null,
            Location = content ? report.Content.Location : null,
            AttachmentIds = content ? report.Content.AttachmentIds : [],
            AssignedAgencyId = report.AssignedAgencyId,
            Result = report.Result,
            Evidence = report.Evidence,
            Rating = report.Rating,
            ReporterAccountId = personal ? report.ReporterAccountId : null,
            Contact = personal ? contact : null,
            Hidden = [.. hidden],
        };
    }

    /// <summary>Records the reporter's consent to share identity with the handling agency, with the province's current wording version.</summary>
    /// <param name="report">The report.</param>
    /// <param name="reporter">The reporter; nobody else may consent.</param>
    /// <param name="purpose">What the identity may be used for.</param>
    /// <param name="current">The report's current marks.</param>
    /// <param name="at">When.</param>
    /// <returns>The new marks, or an error (nothing changed).</returns>
    public (DomainResult Result, ReportConfidentiality Marks) GiveConsent(Report report, Actor reporter, string purpose, ReportConfidentiality current, Instant at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(current);
        if (!string.Equals(report.ProvinceId, Profile.Id, StringComparison.OrdinalIgnoreCase))
        {
            return (ErrorCodes.Errors.ProvinceMismatch(), current);
        }

        if (reporter.Role != ActorRole.Reporter || reporter.AccountId != report.ReporterAccountId)
        {
            return (ErrorCodes.Errors.ActionNotTheReporter("consent to share their identity"), current);
        }

        if (string.IsNullOrWhiteSpace(purpose))
        {
            return (ErrorCodes.Errors.CommandArgumentRequired("purpose"), current);
        }

        if (Profile.Options.Confidentiality.ReporterIdentity == IdentityPolicy.AlwaysSecret)
        {
            return (ErrorCodes.Errors.ConsentInvalid("the province keeps reporters' identity secret in every case"), current);
        }

        return (DomainResult.Success, current with
        {
            Consent = new IdentityConsent { Purpose = purpose.Trim(), WordingVersion = Profile.Options.Confidentiality.ConsentWordingVersion, GivenAt = at },
        });
    }

    /// <summary>Withdraws the reporter's standing consent; the identity is hidden from the agency from then on.</summary>
    /// <param name="report">The report.</param>
    /// <param name="reporter">The reporter.</param>
    /// <param name="current">The report's current marks.</param>
    /// <param name="at">When.</param>
    /// <returns>The new marks, or an error (nothing changed).</returns>
    public (DomainResult Result, ReportConfidentiality Marks) WithdrawConsent(Report report, Actor reporter, ReportConfidentiality current, Instant at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(current);
        if (!string.Equals(report.ProvinceId, Profile.Id, StringComparison.OrdinalIgnoreCase))
        {
            return (ErrorCodes.Errors.ProvinceMismatch(), current);
        }

        if (reporter.Role != ActorRole.Reporter || reporter.AccountId != report.ReporterAccountId)
        {
            return (ErrorCodes.Errors.ActionNotTheReporter("withdraw consent"), current);
        }

        if (current.Consent is not { } consent || !consent.StandsAt(at))
        {
            return (ErrorCodes.Errors.ConsentInvalid("there is no standing consent to withdraw"), current);
        }

        return (DomainResult.Success, current with { Consent = consent with { WithdrawnAt = at } });
    }
}
