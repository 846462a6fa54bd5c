using FieldReports.Provinces;
using FieldReports.Reports;
using NodaTime;

namespace FieldReports.Routing;

/// <summary>
/// The routing rules of a province: proposes the agency responsible for a field and a place (the most specific area
/// wins; then the fallback agency), checks assignments and returns against the agency tree, redistributes returned
/// reports honouring the returning agency's proposal (Cà Mau art. 8.1b; Đắk Lắk letter 3788/2023), names the escalation
/// body (Cà Mau art. 4.7), and finds and links duplicates. Keyed per province. Thread-safe.
/// </summary>
public sealed class RoutingPolicy
{
    /// <summary>Creates the policy of a province.</summary>
    /// <param name="profile">The province.</param>
    public RoutingPolicy(ProvinceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
    }

    /// <summary>The province.</summary>
    public ProvinceProfile Profile { get; }

    /// <summary>The escalation body, or <see langword="null"/> when the province has none configured.</summary>
    public Agency? EscalationTarget => Profile.Agencies.Find(Profile.Options.Routing.EscalationTarget);

    /// <summary>
    /// Proposes the agency for a field and area: among the rules for the field, the one whose area is the report's area
    /// or the nearest area containing it wins; a province-wide rule comes next; then the fallback agency.
    /// </summary>
    /// <param name="fieldCode">The field.</param>
    /// <param name="areaCode">The report's area, if known.</param>
    /// <param name="excludeAgencyId">An agency that must not be proposed (the one that returned the report).</param>
    /// <returns>The proposal, or an error: unknown field, or no rule and no fallback.</returns>
    public (DomainResult Result, RoutingProposal? Proposal) Propose(string fieldCode, string? areaCode, string? excludeAgencyId = null)
    {
        if (string.IsNullOrWhiteSpace(fieldCode) || !Profile.Fields.ContainsKey(fieldCode))
        {
            return (ErrorCodes.Errors.FieldUnknown(fieldCode ?? string.Empty), null);
        }

        var rules = Profile.Options.Routing.Rules.Where(r => r.Field == fieldCode && r.Agency != excludeAgencyId).ToList();
        var areas = areaCode is null ? [] : Profile.AreaAndAncestors(areaCode);
        foreach (var area in areas)
        {
            if (rules.FirstOrDefault(r => r.Area == area) is { } rule)
            {
                return (DomainResult.Success, new RoutingProposal(rule.Agency, "rule", area));
            }
        }

        if (rules.FirstOrDefault(r => r.Area is null) is { } provinceWide)
        {
            return (DomainResult.Success, new RoutingProposal(provinceWide.Agency, "rule"));
        }

        if (Profile.Options.Routing.FallbackAgency is { } fallback && fallback != excludeAgencyId)
        {
            return (DomainResult.Success, new RoutingProposal(fallback, "fallback"));
        }

        return (ErrorCodes.Errors.NoRoute(fieldCode), null);
    }

    /// <summary>
    /// Proposes where a returned report goes: the returning agency's proposal when it names another agency of the
    /// province; otherwise the routing rules, never proposing the agency that returned it.
    /// </summary>
    /// <param name="report">A report in <see cref="ReportState.ReturnedToCentre"/>.</param>
    /// <returns>The proposal, or an error.</returns>
    public (DomainResult Result, RoutingProposal? Proposal) ProposeRedistribution(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.ProposedAgencyId is { } proposed && proposed != report.ReturnedByAgencyId && Profile.Agencies.Find(proposed) is not null)
        {
            return (DomainResult.Success, new RoutingProposal(proposed, "proposal"));
        }

