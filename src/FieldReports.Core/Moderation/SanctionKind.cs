namespace FieldReports.Moderation;

/// <summary>The sanctions an account can receive. Numeric values are stable.</summary>
public enum SanctionKind
{
    /// <summary>The account is locked: it cannot send reports.</summary>
    AccountLock = 0,

    /// <summary>The account's interaction function is locked: it cannot interact with published results.</summary>
    InteractionBan = 1,
}
