using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Tests.Jump.Commands;

public sealed class JumpCommandTests : IDisposable
{
    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    [Fact]
    public void AddThenQuery_ReturnsBestMatch()
    {
        string foo = nvt.MakeDirectory("src/foo");
        string foobar = nvt.MakeDirectory("src/foobar");

        Assert.Equal(ExitCodes.Ok, nvt.Run("add", foo, foobar));
        Assert.Equal(ExitCodes.Ok, nvt.Run("add", "--score", "5", foobar));
        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "foo"));

        Assert.Equal(foo + "\n", nvt.Output.ToString()); // exact last component wins over a higher score
        Assert.Equal("", nvt.Error.ToString());
    }

    [Fact]
    public void Query_ListWithScores_PrintsEveryMatchBestFirst()
    {
        string a = nvt.MakeDirectory("a/proj");
        string b = nvt.MakeDirectory("b/proj");
        nvt.Run("add", "--score", "3", a);
        nvt.Run("add", b);

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--list", "--score", "proj"));

        Assert.Equal($"  12.0 {a}\n   4.0 {b}\n", nvt.Output.ToString());
    }

    [Fact]
    public void Query_NoMatch_ExitsOneWithMessageOnStderrOnly()
    {
        nvt.Run("add", nvt.MakeDirectory("x"));

        Assert.Equal(ExitCodes.NoMatch, nvt.Run("query", "nothing-like-this"));
        Assert.Equal("", nvt.Output.ToString());
        Assert.Equal("nvt: no match found\n", nvt.Error.ToString());
    }

    [Fact]
    public void Query_ExcludesCurrentDirectoryWhenAsked()
    {
        string one = nvt.MakeDirectory("one/work");
        string two = nvt.MakeDirectory("two/work");
        nvt.Run("add", "--score", "9", one);
        nvt.Run("add", two);
        nvt.CurrentDirectory = one;

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--exclude", ".", "--", "work"));
        Assert.Equal(two + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Add_RelativePathAndDotDot_AreNormalised()
    {
        string deep = nvt.MakeDirectory("p/q/r");
        nvt.CurrentDirectory = deep;

        nvt.Run("add", "../../q/./r/..");
        nvt.Run("query", "--list");

        Assert.Equal(Path.GetDirectoryName(deep) + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Add_HomeRootMissingAndExcluded_AreNotRecorded()
    {
        string tmpLike = nvt.MakeDirectory("scratch/t1");
        string kept = nvt.MakeDirectory("kept");
        nvt.Run("add", nvt.Home, "/", Path.Combine(nvt.Home, "does-not-exist"), kept);
        nvt.Variables["NVT_EXCLUDE_DIRS"] = Path.Combine(nvt.Home, "scratch") + "/*";
        nvt.Run("add", tmpLike);

        nvt.Run("query", "--list", "--all");
        Assert.Equal(kept + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Add_SymlinkKeptAsTypedUnlessResolveRequested()
    {
        string target = nvt.MakeDirectory("real/target");
        string link = Path.Combine(nvt.Home, "link");
        File.CreateSymbolicLink(link, target);

        nvt.Run("add", link);
        nvt.Variables["NVT_RESOLVE_SYMLINKS"] = "1";
        nvt.Run("add", Path.Combine(link, "."));
        nvt.Run("query", "--list");

        Assert.Equal(new[] { link, target }.Order(StringComparer.Ordinal), nvt.Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Add_UnusableDatabase_IsSilentAndSucceeds()
    {
        string dir = nvt.MakeDirectory("d");
        Directory.CreateDirectory(nvt.DatabasePath); // a directory where the file should be

        Assert.Equal(ExitCodes.Ok, nvt.Run("add", dir));
        Assert.Equal("", nvt.Output.ToString() + nvt.Error.ToString());
    }

    [Fact]
    public void Add_UnusableDatabaseWithDebug_SaysWhy()
    {
        string dir = nvt.MakeDirectory("d");
        Directory.CreateDirectory(nvt.DatabasePath);
        nvt.Variables["NVT_DEBUG"] = "1";

        Assert.Equal(ExitCodes.Ok, nvt.Run("add", dir));
        Assert.StartsWith("nvt add: ", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Add_BadScore_IsAUsageError()
    {
        Assert.Throws<NvtException>(() => nvt.Run("add", "--score", "0", nvt.MakeDirectory("d")));
        Assert.Equal(ExitCodes.Error, nvt.Run("add", "--score", "-1", nvt.MakeDirectory("d")));
        Assert.Equal(ExitCodes.Error, nvt.Run("add", "--score", "many", nvt.MakeDirectory("d")));
        Assert.Contains("many", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_IsAnErrorWithExitTwo()
    {
        Assert.Equal(ExitCodes.Error, nvt.Run("query", "--bogus"));
        Assert.Equal("nvt: unknown option '--bogus' (put '--' before arguments that start with '-')\n", nvt.Error.ToString());
    }

    [Fact]
    public void Query_DashKeywordAfterDoubleDash_IsAKeyword()
    {
        string dir = nvt.MakeDirectory("x/-weird");
        nvt.Run("add", "--", dir);

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--", "-weird"));
        Assert.Equal(dir + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Remove_ForgetsAndReportsUnknownPaths()
    {
        string dir = nvt.MakeDirectory("r");
        nvt.Run("add", dir);

        Assert.Equal(ExitCodes.Ok, nvt.Run("remove", dir));
        Assert.Equal(ExitCodes.NoMatch, nvt.Run("remove", dir));
        Assert.Equal($"nvt: not in the database: {dir}\n", nvt.Error.ToString());
    }

    [Fact]
    public void Prune_ReportsHowManyMissingWereRemoved()
    {
        string gone = nvt.MakeDirectory("gone");
        string here = nvt.MakeDirectory("here");
        nvt.Run("add", gone, here);
        Directory.Delete(gone);

        Assert.Equal(ExitCodes.Ok, nvt.Run("prune"));
        Assert.Equal("pruned 1 missing directory\n", nvt.Output.ToString());
        nvt.Run("query", "--list", "--all");
        Assert.Equal(here + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Query_CorruptDatabase_MovesItAsideAndStartsFresh()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(nvt.DatabasePath)!);
        byte[] garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(nvt.DatabasePath, garbage);

        Assert.Equal(ExitCodes.NoMatch, nvt.Run("query", "x"));

        string movedTo = nvt.DatabasePath + ".corrupt-20231114T221320Z";
        Assert.StartsWith($"nvt: the database was unreadable (", nvt.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"moved it to {movedTo} and started a new one\n", nvt.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(movedTo));
        using var fresh = JumpDatabase.OpenForReading(nvt.DatabasePath);
        Assert.NotNull(fresh);
        Assert.Empty(fresh.ReadAll());
    }

    [Fact]
    public void Query_NoDatabaseYet_IsNoMatch()
    {
        Assert.Equal(ExitCodes.NoMatch, nvt.Run("query", "x"));
        Assert.False(File.Exists(nvt.DatabasePath));
    }

    [Fact]
    public void BadConfiguration_IsReportedWithTheVariable()
    {
        nvt.Variables["NVT_MAXAGE"] = "zero";
        var error = Assert.Throws<NeuralVision.Tools.Platform.Settings.ConfigException>(() => nvt.Run("add", nvt.MakeDirectory("d")));
        Assert.Contains("NVT_MAXAGE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseErrorInASubcommand_PointsToTheWholeCommandsHelp()
    {
        Assert.Equal(ExitCodes.Error, nvt.Run("keys", "gen", "-t", "dsa"));
        Assert.EndsWith("(see 'nvt keys gen --help')\n", nvt.Error.ToString(), StringComparison.Ordinal);
        Assert.Single(nvt.Error.ToString().TrimEnd('\n').Split('\n'));
    }
}
