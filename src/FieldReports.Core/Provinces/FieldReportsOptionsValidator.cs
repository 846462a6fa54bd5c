using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldReports.Provinces;

/// <summary>
/// Validates every province at start-up. Each failure names the configuration key and says how to fix it; all
/// failures are reported at once.
/// </summary>
internal sealed class FieldReportsOptionsValidator : IValidateOptions<FieldReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, FieldReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // No province at all is allowed (a host may add them later, and integration tests run without any); asking
        // the catalog for a province that is not configured fails with a message saying how to add it.
        var failures = new List<string>();
        foreach (var (id, province) in options.Provinces)
        {
            ValidateProvince(id, province, failures);
        }

        failures.AddRange(options.SlaMonitor.Check());

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static void ValidateProvince(string id, ProvinceOptions p, List<string> failures)
    {
        var key = $"FieldReports:Provinces:{id}";
        void Fail(string message) => failures.Add($"{key}:{message}");

        if (string.IsNullOrWhiteSpace(id))
        {
            failures.Add("FieldReports:Provinces has a province with an empty id.");
        }

        if (string.IsNullOrWhiteSpace(p.DisplayName))
        {
            Fail("DisplayName is required (for example \"Cà Mau\").");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(p.TimeZone ?? string.Empty) is null)
        {
            Fail($"TimeZone '{p.TimeZone}' is not an IANA time zone id (for example \"Asia/Ho_Chi_Minh\").");
        }

        foreach (var problem in FieldReports.Calendar.HolidayProfileOptionsValidator.Check(p.Holidays))
        {
            Fail($"Holidays: {problem}");
        }

        if (new FieldReports.Calendar.BusinessCalendarOptionsValidator().Validate(null, ProvinceProfile.WithDefaultHours(p.Calendar)) is { Failed: true } calendar)
        {
            foreach (var problem in calendar.Failures)
            {
                Fail($"Calendar: {problem}");
            }
        }

        if (new FieldReports.Sla.SlaOptionsValidator().Validate(null, p.Sla) is { Failed: true } sla)
        {
            foreach (var problem in sla.Failures)
            {
                Fail($"Sla: {problem}");
            }
        }

        Unique(p.Channels.Select(c => c.Code), "Channels", "Code", StringComparer.OrdinalIgnoreCase, Fail);
        Unique(p.Fields.Select(f => f.Code), "Fields", "Code", StringComparer.Ordinal, Fail);
        Unique(p.Areas.Select(a => a.Code), "Areas", "Code", StringComparer.Ordinal, Fail);
        Unique(p.Agencies.Select(a => a.Id), "Agencies", "Id", StringComparer.Ordinal, Fail);
        for (var i = 0; i < p.Fields.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(p.Fields[i].NameVi))
            {
                Fail($"Fields:{i}:NameVi is required: the Vietnamese name of field '{p.Fields[i].Code}'.");
            }
        }

        var fields = p.Fields.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        // Duplicate codes are reported by Unique above; the first of each code is used for the checks below.
        var areas = p.Areas.GroupBy(a => a.Code ?? string.Empty, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Parent, StringComparer.Ordinal);
        var agencies = p.Agencies.GroupBy(a => a.Id ?? string.Empty, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        for (var i = 0; i < p.Areas.Count; i++)
        {
            var parent = p.Areas[i].Parent;
            if (parent is not null && !areas.ContainsKey(parent))
            {
                Fail($"Areas:{i}:Parent '{parent}' is not an area of the province.");
            }
        }

        if (HasCycle(areas.Keys, c => areas.GetValueOrDefault(c)))
        {
            Fail("Areas contain a cycle of parents; every chain of parents must end at a top-level area.");
        }

        for (var i = 0; i < p.Agencies.Count; i++)
        {
            var a = p.Agencies[i];
            if (string.IsNullOrWhiteSpace(a.Name))
            {
                Fail($"Agencies:{i}:Name is required for agency '{a.Id}'.");
            }

            if (a.Parent is not null && !agencies.ContainsKey(a.Parent))
            {
                Fail($"Agencies:{i}:Parent '{a.Parent}' is not an agency of the province.");
            }

            foreach (var f in a.Fields.Where(f => !fields.Contains(f)))
            {
                Fail($"Agencies:{i}:Fields names '{f}', which is not a field of the province.");
            }
        }

        if (HasCycle(agencies.Keys, c => agencies.GetValueOrDefault(c)?.Parent))
        {
            Fail("Agencies contain a cycle of parents; every chain of parents must end at a root agency.");
        }

        for (var i = 0; i < p.Routing.Rules.Count; i++)
        {
            var r = p.Routing.Rules[i];
            if (!fields.Contains(r.Field ?? string.Empty))
            {
                Fail($"Routing:Rules:{i}:Field '{r.Field}' is not a field of the province.");
            }

            if (r.Area is not null && !areas.ContainsKey(r.Area))
            {
                Fail($"Routing:Rules:{i}:Area '{r.Area}' is not an area of the province; add it under Areas.");
            }

            if (!agencies.ContainsKey(r.Agency ?? string.Empty))
            {
                Fail($"Routing:Rules:{i}:Agency '{r.Agency}' is not an agency of the province.");
            }
        }

        foreach (var dup in p.Routing.Rules.GroupBy(r => (r.Field, r.Area)).Where(g => g.Count() > 1))
        {
            Fail($"Routing:Rules has more than one rule for field '{dup.Key.Field}' and area '{dup.Key.Area ?? "(whole province)"}'.");
        }

        if (p.Routing.FallbackAgency is { } fallback && !agencies.ContainsKey(fallback))
        {
            Fail($"Routing:FallbackAgency '{fallback}' is not an agency of the province.");
        }

        if (p.Routing.EscalationTarget is { } target && !agencies.ContainsKey(target))
        {
            Fail($"Routing:EscalationTarget '{target}' is not an agency of the province.");
        }

        if (!double.IsFinite(p.Routing.DuplicateDistanceMetres) || p.Routing.DuplicateDistanceMetres < 0)
        {
            Fail("Routing:DuplicateDistanceMetres must be a finite number of metres, 0 or more.");
        }

        Positive(p.Routing.DuplicateWindow, "Routing:DuplicateWindow", allowZero: true, Fail);

        if (p.Intake.MinimumMedia < 0)
        {
            Fail("Intake:MinimumMedia must be 0 or more.");
        }

        if (p.Intake.MaxAttachments < 0 || p.Intake.MaxAttachmentBytes < 1)
        {
            Fail("Intake:MaxAttachments must be 0 or more and Intake:MaxAttachmentBytes at least 1.");
        }

        if (p.Intake.MaxImagePixels < 1 || p.Intake.MaxImageSide is < 1 or > 65_535)
        {
            Fail("Intake:MaxImagePixels must be at least 1 and Intake:MaxImageSide between 1 and 65535.");
        }

        if (p.Intake.MinimumDescriptionLength < 1)
        {
            Fail("Intake:MinimumDescriptionLength must be at least 1.");
        }

        Dates(p.Intake.NightWindow, "Intake:NightWindow", Fail);
        for (var i = 0; i < p.Intake.NightWindow.Count; i++)
        {
            if (p.Intake.NightWindow[i].Enabled && p.Intake.NightWindow[i].Start == p.Intake.NightWindow[i].End)
            {
                Fail($"Intake:NightWindow:{i}: Start and End are equal; give a window (for example \"00:00:00\" to \"07:30:00\") or set Enabled to false.");
            }
        }

        Sanctions(p.Moderation.AccountLock, "Moderation:AccountLock", Fail);
        Sanctions(p.Moderation.InteractionBan, "Moderation:InteractionBan", Fail);

        Unique(p.Rating.Levels.Select(l => l.Code), "Rating:Levels", "Code", StringComparer.Ordinal, Fail);
        if (p.Rating.Levels.Count > 0 && p.Rating.Levels.All(l => l.OpensFollowUp))
        {
            Fail("Rating:Levels: at least one level must not open a follow-up, or no rating could ever close a report.");
        }

        for (var i = 0; i < p.Rating.Levels.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(p.Rating.Levels[i].NameVi))
            {
                Fail($"Rating:Levels:{i}:NameVi is required.");
            }
        }

        Positive(p.Rating.ChangePeriod, "Rating:ChangePeriod", allowZero: true, Fail);
        if (p.Rating.ClarificationAnswerWithin <= Duration.Zero)
        {
            Fail("Rating:ClarificationAnswerWithin must be positive (for example \"1:00:00:00\" for one day).");
        }

        if (!Enum.IsDefined(p.Confidentiality.ReporterIdentity))
        {
            Fail("Confidentiality:ReporterIdentity must be SecretUnlessConsent, AlwaysSecret or SecretOnRequest.");
        }
    }

    private static void Sanctions(IList<SanctionRule> rules, string key, Action<string> fail)
    {
        Dates(rules, key, fail);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Threshold < 1)
            {
                fail($"{key}:{i}:Threshold must be at least 1.");
            }

            if (!Enum.IsDefined(rules[i].Counting))
            {
                fail($"{key}:{i}:Counting must be At or Over.");
            }

            if (rules[i].Window is { } w)
            {
                Positive(w, $"{key}:{i}:Window", allowZero: false, fail);
            }

            if (rules[i].Duration is { } d)
            {
                Positive(d, $"{key}:{i}:Duration", allowZero: false, fail);
            }
        }
    }

    private static void Dates<T>(IList<T> versions, string key, Action<string> fail)
        where T : IEffectiveDated
    {
        foreach (var dup in versions.GroupBy(v => v.EffectiveFrom).Where(g => g.Count() > 1))
        {
            fail($"{key} has more than one version effective from {(dup.Key is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "always")}; give each version its own EffectiveFrom.");
        }
    }

    private static void Positive(Period period, string key, bool allowZero, Action<string> fail)
    {
        var probe = new LocalDateTime(2000, 1, 1, 0, 0);
        var end = probe + period;
        if (end < probe || (!allowZero && end == probe))
        {
            fail($"{key} must be {(allowZero ? "zero or more" : "positive")} (an ISO 8601 period such as \"P1M\" or \"P7D\").");
        }
    }

    private static void Unique(IEnumerable<string?> codes, string key, string member, StringComparer comparer, Action<string> fail)
    {
        var seen = new HashSet<string>(comparer);
        var index = 0;
        foreach (var code in codes)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                fail($"{key}:{index}:{member} is required.");
            }
            else if (!seen.Add(code))
            {
                fail($"{key}:{index}:{member} '{code}' is used more than once.");
            }

            index++;
        }
    }

    private static bool HasCycle(IEnumerable<string> nodes, Func<string, string?> parentOf)
    {
        var all = nodes.ToList();
        foreach (var start in all)
        {
            var steps = 0;
            var current = parentOf(start);
            while (current is not null && steps <= all.Count)
            {
                if (current == start)
                {
                    return true;
                }

                current = parentOf(current);
                steps++;
            }
        }

        return false;
    }
}
