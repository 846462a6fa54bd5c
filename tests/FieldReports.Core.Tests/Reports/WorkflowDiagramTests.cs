using System.Globalization;
using System.Text;
using FieldReports.Core.Tests.Support;
using FieldReports.Reports;

namespace FieldReports.Core.Tests.Reports;

public class WorkflowDiagramTests
{
    [Fact]
    public void Committed_workflow_page_matches_the_state_machine()
    {
        var mermaid = ReportWorkflow.ToMermaid().ReplaceLineEndings("\n").Replace("\t", "    ", StringComparison.Ordinal).TrimEnd();
        Assert.Contains("Submitted --> Received : Receive", mermaid, StringComparison.Ordinal);

        var page = new StringBuilder()
            .Append("# The report workflow\n\n")
            .Append("Generated from `ReportWorkflow` (src/FieldReports.Core/Reports) by the test `WorkflowDiagramTests`; do not edit by hand.\n")
            .Append("Terminal states: ").AppendJoin(", ", ReportWorkflow.TerminalStates.Order()).Append(".\n")
            .Append("Reports are created in `Submitted` by ").AppendJoin(", ", ReportWorkflow.RolesAllowedTo(ReportTrigger.Submit)).Append(".\n\n")
            .Append("```mermaid\n").Append(mermaid).Append("\n```\n\n")
            .Append("| from | trigger | to | roles | further guards |\n| --- | --- | --- | --- | --- |\n");
        foreach (var t in ReportWorkflow.Transitions)
        {
            page.Append(CultureInfo.InvariantCulture, $"| {t.From} | {t.Trigger} | {t.To} | {string.Join(", ", t.Roles)} | {string.Join("; ", t.Guards.Skip(1).Select(g => g.Description))} |\n");
        }

        Snapshot.AssertMatches("docs/workflow.md", page.ToString());
    }
}
