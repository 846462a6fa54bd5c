using System.Text.Json;
using System.Text.Json.Nodes;

namespace FieldReports.AspNetCore.Tests;

public class OpenApiDocumentTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task Committed_OpenAPI_document_matches_the_endpoints()
    {
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!.AsObject();
        document.Remove("servers");
        Assert.NotNull(document["paths"]?["/api/v1/workflow"]);

        var root = FindRoot();
        var path = Path.Combine(root, "docs", "openapi.json");
        var actual = document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("FIELDREPORTS_ACCEPT_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
            return;
        }

        var expected = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(
            expected == actual,
            "docs/openapi.json no longer matches the endpoints. If the change is intended, accept it with " +
            "FIELDREPORTS_ACCEPT_SNAPSHOTS=1 dotnet test tests/FieldReports.AspNetCore.Tests and commit the file. Generated:\n" + actual);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FieldReports.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository, below FieldReports.sln.");
    }
}
