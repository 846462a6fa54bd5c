using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FieldReports.Reliability.Tests.Infrastructure;

/// <summary>Signs in through the host's sign-in page (the cookie then authenticates API calls) and sends reports.</summary>
public static partial class Session
{
    public const string Province = "ca-mau";
    public const string Api = "/api/v1/provinces/" + Province;
    public const string Password = "Demo@2026";

    /// <summary>Signs <paramref name="userName"/> in on a client whose handler keeps cookies and does not follow redirects.</summary>
    public static async Task SignInAsync(HttpClient client, string userName)
    {
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var form = new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = Password };
        if (AntiforgeryToken().Match(page) is { Success: true } token)
        {
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {userName} answered {(int)response.StatusCode}.");
    }

    public static async Task<HttpClient> ClientAsync(Uri baseAddress, string userName)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        await SignInAsync(client, userName);
        return client;
    }

    public static object Report(string description) => new
    {
        title = "Ổ gà trên đường Trần Hưng Đạo",
        description,
        latitude = 9.1769,
        longitude = 105.1524,
        address = "Đường Trần Hưng Đạo, Phường 1, TP Cà Mau",
        contact = new { name = "Nguyễn Văn An", phone = "0912 345 678", email = "an.nguyen@example.vn" },
    };

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string description, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Api + "/reports", UriKind.Relative)) { Content = JsonContent.Create(Report(description)) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<string> SubmitOkAsync(HttpClient client, string description)
    {
        using var response = await SubmitAsync(client, description);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> GetReportAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(new Uri($"{Api}/reports/{id}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET report {id}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
