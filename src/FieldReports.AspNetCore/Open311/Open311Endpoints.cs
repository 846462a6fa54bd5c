using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FieldReports.Confidentiality;
using FieldReports.Intake;
using FieldReports.Provinces;
using FieldReports.Reports;
using FieldReports.Services;
using FieldReports.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using NodaTime;
using NodaTime.Text;

namespace FieldReports.AspNetCore.Open311;

/// <summary>The handlers of the GeoReport v2 methods and of api-key management.</summary>
internal sealed class Open311Endpoints(IApiKeyStore keys)
{
    private const string Specification = "http://wiki.open311.org/GeoReport_v2";
    private static readonly Duration DefaultWindow = Duration.FromDays(90);
    private static readonly OffsetDateTimePattern OutputPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    // ---- discovery and services ----

    public static IResult Discovery(HttpContext context, string format)
    {
        if (FormatOf(format) is not { } f)
        {
            return NotFoundFormat();
        }

        var options = OptionsOf(context);
        var path = context.Request.PathBase + context.Request.Path;
        var basePath = path.Value![..path.Value!.LastIndexOf('/')];
        var url = $"{context.Request.Scheme}://{context.Request.Host}{basePath}/";
        var endpoint = new Open311Object
        {
            { "specification", Specification },
            { "url", url },
            { "changeset", options.Changeset },
            { "type", options.EndpointType },
            { "formats", new Open311List("format", ["text/xml", "application/json"]) },
        };
        var discovery = new Open311Object
        {
            { "changeset", options.Changeset },
            { "contact", options.Contact },
            { "key_service", options.KeyService },
            { "endpoints", new Open311List("endpoint", [endpoint]) },
        };
        return Write(f, Open311Writer.WriteObject(f, "discovery", discovery));
    }

    public static IResult ServiceList(HttpContext context, string format)
    {
        if (FormatOf(format) is not { } f)
        {
            return NotFoundFormat();
        }

        if (Jurisdiction(context, f, out var profile) is { } error)
        {
            return error;
        }

        var services = profile!.Options.Fields.Select(field => new Open311Object
        {
            { "service_code", field.Code },
            { "service_name", field.NameVi },
            { "description", field.NameEn is null ? field.NameVi : $"{field.NameVi} / {field.NameEn}" },
            { "metadata", true },
            { "type", "realtime" },
            { "keywords", field.NameEn ?? string.Empty },
            { "group", string.Empty },
        });
        return Write(f, Open311Writer.WriteList(f, "services", "service", services));
    }

    public static IResult ServiceDefinition(HttpContext context, string service_code, string format)
    {
        if (FormatOf(format) is not { } f)
        {
            return NotFoundFormat();
        }

        if (Jurisdiction(context, f, out var profile) is { } error)
        {
            return error;
        }

        if (!profile!.Fields.TryGetValue(service_code, out var field))
        {
            return Errors(f, StatusCodes.Status404NotFound, $"service_code '{service_code}' was not found.");
        }

        var attributes = Open311Attribute.Of(field).Select(a => new Open311Object
        {
            { "variable", a.Variable },
            { "code", a.Code },
            { "datatype", a.Datatype },
            { "required", a.Required },
            { "datatype_description", a.DatatypeDescription },
            { "order", a.Order },
            { "description", a.Description },
            { "values", new Open311List("value", [.. a.Values.Select(v => new Open311Object { { "key", v.Key }, { "name", v.Value } })]) },
        });
        var definition = new Open311Object
        {
            { "service_code", field.Code },
            { "attributes", new Open311List("attribute", [.. attributes]) },
        };
        return Write(f, Open311Writer.WriteObject(f, "service_definition", definition));
    }

    // ---- POST service request ----

