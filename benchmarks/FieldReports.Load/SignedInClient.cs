using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FieldReports.Load;

/// <summary>An HTTP client signed in through the host's Identity sign-in page; its cookie authenticates the API calls.</summary>
internal static partial class SignedInClient
{
    public const string Password = "Demo@2026";

    public static HttpClient Anonymous(Uri baseAddress) => new(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1024 })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string userName)
    {
        var cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false, MaxConnectionsPerServer = 1024 };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(page);
        var form = new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = Password };
        if (token.Success)
        {
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect || cookies.GetAllCookies().Count < 2)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}.");
        }

        return client;
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>A multipart submission: the report as JSON and the given files as JPEG photos.</summary>
    public static MultipartFormDataContent Multipart(object report, IReadOnlyList<byte[]> photos)
    {
        var form = new MultipartFormDataContent();
        form.Add(Json(report), "report");
        for (var i = 0; i < photos.Count; i++)
        {
            var file = new ByteArrayContent(photos[i]);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "files", $"photo{i}.jpg");
        }

        return form;
    }

    /// <summary>A JPEG of the given size: a valid header followed by incompressible bytes.</summary>
    public static byte[] Photo(int bytes, int seed)
    {
        var data = new byte[bytes];
        new Random(seed).NextBytes(data);
        byte[] header = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
        header.CopyTo(data, 0);
        data[^2] = 0xFF;
        data[^1] = 0xD9;
        return data;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
