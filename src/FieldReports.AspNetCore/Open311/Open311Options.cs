namespace FieldReports.AspNetCore.Open311;

/// <summary>What the GeoReport v2 discovery document says about the deployment.</summary>
public sealed class Open311Options
{
    /// <summary>The <c>changeset</c> of the discovery document: when the endpoint last changed, ISO 8601 with offset. Default <c>2026-11-22T00:00:00+07:00</c>.</summary>
    public string Changeset { get; set; } = "2026-11-22T00:00:00+07:00";

    /// <summary>The <c>contact</c>: whom client developers write to. Default empty.</summary>
    public string Contact { get; set; } = string.Empty;

    /// <summary>The <c>key_service</c>: where a client asks for an api key (the province's administrators). Default empty.</summary>
    public string KeyService { get; set; } = string.Empty;

    /// <summary>The endpoint <c>type</c>: <c>production</c>, <c>test</c>. Default <c>production</c>.</summary>
    public string EndpointType { get; set; } = "production";

    /// <summary>The largest <c>page_size</c> a client may ask for; also the page size when it asks for none. Default 1000, the specification's "first 1000 requests".</summary>
    public int MaxPageSize { get; set; } = 1000;
}
