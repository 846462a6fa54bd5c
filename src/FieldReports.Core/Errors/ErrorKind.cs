namespace FieldReports;

/// <summary>
/// The broad category of a <see cref="DomainError"/>, which an integration maps to its own vocabulary
/// (the ASP.NET Core package maps it to an HTTP status code).
/// </summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or incomplete; the caller can fix it and retry.</summary>
    Validation,

    /// <summary>The resource does not exist, or the caller may not know that it exists.</summary>
    NotFound,

    /// <summary>The caller is known but may not perform this action.</summary>
    Forbidden,

    /// <summary>The action conflicts with the current state of the resource (an illegal transition, a concurrent change).</summary>
    Conflict,

    /// <summary>The action is refused by a business rule of the province (a locked account, the night window, a closed rating period).</summary>
    Rule,
}
