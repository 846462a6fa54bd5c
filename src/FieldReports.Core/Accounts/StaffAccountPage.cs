namespace FieldReports.Accounts;

/// <summary>One page of a province's staff accounts.</summary>
/// <param name="Items">The accounts, in the directory's stable order.</param>
/// <param name="NextCursor">The cursor of the next page; <see langword="null"/> on the last one.</param>
public sealed record StaffAccountPage(IReadOnlyList<StaffAccount> Items, string? NextCursor);
