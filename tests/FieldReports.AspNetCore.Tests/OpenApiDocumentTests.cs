using System.Text.Json.Nodes;

namespace FieldReports.AspNetCore.Tests;

/// <summary>
/// The OpenAPI document is written at build time (Microsoft.Extensions.ApiDescription.Server runs the reference host
/// under GetDocument.Insider into samples/ReferenceHost/obj/openapi); docs/openapi.json is the committed copy.
/// </summary>
public class OpenApiDocumentTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Committed_OpenAPI_document_is_the_one_the_build_writes()
    {
        var root = FindRoot();
        var built = Path.Combine(root, "samples", "ReferenceHost", "obj", "openapi", "openapi.json");
        Assert.True(File.Exists(built), $"The build did not write {built}; build samples/ReferenceHost (the test project's build does).");
        var actual = (await File.ReadAllTextAsync(built)).ReplaceLineEndings("\n");
        Assert.NotNull(JsonNode.Parse(actual)?["paths"]?["/api/v1/workflow"]);

        var committed = Path.Combine(root, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("FIELDREPORTS_ACCEPT_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(committed, actual);
            return;
        }

        var expected = File.Exists(committed) ? (await File.ReadAllTextAsync(committed)).ReplaceLineEndings("\n") : "";
        Assert.True(
            expected == actual,
            "docs/openapi.json differs from the document the build wrote. If the change is intended, accept it with " +
            "FIELDREPORTS_ACCEPT_SNAPSHOTS=1 dotnet test tests/FieldReports.AspNetCore.Tests and commit the file. Built:\n" + actual);
    }

    [Fact]
    public async Task Document_written_at_build_time_is_the_one_the_running_host_serves()
    {
        var built = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(FindRoot(), "samples", "ReferenceHost", "obj", "openapi", "openapi.json")))!.AsObject();
        using var client = factory.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!.AsObject();
        served.Remove("servers");
        built.Remove("servers");

        Assert.True(JsonNode.DeepEquals(built, served), "The host serves another document than the build wrote; rebuild samples/ReferenceHost.");
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
