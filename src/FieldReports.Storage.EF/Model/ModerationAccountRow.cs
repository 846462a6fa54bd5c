namespace FieldReports.Storage.EF.Model;

/// <summary>The head of an account's moderation record: how many entries it has, the optimistic-concurrency token.</summary>
internal sealed class ModerationAccountRow
{
    public string ProvinceId { get; set; } = "";

    public string AccountId { get; set; } = "";

    public int ViolationCount { get; set; }

    public int DecisionCount { get; set; }

    public int Version { get; set; }
}
