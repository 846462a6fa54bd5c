namespace FieldReports.Accounts;

/// <summary>The outcome of a change to a staff account: the account as stored, or why nothing changed.</summary>
public sealed class StaffAccountOutcome
{
    private StaffAccountOutcome(StaffAccount? account, DomainError? error)
    {
        Account = account;
        Error = error;
    }

    /// <summary>The account after the change; <see langword="null"/> when refused.</summary>
    public StaffAccount? Account { get; }

    /// <summary>Why the change was refused (a stable code of <see cref="ErrorCodes"/>); <see langword="null"/> when it was made.</summary>
    public DomainError? Error { get; }

    /// <summary>A change that was made.</summary>
    /// <param name="account">The account as stored.</param>
    public static StaffAccountOutcome Done(StaffAccount account) => new(account ?? throw new ArgumentNullException(nameof(account)), null);

    /// <summary>A change that was refused; nothing changed.</summary>
    /// <param name="error">The reason.</param>
    public static StaffAccountOutcome Refused(DomainError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
