namespace FieldReports;

/// <summary>
/// The outcome of a domain command: success, or a <see cref="DomainError"/> that explains the refusal.
/// A refused command has changed nothing.
/// </summary>
public readonly record struct DomainResult
{
    private DomainResult(DomainError? error) => Error = error;

    /// <summary>A successful outcome.</summary>
    public static DomainResult Success => default;

    /// <summary>The error, or <see langword="null"/> when the command succeeded.</summary>
    public DomainError? Error { get; }

    /// <summary>Whether the command succeeded.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>Creates a failed outcome.</summary>
    /// <param name="error">The reason for the refusal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static DomainResult Failure(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new DomainResult(error);
    }

    /// <summary>Converts an error to a failed outcome.</summary>
    /// <param name="error">The reason for the refusal.</param>
    public static implicit operator DomainResult(DomainError error) => Failure(error);

    /// <summary>Converts an error to a failed outcome.</summary>
    /// <param name="error">The reason for the refusal.</param>
    public static DomainResult FromDomainError(DomainError error) => Failure(error);
}
