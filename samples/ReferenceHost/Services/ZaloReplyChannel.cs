using FieldReports;
using FieldReports.Intake;

namespace ReferenceHost.Services;

/// <summary>
/// A vendor's extension point, wired in code for Huế: a reply channel for reports that came in through Zalo. A real
/// vendor calls the Zalo Official Account API here; the demo only records that a reply went out (ids, no personal data).
/// </summary>
public sealed partial class ZaloReplyChannel(ILogger<ZaloReplyChannel> logger) : IReplyChannel
{
    public string Code => "zalo";

    public ValueTask<DomainResult> SendAsync(ChannelReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        LogSent(logger, reply.ProvinceId, reply.ReportId?.ToString() ?? "-");
        return ValueTask.FromResult(DomainResult.Success);
    }

    [LoggerMessage(EventId = 8301, EventName = "ZaloReplySent", Level = LogLevel.Information, Message = "Zalo OA reply for report {ReportId} in {ProvinceId}")]
    private static partial void LogSent(ILogger logger, string provinceId, string reportId);
}
