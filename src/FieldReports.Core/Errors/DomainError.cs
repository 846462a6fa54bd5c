using System.Globalization;

namespace FieldReports;

/// <summary>
/// An expected business outcome that refuses an action: a stable machine-readable <see cref="Code"/>, a
/// human-readable <see cref="Message"/> that says what was attempted and how to proceed, and a <see cref="Kind"/>.
/// </summary>
/// <remarks>
/// Codes are stable across versions and are documented in <see cref="ErrorCodes"/>; messages may be reworded.
/// Messages never contain personal data of reporters. Instances are immutable and thread-safe.
/// </remarks>
public sealed record DomainError
{
    /// <summary>Creates an error.</summary>
    /// <param name="code">The stable code, one of <see cref="ErrorCodes"/> or a vendor's own dotted code.</param>
    /// <param name="kind">The category of the error.</param>
    /// <param name="message">The English message.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is empty.</exception>
    public DomainError(string code, ErrorKind kind, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Code = code;
        Kind = kind;
        Message = message;
    }

    /// <summary>The stable, machine-readable code, for example <c>workflow.transition_not_permitted</c>.</summary>
    public string Code { get; }

    /// <summary>The category of the error.</summary>
    public ErrorKind Kind { get; }

    /// <summary>The English, human-readable explanation.</summary>
    public string Message { get; }

    /// <summary>Returns <c>code: message</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code}: {Message}");
}
