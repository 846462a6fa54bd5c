using System.Collections.Immutable;
using FieldReports.Reports;

namespace FieldReports.Storage.EF.Tests.Infrastructure;

/// <summary>Structural comparison of reports and events (their immutable collections compare by reference otherwise).</summary>
public static class Same
{
    public static void Report(Report expected, Report actual)
    {
        var e = expected.ToSnapshot();
        var a = actual.ToSnapshot();
        Assert.Equal(Strip(e), Strip(a));
        Assert.Equal(e.Content.AttachmentIds.ToArray(), a.Content.AttachmentIds.ToArray());
        Assert.Equal(e.Evidence.ToArray(), a.Evidence.ToArray());
        Events(e.Events, a.Events);
    }

    public static void Events(IReadOnlyList<ReportEvent> expected, IReadOnlyList<ReportEvent> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i] with { Data = ImmutableSortedDictionary<string, string>.Empty }, actual[i] with { Data = ImmutableSortedDictionary<string, string>.Empty });
            Assert.Equal(expected[i].Data, actual[i].Data);
        }
    }

    private static ReportSnapshot Strip(ReportSnapshot s) =>
        s with { Events = [], Evidence = [], Content = s.Content with { AttachmentIds = [] } };
}
