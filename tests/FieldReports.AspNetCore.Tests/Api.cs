using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FieldReports.AspNetCore.Tests;

/// <summary>Users, canary personal data and request helpers shared by the API tests.</summary>
internal static class Api
{
    public const string Base = "/api/v1/provinces/ca-mau";

    public const string Citizen = "reporter;citizen-1;;ca-mau";
    public const string OtherCitizen = "reporter;citizen-2;;ca-mau";
    public const string Reception = "reception_staff;rec-1;;ca-mau";
    public const string Approver = "approver;appr-1;;ca-mau";
    public const string Handler = "handling_staff;h-1;so-gtvt;ca-mau";
    public const string OtherAgency = "handling_staff;h-2;so-tnmt;ca-mau";
    public const string Leader = "leader;lead-1;;ca-mau";
    public const string Admin = "administrator;adm-1;;ca-mau";
    public const string OtherProvinceReception = "reception_staff;rec-9;;hue";

    // Canary personal data: distinctive enough that any leak is found by a plain search.
    public const string CanaryName = "Trần Canarynguyen Xíu";
    public const string CanaryPhone = "0912 345 678";
    public const string CanaryPhoneE164 = "+84912345678";
    public const string CanaryEmail = "canary.7f3e91@example.vn";

    // A real image: uploads are decoded to strip their metadata, so a header alone would be refused as unreadable.
    public static readonly byte[] Jpeg = TestImages.PlainJpeg();

    public static object ReportJson(string description = "Ổ gà lớn giữa đường Trần Hưng Đạo gây nguy hiểm cho xe máy.") => new
    {
        title = "Ổ gà trên đường",
        description,
        latitude = 9.1769,
        longitude = 105.1524,
        address = "Đường Trần Hưng Đạo, Phường 1",
        contact = new { name = CanaryName, phone = CanaryPhone, email = CanaryEmail },
    };

    public static MultipartFormDataContent Multipart(object report, byte[]? file = null, string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        var form = new MultipartFormDataContent("fr-boundary-1");
        form.Add(new StringContent(JsonSerializer.Serialize(report), Encoding.UTF8, "application/json"), "report");
        var bytes = new ByteArrayContent(file ?? Jpeg);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(bytes, "files", fileName);
        return form;
    }

    public static async Task<string> SubmitAsync(ApiFactory factory, string user = Citizen, byte[]? file = null, string fileName = "photo.jpg")
    {
        using var client = factory.As(user);
        var response = await client.PostAsync(new Uri(Base + "/reports/multipart", UriKind.Relative), Multipart(ReportJson(), file, fileName));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<HttpResponseMessage> PostAsync(ApiFactory factory, string? user, string path, object? body = null)
    {
        using var client = factory.As(user);
        return await client.PostAsJsonAsync(new Uri(Base + path, UriKind.Relative), body ?? new { });
    }

    public static async Task<HttpResponseMessage> GetAsync(ApiFactory factory, string? user, string path)
    {
        using var client = factory.As(user);
        return await client.GetAsync(new Uri(Base + path, UriKind.Relative));
    }

    /// <summary>Submits a report and walks it to publication.</summary>
    public static async Task<string> PublishedAsync(ApiFactory factory) => await PublishAsync(factory, await SubmitAsync(factory));

    /// <summary>Walks a submitted report to publication.</summary>
    public static async Task<string> PublishAsync(ApiFactory factory, string id)
    {
        await AssignAsync(factory, id);
        await PublishAssignedAsync(factory, id);
        return id;
    }

    /// <summary>Receives a submitted report and assigns it to so-gtvt (<see cref="Handler"/>'s agency).</summary>
    public static async Task AssignAsync(ApiFactory factory, string id)
    {
        await Ok(PostAsync(factory, Reception, $"/reports/{id}/receive", new { fieldCode = "traffic" }));
        await Ok(PostAsync(factory, Reception, $"/reports/{id}/assign", new { agencyId = "so-gtvt" }));
    }

    /// <summary>Walks an assigned report to publication.</summary>
    public static async Task PublishAssignedAsync(ApiFactory factory, string id)
    {
        await Ok(PostAsync(factory, Handler, $"/reports/{id}/acknowledge", new { }));
        await Ok(PostAsync(factory, Handler, $"/reports/{id}/result", new { result = "Đã vá ổ gà ngày 20/11." }));
        await Ok(PostAsync(factory, Approver, $"/reports/{id}/approve", new { }));
    }

    public static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static void NoCanary(string text)
    {
        Assert.DoesNotContain(CanaryName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Canarynguyen", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CanaryPhone, text, StringComparison.Ordinal);
        Assert.DoesNotContain("912345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryEmail, text, StringComparison.OrdinalIgnoreCase);
    }
}
