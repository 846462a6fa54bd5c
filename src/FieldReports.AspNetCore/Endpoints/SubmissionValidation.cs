using FieldReports.Intake;
using FieldReports.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>Checks the shape of a submission (lengths, coordinates, encoding) before intake checks its content.</summary>
internal static class SubmissionValidation
{
    public static ValidationProblem? Validate(SubmitReportRequest body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Text(errors, "channel", body.Channel, 64);
        Text(errors, "title", body.Title, 200);
        Text(errors, "description", body.Description, ReportCommand.MaxTextLength);
        Text(errors, "address", body.Address, 500);
        Text(errors, "areaCode", body.AreaCode, 64);
        Text(errors, "language", body.Language, 35);
        Text(errors, "category", body.Category, 64);
        Text(errors, "contact.name", body.Contact?.Name, 200);
        Text(errors, "contact.phone", body.Contact?.Phone, 32);
        Text(errors, "contact.email", body.Contact?.Email, 254);
        if (body.Latitude.HasValue != body.Longitude.HasValue)
        {
            errors["latitude"] = ["Give both latitude and longitude, or neither."];
        }

        if (body.Latitude is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90))
        {
            errors["latitude"] = ["Latitude is between -90 and 90 degrees."];
        }

        if (body.Longitude is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180))
        {
            errors["longitude"] = ["Longitude is between -180 and 180 degrees."];
        }

        return errors.Count == 0 ? null : Problem(errors);
    }

    /// <summary>Checks free-text fields of a command: each at most its length and well-formed Unicode; null when all pass.</summary>
    public static ValidationProblem? Texts(params (string Name, string? Value, int Max)[] fields)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value, max) in fields)
        {
            Text(errors, name, value, max);
        }

        return errors.Count == 0 ? null : Problem(errors);
    }

    public static ValidationProblem Invalid(string field, string message) => Problem(new Dictionary<string, string[]> { [field] = [message] });

    public static ReportDraft ToDraft(SubmitReportRequest body, Actor actor, IReadOnlyList<DraftAttachment> attachments) => new()
    {
        Channel = string.IsNullOrWhiteSpace(body.Channel) ? "app" : body.Channel,
        ReporterAccountId = actor.AccountId,
        Contact = new ReporterContact { Name = body.Contact?.Name, Phone = body.Contact?.Phone, Email = body.Contact?.Email },
        Title = body.Title,
        Description = body.Description,
        Location = body.Latitude is { } lat && body.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
        Address = body.Address,
        AreaCode = body.AreaCode,
        ObservedAt = body.ObservedAt is { } at ? Instant.FromDateTimeOffset(at) : null,
        Language = string.IsNullOrWhiteSpace(body.Language) ? "vi" : body.Language,
        Category = body.Category,
        Confidential = body.Confidential,
        Attachments = attachments,
    };

    private static ValidationProblem Problem(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        detail: "Some fields are not valid; see errors.",
        type: DomainErrorResults.TypePrefix + ErrorCodes.RequestInvalid,
        extensions: new Dictionary<string, object?> { [DomainErrorResults.CodeExtension] = ErrorCodes.RequestInvalid });

    private static void Text(Dictionary<string, string[]> errors, string name, string? value, int max)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            errors[name] = [$"At most {max} characters."];
        }
        else if (!IsWellFormed(value))
        {
            errors[name] = ["The text is not valid Unicode (an unpaired surrogate or a control character)."];
        }
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                return false;
            }
        }

        return true;
    }
}
