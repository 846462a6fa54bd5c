namespace FieldReports.Stores;

/// <summary>A response stored for replay.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ContentType">The content type of the body, if any.</param>
/// <param name="Location">The <c>Location</c> header, if any.</param>
/// <param name="Body">The body, as text.</param>
public sealed record IdempotentResponse(int StatusCode, string? ContentType, string? Location, string Body);
