namespace FieldReports.Core.Tests.Support;

/// <summary>
/// Compares generated text with a committed file. Set FIELDREPORTS_ACCEPT_SNAPSHOTS=1 and rerun the test to accept a change.
/// </summary>
internal static class Snapshot
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static void AssertMatches(string relativePath, string actual)
    {
        var path = Path.Combine(RepositoryRoot, relativePath);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("FIELDREPORTS_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (expected == actual)
        {
            return;
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var diff = new List<string>();
        for (var i = 0; i < Math.Max(e.Length, a.Length) && diff.Count < 40; i++)
        {
            var el = i < e.Length ? e[i] : null;
            var al = i < a.Length ? a[i] : null;
            if (el != al)
            {
                if (el is not null)
                {
                    diff.Add($"-{i + 1}: {el}");
                }

                if (al is not null)
                {
                    diff.Add($"+{i + 1}: {al}");
                }
            }
        }

        Assert.Fail(
            $"{relativePath} no longer matches the code (- committed, + generated):\n{string.Join('\n', diff)}\n" +
            "If the change is intended, accept it: FIELDREPORTS_ACCEPT_SNAPSHOTS=1 dotnet test, then commit the file.");
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