        return Propose(report.FieldCode ?? string.Empty, report.Content.AreaCode, report.ReturnedByAgencyId);
    }

    /// <summary>Reception staff assign a report, to an agency of the province.</summary>
    /// <param name="report">The report.</param>
    /// <param name="command">The assignment.</param>
    /// <param name="staff">Reception staff.</param>
    /// <param name="at">When.</param>
    /// <returns>Success, or an error (nothing changed).</returns>
    public DomainResult Assign(Report report, AssignCommand command, Actor staff, Instant at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(command);
        return CheckProvince(report) ?? CheckAgency(command.AgencyId) ?? report.Apply(command, staff, at);
    }

    /// <summary>Reception staff send a returned report to another agency of the province.</summary>
    /// <param name="report">The report.</param>
    /// <param name="command">The redistribution.</param>
    /// <param name="staff">Reception staff.</param>
    /// <param name="at">When.</param>
    /// <returns>Success, or an error (nothing changed).</returns>
    public DomainResult Redistribute(Report report, RedistributeCommand command, Actor staff, Instant at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(command);
        return CheckProvince(report) ?? CheckAgency(command.AgencyId) ?? report.Apply(command, staff, at);
    }

    /// <summary>
    /// Handling staff return a report as outside their competence. Where the province requires it (Đắk Lắk) the
    /// command must propose an agency; a proposed agency must be one of the province's.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="command">The return.</param>
    /// <param name="staff">Handling staff of the assigned agency.</param>
    /// <param name="at">When.</param>
    /// <returns>Success, or an error (nothing changed).</returns>
    public DomainResult Return(Report report, ReturnToCentreCommand command, Actor staff, Instant at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(command);
        if (CheckProvince(report) is { } mismatch)
        {
            return mismatch;
        }

        if (command.ProposedAgencyId is null)
        {
            return Profile.Options.Routing.ReturnRequiresProposal ? ErrorCodes.Errors.ProposalRequired() : report.Apply(command, staff, at);
        }

        return CheckAgency(command.ProposedAgencyId) ?? report.Apply(command, staff, at);
    }

    /// <summary>The centre raises a report to the province's escalation body; refused when the province has none.</summary>
    /// <param name="report">The report.</param>
    /// <param name="reason">Why.</param>
    /// <param name="staff">Reception staff or the approver.</param>
    /// <param name="at">When.</param>
    /// <returns>Success, or an error (nothing changed).</returns>
    public DomainResult Escalate(Report report, string reason, Actor staff, Instant at)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CheckProvince(report)
            ?? (EscalationTarget is null ? ErrorCodes.Errors.NoEscalationTarget() : report.Apply(new EscalateCommand(reason), staff, at));
    }

    /// <summary>
    /// Likely duplicates of a report, nearest first: reports of the same province and field, with coordinates within
    /// <see cref="RoutingOptions.DuplicateDistanceMetres"/>, sent no more than <see cref="RoutingOptions.DuplicateWindow"/>
    /// before it (and not after it), that were not rejected, withdrawn or themselves linked as duplicates.
    /// </summary>
    /// <param name="report">The report being received.</param>
    /// <param name="fieldCode">The field staff are classifying it into.</param>
    /// <param name="others">The reports to search.</param>
    /// <returns>The candidates; empty when the report has no coordinates.</returns>
    public IReadOnlyList<DuplicateCandidate> FindDuplicates(Report report, string fieldCode, IEnumerable<Report> others)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(others);
        if (report.Content.Location is not { } here)
        {
            return [];
        }

        var routing = Profile.Options.Routing;
        var earliest = (report.SubmittedAt.InZone(Profile.TimeZone).LocalDateTime - routing.DuplicateWindow).InZoneLeniently(Profile.TimeZone).ToInstant();
        return others
            .Where(o => o.Id != report.Id
                && string.Equals(o.ProvinceId, report.ProvinceId, StringComparison.OrdinalIgnoreCase)
                && o.FieldCode == fieldCode
                && o.State is not (ReportState.RejectedAtIntake or ReportState.Withdrawn)
                && o.SubmittedAt >= earliest && o.SubmittedAt <= report.SubmittedAt
                && o.Content.Location is not null)
            .Select(o => new DuplicateCandidate(o, here.DistanceTo(o.Content.Location!.Value)))
            .Where(c => c.DistanceMetres <= routing.DuplicateDistanceMetres)
            .OrderBy(c => c.DistanceMetres)
            .ToList();
    }

    /// <summary>
    /// Reception staff reject a report as a duplicate of an original, so its reporter follows the original's outcome.
    /// </summary>
    /// <param name="report">The duplicate.</param>
    /// <param name="original">The original: same province, not the report itself, not rejected or withdrawn.</param>
    /// <param name="staff">Reception staff.</param>
    /// <param name="at">When.</param>
    /// <returns>Success, or an error (nothing changed).</returns>
    public DomainResult LinkDuplicate(Report report, Report original, Actor staff, Instant at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(original);
        if (CheckProvince(report) is { } mismatch)
        {
            return mismatch;
        }

        if (!string.Equals(original.ProvinceId, report.ProvinceId, StringComparison.OrdinalIgnoreCase))
        {
            return ErrorCodes.Errors.InvalidDuplicate("the original belongs to another province");
        }

        if (original.Id == report.Id)
        {
            return ErrorCodes.Errors.InvalidDuplicate("a report cannot duplicate itself");
        }

        if (original.State is ReportState.RejectedAtIntake or ReportState.Withdrawn)
        {
            return ErrorCodes.Errors.InvalidDuplicate("the original was rejected or withdrawn; link to the report it points to");
        }

        return report.Apply(new RejectCommand(IntakeRejectionReason.Duplicate, DuplicateOf: original.Id), staff, at);
    }

    private DomainError? CheckProvince(Report report) =>
        string.Equals(report.ProvinceId, Profile.Id, StringComparison.OrdinalIgnoreCase) ? null : ErrorCodes.Errors.ProvinceMismatch();

    private DomainError? CheckAgency(string? id) =>
        Profile.Agencies.Find(id) is null ? ErrorCodes.Errors.AgencyUnknown(id ?? string.Empty) : null;
}
