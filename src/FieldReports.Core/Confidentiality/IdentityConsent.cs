using NodaTime;

namespace FieldReports.Confidentiality;

/// <summary>
/// The reporter's consent to share their identity with the handling agency (Cà Mau art. 6.5), recorded per report with
/// the purpose, the version of the wording they agreed to and the time; withdrawable. Immutable.
/// </summary>
public sealed record IdentityConsent
{
    /// <summary>What the identity may be used for, as shown to the reporter (for example "contact to verify the place").</summary>
    public required string Purpose { get; init; }

    /// <summary>The version of the consent wording the reporter agreed to.</summary>
    public required string WordingVersion { get; init; }

    /// <summary>When the reporter gave consent.</summary>
    public required Instant GivenAt { get; init; }

    /// <summary>When the reporter withdrew it; <see langword="null"/> while it stands.</summary>
    public Instant? WithdrawnAt { get; init; }

    /// <summary>Whether the consent stands at an instant.</summary>
    /// <param name="at">The instant.</param>
    public bool StandsAt(Instant at) => GivenAt <= at && (WithdrawnAt is null || at < WithdrawnAt);
}