    public async Task<IResult> PostRequest(HttpContext context, string format, CancellationToken cancellationToken)
    {
        if (FormatOf(format) is not { } f)
        {
            return NotFoundFormat();
        }

        IFormCollection form;
        try
        {
            form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest })
        {
            // A truncated or malformed form body is the caller's error.
            return Errors(f, StatusCodes.Status400BadRequest, "The form body could not be read.");
        }

        string? Param(string name) => Text(form[name]) ?? Text(context.Request.Query[name]);

        // The key decides the province and the channel; check it before anything else says what exists.
        if (Param("api_key") is not { } apiKey)
        {
            return Errors(f, StatusCodes.Status403Forbidden, "api_key was not provided.");
        }

        var key = await keys.FindByHashAsync(HashOf(apiKey), cancellationToken);
        if (key is null || key.IsRevoked)
        {
            return Errors(f, StatusCodes.Status403Forbidden, key is null ? "api_key is invalid." : "api_key was revoked.");
        }

        var catalog = context.RequestServices.GetRequiredService<ProvinceCatalog>();
        if (Param("jurisdiction_id") is { } jurisdiction)
        {
            if (catalog.Find(jurisdiction) is null)
            {
                return Errors(f, StatusCodes.Status404NotFound, $"jurisdiction_id '{jurisdiction}' was not found.");
            }

            if (!string.Equals(jurisdiction, key.ProvinceId, StringComparison.OrdinalIgnoreCase))
            {
                return Errors(f, StatusCodes.Status403Forbidden, "api_key is not valid for this jurisdiction_id.");
            }
        }

        if (catalog.Find(key.ProvinceId) is not { } profile)
        {
            return Errors(f, StatusCodes.Status403Forbidden, "api_key is invalid.");
        }

        var clock = context.RequestServices.GetRequiredService<IClock>();
        var now = clock.GetCurrentInstant();
        var moderation = context.RequestServices.GetService<IAccountModerationStore>();
        if (moderation is not null && (await moderation.LoadAsync(profile.Id, key.AccountId, cancellationToken)).IsLocked(now))
        {
            return Errors(f, StatusCodes.Status403Forbidden, "The account of this api_key is locked.");
        }

        if (Param("service_code") is not { } serviceCode)
        {
            return Errors(f, StatusCodes.Status400BadRequest, "service_code was not provided.");
        }

        if (!profile.Fields.TryGetValue(serviceCode, out var field))
        {
            return Errors(f, StatusCodes.Status404NotFound, $"service_code '{serviceCode}' was not found.");
        }

