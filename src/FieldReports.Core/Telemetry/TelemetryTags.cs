namespace FieldReports.Telemetry;

/// <summary>The tag names FieldReports' instruments use; none of them carries personal data.</summary>
public static class TelemetryTags
{
    /// <summary>The province id.</summary>
    public const string Province = "fieldreports.province";

    /// <summary>The agency id (an organisation, never a person).</summary>
    public const string Agency = "fieldreports.agency";

    /// <summary>The intake channel's code.</summary>
    public const string Channel = "fieldreports.channel";

    /// <summary>The workflow trigger.</summary>
    public const string Trigger = "fieldreports.trigger";

    /// <summary>The outbox message type.</summary>
    public const string MessageType = "fieldreports.message_type";
}
