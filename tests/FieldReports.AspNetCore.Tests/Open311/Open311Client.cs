using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace FieldReports.AspNetCore.Tests.Open311;

/// <summary>Calls the GeoReport v2 endpoint and checks what every response must be: UTF-8, the format's content type, the XML declaration.</summary>
internal static class Open311Client
{
    public const string Base = "/open311/v2/";
    public const string Jurisdiction = "jurisdiction_id=" + Open311Factory.Province;

    public static async Task<(HttpStatusCode Status, XDocument Xml)> GetXmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(Base + path, UriKind.Relative));
        return (response.StatusCode, await XmlOf(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Json)> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(Base + path, UriKind.Relative));
        return (response.StatusCode, await JsonOf(response));
    }

    public static async Task<(HttpStatusCode Status, string Body, string? ContentType)> PostAsync(HttpClient client, string format, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri($"{Base}requests.{format}", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    public static async Task<XDocument> XmlOf(HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        return XDocument.Parse(text);
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>A complete request for the traffic-safety service, with the attributes it requires.</summary>
    public static List<KeyValuePair<string, string>> TrafficRequest(string apiKey, string description = "Xe tải đỗ chắn lối đi trước trường học từ sáng sớm.") =>
    [
        new("api_key", apiKey),
        new("jurisdiction_id", Open311Factory.Province),
        new("service_code", "traffic_safety"),
        new("lat", "10.7769"),
        new("long", "106.7009"),
        new("address_string", "12 Lê Lợi, Phường 1"),
        new("email", "nguoidan@example.vn"),
        new("device_id", "device-1"),
        new("account_id", "citizen-42"),
        new("first_name", "Văn A"),
        new("last_name", "Nguyễn"),
        new("phone", "0912345678"),
        new("description", description),
        new("media_url", "https://img.example.vn/anh/xe-tai.jpg"),
        new("attribute[q1]", "51C-123.45"),
        new("attribute[q2]", "1"),
        new("attribute[q5]", "3"),
        new("attribute[q6][]", "1"),
        new("attribute[q6][]", "2"),
    ];

    /// <summary>The elements of an XML element's children, by name, in order.</summary>
    public static string[] ChildNames(XElement element) => [.. element.Elements().Select(e => e.Name.LocalName)];
}