        var problems = new List<string>();
        GeoPoint? location = null;
        var (lat, lon) = (Param("lat"), Param("long"));
        if (lat is not null || lon is not null)
        {
            if (lat is null || lon is null
                || !double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la)
                || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
                || !double.IsFinite(la) || la is < -90 or > 90 || !double.IsFinite(lo) || lo is < -180 or > 180)
            {
                problems.Add("lat and long must both be given, as decimal degrees (WGS 84).");
            }
            else
            {
                location = new GeoPoint(la, lo);
            }
        }

        var address = Param("address_string");
        var addressId = Param("address_id");
        if (addressId is not null && !profile.HasArea(addressId))
        {
            problems.Add($"address_id '{addressId}' is not an area of the jurisdiction.");
        }

        if (lat is null && lon is null && address is null && addressId is null)
        {
            problems.Add("A location is required: lat and long, address_string or address_id.");
        }

        var answers = ReadAttributes(form, field, problems, out var confidential, out var observedAt);
        var mediaUrl = Param("media_url");
        DraftAttachment? media = null;
        if (mediaUrl is not null)
        {
            if (!Uri.TryCreate(mediaUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add("media_url must be an absolute http or https URL.");
            }
            else
            {
                media = new DraftAttachment(uri.AbsoluteUri, Path.GetFileName(uri.AbsolutePath), ContentTypeOf(uri.AbsolutePath), ReadOnlyMemory<byte>.Empty);
            }
        }

        if (problems.Count > 0)
        {
            return Errors(f, StatusCodes.Status400BadRequest, [.. problems]);
        }

        var description = Param("description");
        if (answers.Count > 0)
        {
            description = string.Join('\n', new[] { description }.Concat(answers).Where(t => !string.IsNullOrWhiteSpace(t)));
        }

        var name = string.Join(' ', new[] { Param("first_name"), Param("last_name") }.Where(n => n is not null));
        var accountId = Param("account_id");
        var reporterAccount = accountId is null ? key.AccountId : $"{key.AccountId}:{accountId}";
        var draft = new ReportDraft
        {
            Channel = key.Channel,
            ReporterAccountId = reporterAccount,
            Contact = new ReporterContact { Name = name.Length == 0 ? null : name, Phone = Param("phone"), Email = Param("email") },
            Description = description,
            Location = location,
            Address = address ?? (location is null ? addressId : null),
            AreaCode = addressId,
            ObservedAt = observedAt,
            Attachments = media is null ? [] : [media],
            Category = field.Code,
            Confidential = confidential,
        };

        var service = context.RequestServices.GetRequiredService<ReportService>();
        // The reporter's account is checked by the service (a locked one is refused).
        var outcome = await service.SubmitAsync(profile.Id, draft, Actor.System, null, cancellationToken);
        if (outcome.Report is not { } report)
        {
            if (outcome.Rejections.Count > 0)
            {
                var status = outcome.Rejections.Any(r => r.Code == ErrorCodes.IntakeAccountLocked) ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
                return Errors(f, status, [.. outcome.Rejections.Select(r => $"{r.Code}: {r.MessageEn} ({r.MessageVi})")]);
            }

            var error = outcome.Error!;
            var code = error.Kind switch
            {
                ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                ErrorKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status400BadRequest,
            };
            return Errors(f, code, $"{error.Code}: {error.Message}");
        }

        var created = new Open311Object
        {
            { "service_request_id", report.Id.ToString() },
            { "service_notice", outcome.CurrentStep is { } step ? $"Thời hạn tiếp nhận / Intake deadline: {Format(step.Deadline, profile)}" : null },
            { "account_id", null },
        };
        return Write(f, Open311Writer.WriteList(f, "service_requests", "request", [created]));
    }

    // ---- GET service requests ----

    public static async Task<IResult> GetRequest(HttpContext context, string service_request_id, string format, CancellationToken cancellationToken)
    {
        if (FormatOf(format) is not { } f)
        {
            return NotFoundFormat();
        }

        if (Jurisdiction(context, f, out var profile) is { } error)
        {
            return error;
        }

        var item = await RequestAsync(context, profile!, service_request_id, Extensions(context), cancellationToken);
        return item is null
            ? Errors(f, StatusCodes.Status404NotFound, $"service_request_id '{service_request_id}' was not found.")
            : Write(f, Open311Writer.WriteList(f, "service_requests", "request", [item]));
    }

    public static async Task<IResult> GetToken(HttpContext context, string token, string format, CancellationToken cancellationToken)
    {
        if (FormatOf(format) is not { } f)
        {
            return NotFoundFormat();
        }

        if (Jurisdiction(context, f, out var profile) is { } error)
        {
            return error;
        }

        var store = context.RequestServices.GetRequiredService<IReportStore>();
        if (!ReportId.TryParse(token, out var id) || await store.FindAsync(profile!.Id, id, cancellationToken) is null)
        {
            return Errors(f, StatusCodes.Status404NotFound, $"token '{token}' was not found.");
        }

        var item = new Open311Object { { "service_request_id", id.ToString() }, { "token", token } };
        return Write(f, Open311Writer.WriteList(f, "service_requests", "request", [item]));
    }

    public static async Task<IResult> GetRequests(HttpContext context, string format, CancellationToken cancellationToken)
    {
        if (FormatOf(format) is not { } f)
        {
            return NotFoundFormat();
        }

        if (Jurisdiction(context, f, out var profile) is { } error)
        {
            return error;
        }

        var query = context.Request.Query;
        var extensions = Extensions(context);
        var items = new List<Open311Object>();

        // service_request_id overrides every other argument.
        if (Text(query["service_request_id"]) is { } ids)
        {
            foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal))
            {
                if (await RequestAsync(context, profile!, id, extensions, cancellationToken) is { } item)
                {
                    items.Add(item);
                }
            }

            return Write(f, Open311Writer.WriteList(f, "service_requests", "request", items));
        }

        var problems = new List<string>();
        var now = context.RequestServices.GetRequiredService<IClock>().GetCurrentInstant();
        var end = ParseDate(Text(query["end_date"]), "end_date", problems) ?? now;
        var start = ParseDate(Text(query["start_date"]), "start_date", problems) ?? end - DefaultWindow;
        var statuses = Text(query["status"])?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToHashSet();
        if (statuses is not null && statuses.Any(s => s is not ("open" or "closed")))
        {
            problems.Add("status must be open, closed, or both separated by a comma.");
        }

        var codes = Text(query["service_code"])?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var max = OptionsOf(context).MaxPageSize;
        var page = ParseInt(Text(query["page"]), "page", 1, int.MaxValue, problems) ?? 1;
        var pageSize = ParseInt(Text(query["page_size"]), "page_size", 1, max, problems) ?? max;
        if (start > end)
        {
            problems.Add("start_date must not be after end_date.");
        }

        if (problems.Count > 0)
        {
            return Errors(f, StatusCodes.Status400BadRequest, [.. problems]);
        }

        // The public sees published results only, most recently published first; a report submitted in the window
        // was published after the window's start.
        var queries = context.RequestServices.GetRequiredService<IReportQueries>();
        var skip = (long)(page - 1) * pageSize;
        var filter = new PublishedReportFilter { FieldCode = codes is { Count: 1 } ? codes.First() : null, PublishedFrom = start };
        string? cursor = null;
        do
        {
            var batch = await queries.GetPublishedAsync(profile!.Id, filter, cursor, 500, cancellationToken);
            foreach (var published in batch.Items)
            {
                if (published.SubmittedAt < start || published.SubmittedAt > end
                    || (codes is not null && (published.FieldCode is null || !codes.Contains(published.FieldCode)))
                    || (statuses is not null && !statuses.Contains(Open311States.StatusOf(published.State))))
                {
                    continue;
                }

                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                if (await RequestAsync(context, profile, published.Id.ToString(), extensions, cancellationToken) is { } item)
                {
                    items.Add(item);
                }

                if (items.Count == pageSize)
                {
                    break;
                }
            }

            cursor = batch.NextCursor;
        }
        while (cursor is not null && items.Count < pageSize);

        return Write(f, Open311Writer.WriteList(f, "service_requests", "request", items));
    }

    /// <summary>
    /// One service request as the public may see it. A report the public may not see yet (not published, or confidential)
    /// is shown only by its id, status and dates, so that the client that filed it can follow it; content, place and notes
    /// stay hidden.
    /// </summary>
    private static async Task<Open311Object?> RequestAsync(HttpContext context, ProvinceProfile profile, string idText, bool extensions, CancellationToken cancellationToken)
    {
        if (!ReportId.TryParse(idText, out var id))
        {
            return null;
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<IReportStore>().FindAsync(profile.Id, id, cancellationToken) is not { } report)
        {
            return null;
        }

        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var marks = services.GetService<IReportConfidentialityStore>() is { } confidentiality
            ? await confidentiality.FindAsync(profile.Id, report.Id, cancellationToken)
            : ReportConfidentiality.None;
        var view = services.GetRequiredKeyedService<ConfidentialityPolicy>(profile.Id).View(report, contact: null, actor: null, marks, now);
        var field = report.FieldCode is { } code ? profile.Fields.GetValueOrDefault(code) : null;
        var deadline = Open311States.StatusOf(report.State) == "open" ? profile.SlaClockOf(report, now).Current?.Deadline : null;
        var media = view?.AttachmentIds.FirstOrDefault(a => Uri.TryCreate(a, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp));
        var notes = view is null
            ? $"{Open311States.VietnameseName(report.State)} ({report.State})"
            : $"{Open311States.VietnameseName(report.State)} ({report.State})" + (view.Result is { } result ? ": " + result : string.Empty);
        var item = new Open311Object
        {
            { "service_request_id", report.Id.ToString() },
            { "status", Open311States.StatusOf(report.State) },
            { "status_notes", notes },
            { "service_name", field?.NameVi },
            { "service_code", report.FieldCode },
            { "description", view?.Description },
            { "agency_responsible", report.AssignedAgencyId is { } agency ? profile.Agencies.Find(agency)?.Name ?? agency : null },
            { "service_notice", null },
            { "requested_datetime", Format(report.Events[0].OccurredAt, profile) },
            { "updated_datetime", Format(report.Events[^1].OccurredAt, profile) },
            { "expected_datetime", deadline is { } d ? Format(d, profile) : null },
            { "address", view?.Address },
            { "address_id", view is null ? null : report.Content.AreaCode },
            { "zipcode", null },
            { "lat", view?.Location?.Latitude },
            { "long", view?.Location?.Longitude },
            { "media_url", media },
        };
        if (extensions)
        {
            // The reporter's own words (ratings, follow-ups) are left out: only staff's notes are public.
            var history = report.Events.Select(e => new Open311Object
            {
                { "datetime", Format(e.OccurredAt, profile) },
                { "state", e.To.ToString() },
                { "state_name", Open311States.VietnameseName(e.To) },
                { "status", Open311States.StatusOf(e.To) },
                { "action", e.Trigger.ToString() },
                { "description", view is not null && e.ActorRole != ActorRole.Reporter ? e.Note : null },
            });
            item.Add("extended_attributes", new Open311Object
            {
                { "state", report.State.ToString() },
                { "state_name", Open311States.VietnameseName(report.State) },
                { "urgent", report.IsUrgent },
                { "channel", report.Channel },
                { "result", view?.Result },
                { "notes", new Open311List("note", [.. history]) },
            });
        }

        return item;
    }

    // ---- api keys ----

    public async Task<IResult> IssueKey(HttpContext context, IssueApiKeyRequest request, CancellationToken cancellationToken)
    {
        if (AdminProvince(context, out var profile, out var admin) is { } problem)
        {
            return problem;
        }

        if (profile!.FindChannel(request.Channel) is not { } channel)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.",
                detail: $"'{request.Channel}' is not an intake channel of the province; use one of: {string.Join(", ", profile.Channels.Select(c => c.Code))}.");
        }

        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = Base64Url(RandomNumberGenerator.GetBytes(9));
        var key = new ApiKey
        {
            Id = id,
            ProvinceId = profile.Id,
            Channel = channel.Code,
            AccountId = string.IsNullOrWhiteSpace(request.AccountId) ? $"open311:{id}" : request.AccountId.Trim(),
            Name = request.Name,
            KeyHash = HashOf(secret),
            CreatedAt = context.RequestServices.GetRequiredService<IClock>().GetCurrentInstant(),
            CreatedBy = admin!.AccountId,
        };
        await keys.AddAsync(key, cancellationToken);
        return TypedResults.Created($"{context.Request.Path.Value!.TrimEnd('/')}/{id}", new IssuedApiKeyDto(DtoOf(key), secret));
    }

    public async Task<IResult> ListKeys(HttpContext context, CancellationToken cancellationToken)
    {
        if (AdminProvince(context, out var profile, out _) is { } problem)
        {
            return problem;
        }

        var list = await keys.ListAsync(profile!.Id, cancellationToken);
        return TypedResults.Ok(list.Select(DtoOf).ToArray());
    }

    public async Task<IResult> RevokeKey(HttpContext context, string id, CancellationToken cancellationToken)
    {
        if (AdminProvince(context, out var profile, out _) is { } problem)
        {
            return problem;
        }

        var now = context.RequestServices.GetRequiredService<IClock>().GetCurrentInstant();
        return await keys.RevokeAsync(profile!.Id, id, now, cancellationToken) is { } key
            ? TypedResults.Ok(DtoOf(key))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"The province has no api key '{id}'.");
    }

    private static ApiKeyDto DtoOf(ApiKey key) =>
        new(key.Id, key.ProvinceId, key.Channel, key.AccountId, key.Name, key.CreatedAt.ToString(), key.CreatedBy, key.RevokedAt?.ToString());

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? AdminProvince(HttpContext context, out ProvinceProfile? profile, out Actor? admin)
    {
        profile = null;
        var resolved = context.RequestServices.GetRequiredService<ActorResolution>().Current(context);
        admin = resolved?.Actor;
        var catalog = context.RequestServices.GetRequiredService<ProvinceCatalog>();
        var asked = Text(context.Request.Query["jurisdiction_id"]);
        if (resolved?.ProvinceId is { } own && asked is not null && !string.Equals(own, asked, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: "An administrator manages the keys of their own province only.");
        }

        var id = resolved?.ProvinceId ?? asked ?? (catalog.Ids.Count() == 1 ? catalog.Ids.First() : null);
        if (id is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", detail: "Give the province as jurisdiction_id.");
        }

        profile = catalog.Find(id);
        return profile is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"The province '{id}' is not configured.")
            : null;
    }

    // ---- helpers ----

    private static List<string> ReadAttributes(IFormCollection form, FieldOptions field, List<string> problems, out bool confidential, out Instant? observedAt)
    {
        confidential = false;
        observedAt = null;
        var answers = new List<string>();
        foreach (var attribute in Open311Attribute.Of(field))
        {
            var values = form[$"attribute[{attribute.Code}]"].Concat(form[$"attribute[{attribute.Code}][]"])
                .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
            if (values.Count == 0)
            {
                if (attribute.Required)
                {
                    problems.Add($"attribute[{attribute.Code}] is required: {attribute.Description}");
                }

                continue;
            }

            if (attribute.Datatype != "multivaluelist" && values.Count > 1)
            {
                problems.Add($"attribute[{attribute.Code}] takes one value.");
                continue;
            }

            string? answer = null;
            switch (attribute.Datatype)
            {
                case "number":
                    if (!double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    {
                        problems.Add($"attribute[{attribute.Code}] must be a number.");
                    }

                    answer = values[0];
                    break;
                case "datetime":
                    if (ParseDate(values[0], $"attribute[{attribute.Code}]", problems) is { } instant && attribute.Code == Open311Attribute.ObservedAtCode)
                    {
                        observedAt = instant;
                    }

                    answer = values[0];
                    break;
                case "singlevaluelist" or "multivaluelist":
                    var names = new List<string>();
                    foreach (var v in values)
                    {
                        var match = attribute.Values.FirstOrDefault(k => k.Key == v);
                        if (match.Key is null)
                        {
                            problems.Add($"attribute[{attribute.Code}] has no value '{v}'; use one of: {string.Join(", ", attribute.Values.Select(k => k.Key))}.");
                        }
                        else
                        {
                            names.Add(match.Value);
                        }
                    }

                    if (attribute.Code == Open311Attribute.ConfidentialCode)
                    {
                        confidential = values[0] == "true";
                        continue;
                    }

                    answer = string.Join("; ", names);
                    break;
                default:
                    answer = values[0];
                    break;
            }

            if (attribute.Code != Open311Attribute.ObservedAtCode)
            {
                answers.Add($"{attribute.Description}: {answer}");
            }
        }

        return answers;
    }

    private static Open311Result? Jurisdiction(HttpContext context, Open311Format format, out ProvinceProfile? profile)
    {
        var catalog = context.RequestServices.GetRequiredService<ProvinceCatalog>();
        profile = null;
        if (Text(context.Request.Query["jurisdiction_id"]) is { } id)
        {
            profile = catalog.Find(id);
            return profile is null ? Errors(format, StatusCodes.Status404NotFound, $"jurisdiction_id '{id}' was not found.") : null;
        }

        var ids = catalog.Ids.Take(2).ToList();
        if (ids.Count == 1)
        {
            profile = catalog.Find(ids[0]);
            return null;
        }

        return Errors(format, StatusCodes.Status400BadRequest, ids.Count == 0 ? "No jurisdiction is configured." : "jurisdiction_id was not provided.");
    }

    private static Instant? ParseDate(string? text, string name, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (result.Success)
        {
            return result.Value.ToInstant();
        }

        problems.Add($"{name} must be an ISO 8601 date and time with its offset, for example 2026-11-22T08:30:00+07:00.");
        return null;
    }

    private static int? ParseInt(string? text, string name, int min, int max, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{name} must be a whole number from {min} to {max}.");
        return null;
    }

    private static bool Extensions(HttpContext context) =>
        string.Equals(Text(context.Request.Query["extensions"]), "true", StringComparison.OrdinalIgnoreCase);

    private static Open311Options OptionsOf(HttpContext context) =>
        context.RequestServices.GetService<IOptions<Open311Options>>()?.Value ?? new Open311Options();

    private static string? Text(StringValues values) => values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;

    private static Open311Format? FormatOf(string format) => format.ToLowerInvariant() switch
    {
        "xml" => Open311Format.Xml,
        "json" => Open311Format.Json,
        _ => null,
    };

    private static string Format(Instant instant, ProvinceProfile profile) => OutputPattern.Format(instant.InZone(profile.TimeZone).ToOffsetDateTime());

    internal static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".heic" => "image/heic",
        ".mp4" => "video/mp4",
        ".mov" => "video/quicktime",
        _ => "application/octet-stream",
    };

    private static Open311Result NotFoundFormat() =>
        Write(Open311Format.Xml, StatusCodes.Status404NotFound, Open311Writer.WriteList(Open311Format.Xml, "errors", "error", [ErrorOf(404, "The format must be xml or json.")]));

    private static Open311Result Errors(Open311Format format, int status, params string[] descriptions) =>
        Write(format, status, Open311Writer.WriteList(format, "errors", "error", descriptions.Select(d => ErrorOf(status, d))));

    private static Open311Object ErrorOf(int code, string description) => new() { { "code", code }, { "description", description } };

    private static Open311Result Write(Open311Format format, byte[] body) => Write(format, StatusCodes.Status200OK, body);

    private static Open311Result Write(Open311Format format, int status, byte[] body) =>
        new Open311Result(status, format == Open311Format.Xml ? Open311Writer.XmlContentType : Open311Writer.JsonContentType, body);

    private sealed class Open311Result(int status, string contentType, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = body.Length;
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }
}

/// <summary>The body of a request to issue an api key.</summary>
/// <param name="Channel">The code of the province's intake channel the key files through.</param>
/// <param name="Name">A name for people, for example the client's product name.</param>
/// <param name="AccountId">The account the key files under; default <c>open311:{id}</c>.</param>
internal sealed record IssueApiKeyRequest(string Channel, string? Name, string? AccountId);

/// <summary>An api key as administrators see it: never the key or its hash.</summary>
internal sealed record ApiKeyDto(string Id, string ProvinceId, string Channel, string AccountId, string? Name, string CreatedAt, string CreatedBy, string? RevokedAt);

/// <summary>A newly issued key: the only time the key itself is shown.</summary>
internal sealed record IssuedApiKeyDto(ApiKeyDto ApiKey, string Key);
