using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Tests.Jump.Commands;

/// <summary>`nvt list`, `nvt stats` and `nvt explain`.</summary>
public sealed class InsightCommandTests : IDisposable
{
    private const long Hour = 3600;
    private const long Day = 24 * Hour;

    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    private static long Now => TestContext.DefaultNow.ToUnixTimeSeconds();

    [Fact]
    public void List_DefaultsToEveryKindBestFirst_AndFiltersByKind()
    {
        string dir = nvt.MakeDirectory("proj");
        string file = Path.Combine(dir, "notes.txt");
        File.WriteAllText(file, "");
        Import($"{dir}|2|{Now}\n{file}|5|{Now}\n");

        Assert.Equal(ExitCodes.Ok, nvt.Run("list"));
        Assert.Equal($"{file}\n{dir}\n", nvt.Output.ToString());
        nvt.Run("list", "--dirs", "--score");
        Assert.Equal($"   8.0 {dir}\n", nvt.Output.ToString());
        nvt.Run("list", "-f");
        Assert.Equal($"{file}\n", nvt.Output.ToString());
        Assert.Throws<NvtException>(() => nvt.Run("list", "--files", "--any"));
    }

    [Fact]
    public void List_NoDatabase_PrintsNothing()
    {
        Assert.Equal(ExitCodes.Ok, nvt.Run("list"));
        Assert.Equal("", nvt.Output.ToString());
    }

    [Fact]
    public void Stats_CountsRanksTopEntriesWithBarsAndTheDatabase()
    {
        string a = nvt.MakeDirectory("a");
        string b = nvt.MakeDirectory("b");
        string file = Path.Combine(a, "f.txt");
        File.WriteAllText(file, "");
        Import($"{a}|10|{Now}\n{b}|5|{Now}\n{file}|1|{Now - 2 * Day}\n/gone|2|{Now - 30 * Day}\n");

        Assert.Equal(ExitCodes.Ok, nvt.Run("stats"));

        string[] lines = nvt.Output.ToString().Split('\n');
        Assert.Matches($@"^database    {nvt.DatabasePath} \(\d+\.\d KiB(, plus \d+\.\d KiB of write-ahead log)?\)$", lines[0]);
        Assert.Equal(
            [
                "entries     4: 3 directories, 1 file (1 missing on disk now)",
                "total rank  18.0 (aged when it passes NVT_MAXAGE = 10000)",
                "top 4 by score",
                $"  40.0 ############################## {a}",
                $"  20.0 ###############                {b}",
                $"   0.5 #                              {file}",
                $"   0.5 #                              /gone",
                "",
            ],
            lines[1..]);
    }

    [Fact]
    public void Stats_ShowsAtMostTen()
    {
        Import(string.Concat(Enumerable.Range(1, 12).Select(i => $"/d{i}|{i}|{Now}\n")));

        nvt.Run("stats");

        Assert.Contains("top 10 by score\n", nvt.Output.ToString(), StringComparison.Ordinal);
        Assert.Equal(10, nvt.Output.ToString().Split('\n').Count(line => line.Contains(" /d", StringComparison.Ordinal)));
    }

    [Fact]
    public void Stats_NoDatabase_SaysSo()
    {
        Assert.Equal(ExitCodes.Ok, nvt.Run("stats"));
        Assert.Equal($"database    {nvt.DatabasePath} (does not exist yet: nothing recorded)\n", nvt.Output.ToString());
    }

    [Fact]
    public void Explain_SaysWhyEachCandidateWinsOrLoses()
    {
        string exact = nvt.MakeDirectory("work/proj");
        string longer = nvt.MakeDirectory("work/proj-old");
        string parent = nvt.MakeDirectory("proj/src");
        string scratch = nvt.MakeDirectory("scratch/proj");
        string file = Path.Combine(exact, "proj.txt");
        File.WriteAllText(file, "");
        string gone = Path.Combine(nvt.Home, "gone/proj");
        nvt.Variables["NVT_EXCLUDE_DIRS"] = Path.Combine(nvt.Home, "scratch") + "/*";
        Import(
            $"{exact}|2|{Now - 10 * 60}\n{longer}|20|{Now - 3 * Hour}\n{parent}|50|{Now - 3 * Day}\n"
            + $"{scratch}|9|{Now - 10 * Day}\n{file}|1|{Now}\n{gone}|3|{Now - 100}\n");

        Assert.Equal(ExitCodes.Ok, nvt.Run("explain", "proj"));

        Assert.Equal(
            $"""
            nvt query proj goes to {exact}

             1. {exact}  <- the answer
                matches; its last component is the last keyword, so it ranks before matches that only contain it
                score 8.0 = rank 2.0 x 4 (last visit 10 minutes ago: under an hour)

             2. {longer}
                matches
                score 40.0 = rank 20.0 x 2 (last visit 3 hours ago: under a day)

             3. {gone}  (not returned)
                - the directory does not exist now
                score 12.0 = rank 3.0 x 4 (last visit 100 seconds ago: under an hour)

             4. {scratch}  (not returned)
                - excluded by the pattern '{nvt.Home}/scratch/*' (NVT_EXCLUDE_DIRS; $HOME and / when unset)
                score 2.25 = rank 9.0 x 0.25 (last visit 10 days ago: a week or more)

             5. {file} (file)  (not returned)
                - it is a file, and only directories (--dirs, the default) were asked for
                score 4.0 = rank 1.0 x 4 (last visit 0 seconds ago: under an hour)

             6. {parent}  (not returned)
                - the last keyword "proj" must match in the last component "src"
                score 25.0 = rank 50.0 x 0.5 (last visit 3 days ago: under a week)

            """,
            nvt.Output.ToString());
    }

    [Fact]
    public void Explain_WithFiles_MakesTheFileTheAnswer()
    {
        string dir = nvt.MakeDirectory("docs");
        string file = Path.Combine(dir, "report.txt");
        File.WriteAllText(file, "");
        Import($"{file}|1|{Now}\n");

        Assert.Equal(ExitCodes.Ok, nvt.Run("explain", "--files", "report"));

        Assert.StartsWith($"nvt query report goes to {file}\n", nvt.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_NothingContainsTheKeywords_ExitsOne()
    {
        Import($"/somewhere|1|{Now}\n");

        Assert.Equal(ExitCodes.NoMatch, nvt.Run("explain", "zzz"));

        Assert.Equal("", nvt.Output.ToString());
        Assert.Equal("nvt: no entry contains any of the keywords, so nvt query zzz finds nothing\n", nvt.Error.ToString());
    }

    /// <summary>Fills the database through fasd's format, which keeps files as files.</summary>
    private void Import(string fasdLines)
    {
        string path = Path.Combine(nvt.Home, ".fasd");
        File.WriteAllText(path, fasdLines);
        Assert.Equal(ExitCodes.Ok, nvt.Run("import", "--from", "fasd", "--merge"));
    }
}
