namespace FieldReports.Stores;

/// <summary>What <see cref="IIdempotencyStore.TryClaimAsync"/> found.</summary>
public enum IdempotencyClaimStatus
{
    /// <summary>The key was free and is now claimed by this request: run it.</summary>
    Claimed = 0,

    /// <summary>Another request with the key is still running.</summary>
    InFlight = 1,

    /// <summary>The key was used for a request with a different payload.</summary>
    FingerprintMismatch = 2,

    /// <summary>The key's request completed; replay its response.</summary>
    Completed = 3,
}
