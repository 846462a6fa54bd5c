using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using static FieldReports.AspNetCore.Tests.Open311.Open311Client;

namespace FieldReports.AspNetCore.Tests.Open311;

/// <summary>GeoReport v2, method by method, both formats, as the specification's text shows them (#7).</summary>
public class Open311ConformanceTests(Open311Factory factory) : IClassFixture<Open311Factory>
{
    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
    private static readonly string[] AttributeFields = ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"];
    private static readonly string[] RequestFields =
        ["service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
         "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"];

    private static readonly string[] Datatypes = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];

    // ---- discovery ----

    [Fact]
    public async Task Discovery_xml_lists_the_endpoint_with_both_formats()
    {
        using var client = factory.CreateClient();
        var (status, xml) = await GetXmlAsync(client, "discovery.xml");
        Assert.Equal(HttpStatusCode.OK, status);
        var root = xml.Root!;
        Assert.Equal("discovery", root.Name.LocalName);
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], ChildNames(root));
        Assert.Equal("open311@alpha.gov.vn", root.Element("contact")!.Value);
        var endpoint = Assert.Single(root.Element("endpoints")!.Elements("endpoint"));
        Assert.Equal(["specification", "url", "changeset", "type", "formats"], ChildNames(endpoint));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Element("specification")!.Value);
        Assert.EndsWith("/open311/v2/", endpoint.Element("url")!.Value, StringComparison.Ordinal);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
    }

    [Fact]
    public async Task Discovery_json_is_an_object_with_an_endpoints_array()
    {
        using var client = factory.CreateClient();
        var (status, json) = await GetJsonAsync(client, "discovery.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal(JsonValueKind.String, json.GetProperty("changeset").ValueKind);
        var endpoint = Assert.Single(json.GetProperty("endpoints").EnumerateArray());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
    }

    // ---- service list ----

    [Fact]
    public async Task Service_list_xml_has_a_service_element_per_field_with_the_specified_children()
    {
        using var client = factory.CreateClient();
        var (status, xml) = await GetXmlAsync(client, $"services.xml?{Jurisdiction}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("services", xml.Root!.Name.LocalName);
        var services = xml.Root.Elements("service").ToList();
        Assert.Equal(["traffic_safety", "environment"], services.Select(s => s.Element("service_code")!.Value));
        Assert.All(services, s => Assert.Equal(ServiceFields, ChildNames(s)));
        Assert.Equal("An toàn giao thông", services[0].Element("service_name")!.Value);
        Assert.Equal("true", services[0].Element("metadata")!.Value);
        Assert.Equal("realtime", services[0].Element("type")!.Value);
    }

    [Fact]
    public async Task Service_list_json_is_an_array_with_boolean_metadata()
    {
        using var client = factory.CreateClient();
        var (status, json) = await GetJsonAsync(client, $"services.json?{Jurisdiction}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        foreach (var service in json.EnumerateArray())
        {
            Assert.Equal(ServiceFields, service.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.String, service.GetProperty("service_code").ValueKind);
            Assert.Equal(JsonValueKind.True, service.GetProperty("metadata").ValueKind);
            Assert.Contains(service.GetProperty("type").GetString(), new[] { "realtime", "batch", "blackbox" });
        }
    }

    // ---- service definition ----

    [Fact]
    public async Task Service_definition_xml_has_attributes_of_all_six_datatypes_with_values_for_lists()
    {
        using var client = factory.CreateClient();
        var (status, xml) = await GetXmlAsync(client, $"services/traffic_safety.xml?{Jurisdiction}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        Assert.Equal(["service_code", "attributes"], ChildNames(xml.Root));
        var attributes = xml.Root.Element("attributes")!.Elements("attribute").ToList();
        Assert.All(attributes, a => Assert.Equal(AttributeFields, ChildNames(a)));
        Assert.Equal(Datatypes.Order(), attributes.Select(a => a.Element("datatype")!.Value).Distinct().Order());
        Assert.Equal(Enumerable.Range(1, attributes.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), attributes.Select(a => a.Element("order")!.Value));
        var count = attributes.Single(a => a.Element("code")!.Value == "q2");
        Assert.Equal("number", count.Element("datatype")!.Value);
        Assert.Equal("true", count.Element("required")!.Value);
        var kind = attributes.Single(a => a.Element("code")!.Value == "q5");
        Assert.Equal("singlevaluelist", kind.Element("datatype")!.Value);
        var values = kind.Element("values")!.Elements("value").ToList();
        Assert.All(values, v => Assert.Equal(["key", "name"], ChildNames(v)));
        Assert.Equal(["Xe máy", "Ô tô", "Xe tải"], values.Select(v => v.Element("name")!.Value));
    }

    [Fact]
    public async Task Service_definition_json_types_booleans_numbers_and_value_arrays()
    {
        using var client = factory.CreateClient();
        var (status, json) = await GetJsonAsync(client, $"services/traffic_safety.json?{Jurisdiction}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("traffic_safety", json.GetProperty("service_code").GetString());
        foreach (var attribute in json.GetProperty("attributes").EnumerateArray())
        {
            Assert.Equal(AttributeFields, attribute.EnumerateObject().Select(p => p.Name));
            Assert.Contains(attribute.GetProperty("variable").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.Contains(attribute.GetProperty("required").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.Equal(JsonValueKind.Number, attribute.GetProperty("order").ValueKind);
            Assert.Contains(attribute.GetProperty("datatype").GetString(), Datatypes);
            Assert.Equal(JsonValueKind.Array, attribute.GetProperty("values").ValueKind);
        }
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Service_definition_of_an_unknown_service_code_is_404(string format)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"{Base}services/no_such_field.{format}?{Jurisdiction}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertErrorsAsync(response, format, 404);
    }

    // ---- jurisdiction ----

    [Theory]
    [InlineData("services", "xml")]
    [InlineData("services", "json")]
    [InlineData("requests", "xml")]
    [InlineData("requests", "json")]
    [InlineData("services/traffic_safety", "xml")]
    public async Task Without_jurisdiction_id_a_deployment_of_several_provinces_answers_400(string method, string format)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"{Base}{method}.{format}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertErrorsAsync(response, format, 400);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task An_unknown_jurisdiction_id_is_404(string format)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"{Base}services.{format}?jurisdiction_id=atlantis", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertErrorsAsync(response, format, 404);
    }

    // ---- POST service request ----

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Post_request_returns_the_service_request_id_as_a_string(string format)
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var (status, body, contentType) = await PostAsync(client, format, TrafficRequest(key));
        Assert.True(status == HttpStatusCode.OK, body);
        string id;
        if (format == "xml")
        {
            Assert.StartsWith("text/xml", contentType, StringComparison.Ordinal);
            var root = XDocument.Parse(body).Root!;
            Assert.Equal("service_requests", root.Name.LocalName);
            var request = Assert.Single(root.Elements("request"));
            Assert.Equal(["service_request_id", "service_notice", "account_id"], ChildNames(request));
            id = request.Element("service_request_id")!.Value;
        }
        else
        {
            var json = JsonDocument.Parse(body).RootElement;
            var request = Assert.Single(json.EnumerateArray());
            Assert.Equal(JsonValueKind.String, request.GetProperty("service_request_id").ValueKind);
            id = request.GetProperty("service_request_id").GetString()!;
        }

        Assert.False(string.IsNullOrWhiteSpace(id));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Post_request_without_api_key_is_403(string format)
    {
        using var client = factory.CreateClient();
        var form = TrafficRequest("x").Where(p => p.Key != "api_key").ToList();
        var (status, body, _) = await PostAsync(client, format, form);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        AssertErrors(body, format, 403);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Post_request_with_an_unknown_api_key_is_403(string format)
    {
        using var client = factory.CreateClient();
        var (status, body, _) = await PostAsync(client, format, TrafficRequest("not-a-key"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        AssertErrors(body, format, 403);
    }

    [Fact]
    public async Task Post_request_with_a_key_of_another_jurisdiction_is_403()
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var form = TrafficRequest(key).Select(p => p.Key == "jurisdiction_id" ? new KeyValuePair<string, string>(p.Key, Open311Factory.Other) : p).ToList();
        var (status, body, _) = await PostAsync(client, "json", form);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        AssertErrors(body, "json", 403);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Post_request_with_an_unknown_service_code_is_404(string format)
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var form = TrafficRequest(key).Select(p => p.Key == "service_code" ? new KeyValuePair<string, string>(p.Key, "no_such_field") : p).ToList();
        var (status, body, _) = await PostAsync(client, format, form);
        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertErrors(body, format, 404);
    }

    [Theory]
    [InlineData("service_code")]
    [InlineData("attribute[q2]")]
    public async Task Post_request_without_service_code_or_a_required_attribute_is_400(string missing)
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var (status, body, _) = await PostAsync(client, "xml", TrafficRequest(key).Where(p => p.Key != missing));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertErrors(body, "xml", 400);
    }

    [Fact]
    public async Task Post_request_without_any_location_is_400()
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var form = TrafficRequest(key).Where(p => p.Key is not ("lat" or "long" or "address_string")).ToList();
        var (status, body, _) = await PostAsync(client, "json", form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertErrors(body, "json", 400);
    }

    [Theory]
    [InlineData("attribute[q2]", "nhiều")]
    [InlineData("attribute[q4]", "hôm qua")]
    [InlineData("attribute[q5]", "9")]
    [InlineData("lat", "north")]
    public async Task Post_request_with_a_value_of_the_wrong_datatype_is_400(string name, string value)
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var form = TrafficRequest(key).Where(p => p.Key != name).Append(new(name, value)).ToList();
        var (status, body, _) = await PostAsync(client, "json", form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertErrors(body, "json", 400);
    }

    [Fact]
    public async Task Post_request_the_province_rejects_at_intake_is_400_with_every_reason()
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var form = TrafficRequest(key).Where(p => p.Key is not ("phone" or "media_url")).ToList();
        var (status, body, _) = await PostAsync(client, "json", form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.True(errors.Count >= 2, body);
    }

    // ---- GET service request, token ----

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task An_unpublished_request_shows_its_status_and_dates_but_no_content(string format)
    {
        var id = await FileAsync();
        using var client = factory.CreateClient();
        if (format == "xml")
        {
            var (status, xml) = await GetXmlAsync(client, $"requests/{id}.xml?{Jurisdiction}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("service_requests", xml.Root!.Name.LocalName);
            var request = Assert.Single(xml.Root.Elements("request"));
            Assert.Equal(RequestFields, ChildNames(request));
            Assert.Equal(id, request.Element("service_request_id")!.Value);
            Assert.Equal("open", request.Element("status")!.Value);
            Assert.Equal("", request.Element("description")!.Value);
            Assert.Equal("", request.Element("lat")!.Value);
            Assert.Equal("2026-11-23T09:00:00+07:00", request.Element("requested_datetime")!.Value);
            Assert.EndsWith("+07:00", request.Element("expected_datetime")!.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn", xml.ToString(), StringComparison.Ordinal);
        }
        else
        {
            var (status, json) = await GetJsonAsync(client, $"requests/{id}.json?{Jurisdiction}");
            Assert.Equal(HttpStatusCode.OK, status);
            var request = Assert.Single(json.EnumerateArray());
            Assert.Equal(RequestFields, request.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.String, request.GetProperty("service_request_id").ValueKind);
            Assert.Equal("open", request.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, request.GetProperty("description").ValueKind);
            Assert.DoesNotContain("0912345678", json.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task An_unknown_service_request_id_is_404(string format)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"{Base}requests/{Guid.NewGuid()}.{format}?{Jurisdiction}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertErrorsAsync(response, format, 404);
    }

    [Fact]
    public async Task A_request_of_another_jurisdiction_is_not_found()
    {
        var id = await FileAsync();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"{Base}requests/{id}.json?jurisdiction_id={Open311Factory.Other}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Token_gives_the_service_request_id(string format)
    {
        var id = await FileAsync();
        using var client = factory.CreateClient();
        if (format == "xml")
        {
            var (status, xml) = await GetXmlAsync(client, $"tokens/{id}.xml?{Jurisdiction}");
            Assert.Equal(HttpStatusCode.OK, status);
            var request = Assert.Single(xml.Root!.Elements("request"));
            Assert.Equal(["service_request_id", "token"], ChildNames(request));
            Assert.Equal(id, request.Element("service_request_id")!.Value);
        }
        else
        {
            var (status, json) = await GetJsonAsync(client, $"tokens/{id}.json?{Jurisdiction}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(id, Assert.Single(json.EnumerateArray()).GetProperty("service_request_id").GetString());
        }
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task An_unknown_token_is_404(string format)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"{Base}tokens/nope.{format}?{Jurisdiction}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertErrorsAsync(response, format, 404);
    }

    // ---- GET service requests ----

    [Fact]
    public async Task Service_request_id_list_returns_each_known_id_and_overrides_other_arguments()
    {
        var first = await FileAsync();
        var second = await FileAsync();
        using var client = factory.CreateClient();
        var (status, json) = await GetJsonAsync(client, $"requests.json?{Jurisdiction}&service_request_id={first},{second},{Guid.NewGuid()}&status=closed&service_code=environment");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([first, second], json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
    }

    [Fact]
    public async Task Request_list_without_arguments_is_an_empty_list_when_nothing_is_published()
    {
        using var client = factory.CreateClient();
        var (status, xml) = await GetXmlAsync(client, $"requests.xml?jurisdiction_id={Open311Factory.Other}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.Empty(xml.Root.Elements());
    }

    [Theory]
    [InlineData("start_date=yesterday")]
    [InlineData("end_date=2026-13-01T00:00:00Z")]
    [InlineData("status=pending")]
    [InlineData("page=0")]
    [InlineData("page_size=100000")]
    [InlineData("start_date=2026-11-20T00:00:00%2B07:00&end_date=2026-11-10T00:00:00%2B07:00")]
    public async Task Request_list_with_an_invalid_argument_is_400(string arguments)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"{Base}requests.json?{Jurisdiction}&{arguments}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertErrorsAsync(response, "json", 400);
    }

    [Fact]
    public async Task An_unknown_format_is_404()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"{Base}services.yaml?{Jurisdiction}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> FileAsync()
    {
        var (_, key) = await factory.IssueKeyAsync();
        using var client = factory.CreateClient();
        var (status, body, _) = await PostAsync(client, "json", TrafficRequest(key));
        Assert.True(status == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private static async Task AssertErrorsAsync(HttpResponseMessage response, string format, int code)
    {
        if (format == "xml")
        {
            AssertErrors((await XmlOf(response)).ToString(), format, code);
        }
        else
        {
            AssertErrors((await JsonOf(response)).GetRawText(), format, code);
        }
    }

    /// <summary>The specification's error list: <c>&lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;</c>, or a JSON array of {code, description}.</summary>
    internal static void AssertErrors(string body, string format, int code)
    {
        if (format == "xml")
        {
            var root = XDocument.Parse(body).Root!;
            Assert.Equal("errors", root.Name.LocalName);
            var errors = root.Elements("error").ToList();
            Assert.NotEmpty(errors);
            Assert.Equal(errors.Count, root.Elements().Count());
            Assert.All(errors, e =>
            {
                Assert.Equal(["code", "description"], ChildNames(e));
                Assert.Equal(code.ToString(CultureInfo.InvariantCulture), e.Element("code")!.Value);
                Assert.False(string.IsNullOrWhiteSpace(e.Element("description")!.Value));
            });
        }
        else
        {
            var errors = JsonDocument.Parse(body).RootElement;
            Assert.Equal(JsonValueKind.Array, errors.ValueKind);
            Assert.NotEmpty(errors.EnumerateArray());
            Assert.All(errors.EnumerateArray(), e =>
            {
                Assert.Equal(["code", "description"], e.EnumerateObject().Select(p => p.Name));
                Assert.Equal(code, e.GetProperty("code").GetInt32());
                Assert.Equal(JsonValueKind.String, e.GetProperty("description").ValueKind);
            });
        }
    }
}
