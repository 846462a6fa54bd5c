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

    /// <summary>
    /// A real, decodable JPEG of about the given size (noise compresses poorly, like a detailed photo), with a camera's
    /// EXIF, so that the host's upload path decodes, strips and stores it as it would a citizen's photo.
    /// </summary>
    public static byte[] Photo(int bytes, int seed)
    {
        // Noise at quality 90 takes a little under 2 bytes per pixel: size once, then correct by the ratio measured.
        var side = (int)Math.Sqrt(bytes / 1.8);
        byte[] jpeg = [];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            jpeg = Encode(side, seed);
            var ratio = (double)bytes / jpeg.Length;
            if (ratio is > 0.9 and < 1.1)
            {
                break;
            }

            side = Math.Max(16, (int)(side * Math.Sqrt(ratio)));
        }

        return jpeg;
    }

    private static byte[] Encode(int side, int seed)
    {
        var pixels = new byte[side * side * 3];
        new Random(seed).NextBytes(pixels);
        using var image = new ImageMagick.MagickImage(pixels, new ImageMagick.PixelReadSettings((uint)side, (uint)side, ImageMagick.StorageType.Char, ImageMagick.PixelMapping.RGB));
        var exif = new ImageMagick.ExifProfile();
        exif.SetValue(ImageMagick.ExifTag.Make, "FieldReports");
        exif.SetValue(ImageMagick.ExifTag.Model, "Load");
        image.SetProfile(exif);
        image.Quality = 90;
        return image.ToByteArray(ImageMagick.MagickFormat.Jpeg);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
