namespace FieldReports.Provinces;

/// <summary>An intake channel of a province.</summary>
public sealed class ChannelOptions
{
    /// <summary>The channel's code, recorded on every report that comes in by it (for example <c>app</c>, <c>hotline</c>). Required, unique.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>What kind of channel it is. Default <see cref="ChannelKind.App"/>.</summary>
    public ChannelKind Kind { get; set; } = ChannelKind.App;

    /// <summary>The name people know it by, for example <c>Hue-S</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The public address of the channel: the hotline number, the mailbox, the page. Optional.</summary>
    public string? Address { get; set; }

    /// <summary>
    /// Whether reports from this channel may come without media although the province requires some (a caller cannot
    /// attach a photo). Default <see langword="false"/>.
    /// </summary>
    public bool MediaOptional { get; set; }
}
