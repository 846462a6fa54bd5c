namespace FieldReports.Stores;

/// <summary>The outcome of claiming an idempotency key.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Response">The stored response, when <paramref name="Status"/> is <see cref="IdempotencyClaimStatus.Completed"/>.</param>
public sealed record IdempotencyClaim(IdempotencyClaimStatus Status, IdempotentResponse? Response = null);
