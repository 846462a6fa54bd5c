using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FieldReports.Reliability.Tests.Hostile;

/// <summary>A route of the host: its pattern and the methods it answers.</summary>
public sealed record Route(string Pattern, IReadOnlyList<string> Methods);

/// <summary>One generated request, described for the failure message.</summary>
public sealed record HostileRequest(HttpMethod Method, string Path, string Description, Func<HttpContent?> Content, IReadOnlyList<(string Name, string Value)> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, new Uri(Path, UriKind.Relative)) { Content = Content() };
        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    public override string ToString() => $"{Method} {Path} [{Description}]";
}

/// <summary>
/// Generates malformed and malicious requests for every route of the host from a seeded random source: path traversal,
/// injection strings, invalid UTF-8, truncated and oversized bodies, wrong types, unknown enums, forged roles, agencies and
/// provinces, truncated multipart bodies.
/// </summary>
public sealed partial class HostileRequests(IReadOnlyList<Route> routes, string canaryReportId, int seed)
{
    private static readonly string[] Strings =
    [
        "' OR '1'='1", "'; DROP TABLE reports; --", "\" OR 1=1 --", "1; SELECT pg_sleep(5)--", "admin'--", "%27%20OR%201%3D1",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x/a}",
        "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/etc/shadow", "file:///etc/passwd",
        "\u0000", "a\u0000b", "\u202Eevil", "\uFEFF", "𝕏𝕐ℤ", "Ổ gà", "", " ", new string('A', 5000), "null", "true", "-1", "1e309",
        "NaN", "9999999999999999999999", "00000000-0000-0000-0000-000000000000", "\r\nSet-Cookie: x=1", "%00", "%ff%fe", "\ud800",
    ];

    // A NUL in the path never reaches the application (Kestrel answers 400 itself), so paths carry every other hostile byte.
    private static readonly string[] Provinces = ["ca-mau", "hue", "tien-giang", "dak-lak", "quang-binh", "nowhere", "CA-MAU", "..%2F..", "ca-mau%01", "%27%20OR%201%3D1"];

    private static readonly string[] Ids = ["not-a-guid", "00000000-0000-0000-0000-000000000000", "..%2F..%2Fappsettings.json", "%2e%2e%2f%2e%2e%2f", "1%20OR%201=1", "%3Cscript%3E"];

    private static readonly string[] Queries =
    [
        "pageSize=-1", "pageSize=1000000", "pageSize=abc", "cursor=AAAA", "cursor=%27%20OR%201%3D1", "cursor=eyJ4IjoxfQ", "from=notadate", "to=1970-01-01",
        "from=9999-12-31T23:59:59Z&to=0001-01-01T00:00:00Z", "limit=-5", "limit=2147483648", "offset=-1", "fieldCode=%27%20OR%201%3D1--", "areaCode=%3Cscript%3E",
        "role=administrator", "agency_id=so-gtvt", "province=ca-mau", "returnUrl=//evil.example/", "returnUrl=https://evil.example", "returnUrl=/%5Cevil.example",
        "api_key=%27", "service_code=%00", "agencyId=../../x", "format=xml", "lang=en",
    ];

    private readonly Random _random = new(seed);

    public HostileRequest Next()
    {
        var route = routes[_random.Next(routes.Count)];
        var method = _random.Next(10) == 0 ? Pick(["GET", "POST", "PUT", "DELETE", "PATCH"]) : Pick(route.Methods);
        var path = "/" + Parameter().Replace(route.Pattern.TrimStart('/'), m => Fill(m.Groups["name"].Value));
        if (_random.Next(3) == 0)
        {
            path += "?" + string.Join('&', Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(Queries)));
        }

        var headers = new List<(string, string)>();
        if (_random.Next(3) == 0)
        {
            headers.Add(Pick<(string, string)>([
                ("X-Role", "administrator"), ("X-Agency-Id", "so-gtvt"), ("X-Province", "ca-mau"), ("X-User", "ca-mau.admin"), ("X-Forwarded-For", "127.0.0.1"),
                ("Idempotency-Key", new string('k', 300)), ("Idempotency-Key", "bad key\u0001"), ("Accept", "application/xml"), ("X-HTTP-Method-Override", "DELETE"),
                ("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW5pc3RyYXRvciIsImFnZW5jeV9pZCI6InNvLWd0dnQiLCJwcm92aW5jZSI6ImNhLW1hdSJ9."),
            ]));
        }

        var (description, content) = method is "GET" && _random.Next(4) != 0 ? ("no body", (Func<HttpContent?>)(() => null)) : Body();
        return new HostileRequest(new HttpMethod(method), path, description, content, headers);
    }

    private string Fill(string name) => name switch
    {
        "provinceId" or "province" => Pick(Provinces),
        "id" or "service_request_id" => _random.Next(3) switch
        {
            0 => canaryReportId,
            1 => Guid.NewGuid().ToString(),
            _ => Pick(Ids),
        },
        "format" => Pick(["json", "xml", "html", "..", "json%7F", "exe"]),
        "code" => Pick(["en", "vi", "xx", "%3Cscript%3E", "..%2F"]),
        _ => Pick(["..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%1F", "C%3A%5Cwindows", Escape(Pick(Strings)), "photo.jpg", Guid.NewGuid().ToString("N")]),
    };

    private (string, Func<HttpContent?>) Body()
    {
        switch (_random.Next(12))
        {
            case 0:
                return ("truncated JSON", () => Raw("{\"title\":\"Ổ gà\",\"description\":\"abc", "application/json"));
            case 1:
                return ("invalid UTF-8", () => new ByteArrayContent([(byte)'{', (byte)'"', (byte)'d', (byte)'e', (byte)'s', (byte)'c', (byte)'r', (byte)'i', (byte)'p', (byte)'t', (byte)'i', (byte)'o', (byte)'n', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, (byte)'"', (byte)'}'])
                {
                    Headers = { ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8") },
                });
            case 2:
                var size = _random.Next(16) == 0 ? 6_000_000 : 300_000;
                return ($"oversized body ({size} bytes)", () => Raw(JsonSerializer.Serialize(new { title = "x", description = new string('Ổ', size / 3), latitude = 9.1, longitude = 105.1 }), "application/json"));
            case 3:
                return ("deeply nested JSON", () => Raw(new string('[', 5000) + new string(']', 5000), "application/json"));
            case 4:
                return ("truncated multipart", () => Raw("--b0\r\nContent-Disposition: form-data; name=\"report\"\r\nContent-Type: application/json\r\n\r\n{\"description\":\"x\"}\r\n--b0\r\nContent-Disposition: form-data; name=\"files\"; filename=\"../../../../tmp/evil.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff", "multipart/form-data; boundary=b0"));
            case 5:
                return ("multipart with a script as a photo", () =>
                {
                    var form = new MultipartFormDataContent();
                    form.Add(new StringContent(JsonSerializer.Serialize(Fields()), Encoding.UTF8, "application/json"), "report");
                    var file = new ByteArrayContent(Encoding.UTF8.GetBytes("<?php system($_GET['c']); ?><script>alert(1)</script>"));
                    file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                    form.Add(file, "files", Pick(["../../../../etc/cron.d/evil.jpg", "..\\..\\web.config", "photo.jpg%00.php", "x.svg"]));
                    return form;
                });
            case 6:
                return ("form with forged fields", () => new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["role"] = "administrator", ["agency_id"] = "so-gtvt", ["province"] = "ca-mau", ["UserName"] = "ca-mau.admin", ["Password"] = Pick(Strings),
                    ["api_key"] = Pick(Strings), ["service_code"] = Pick(Strings), ["description"] = Pick(Strings),
                }));
            case 7:
                return ("JSON of the wrong kind", () => Raw(Pick(["[]", "null", "42", "\"text\"", "{}", "", "{\"a\":", "true"]), Pick(["application/json", "text/plain", "application/xml", "application/json; charset=latin1"])));
            default:
                var fields = Fields();
                return ("JSON with hostile fields: " + string.Join(',', fields.Keys), () => Raw(JsonSerializer.Serialize(fields), "application/json"));
        }
    }

    /// <summary>A JSON object whose members are hostile strings, wrong types, unknown enums and forged identities.</summary>
    private Dictionary<string, object?> Fields()
    {
        string[] names =
        [
            "title", "description", "address", "areaCode", "channel", "category", "language", "fieldCode", "agencyId", "reason", "explanation",
            "duplicateOf", "answer", "direction", "result", "remark", "level", "comment", "urgent", "confidential", "latitude", "longitude",
            "observedAt", "evidenceAttachmentIds", "proposedAgencyId", "instructions", "contact", "role", "reporterAccountId", "provinceId",
            "state", "version", "id", "isUrgent",
        ];
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < 1 + _random.Next(8); i++)
        {
            fields[Pick(names)] = _random.Next(8) switch
            {
                0 => _random.Next(),
                1 => -1e308,
                2 => null,
                3 => new[] { Pick(Strings), Pick(Strings) },
                4 => new { name = Pick(Strings), phone = Pick(Strings), email = Pick(Strings), role = "administrator" },
                5 => Pick(["NotAReason", "Published", "super", "administrator", "-1", "99"]),
                6 => true,
                _ => Pick(Strings),
            };
        }

        return fields;
    }

    private static string Escape(string text)
    {
        try
        {
            return Uri.EscapeDataString(text.Replace("\u0000", "", StringComparison.Ordinal));
        }
        catch (UriFormatException)
        {
            return "%ED%A0%80";
        }
    }

    private static StringContent Raw(string text, string contentType)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_]+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
