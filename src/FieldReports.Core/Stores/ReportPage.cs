namespace FieldReports.Stores;

/// <summary>One page of a list read with keyset paging.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items, in the list's order.</param>
/// <param name="NextCursor">The opaque cursor of the next page, or <see langword="null"/> when this is the last page.</param>
public sealed record ReportPage<T>(IReadOnlyList<T> Items, string? NextCursor);
