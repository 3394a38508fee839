using System.Diagnostics;
using NeuralVision.Tools.IntegrationTests.Infrastructure;
using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.IntegrationTests;

/// <summary>The AOT binary as users run it: its linkage, its commands and their exit codes.</summary>
public sealed class PublishedBinaryTests : IDisposable
{
    private readonly TempHome home = new();

    public void Dispose() => home.Dispose();

    [Fact]
    public void Binary_LinksOnlyLibcLibmAndTheLoader()
    {
        var ldd = Process.Start(new ProcessStartInfo("ldd", [NvtBinary.Path]) { RedirectStandardOutput = true })!;
        string output = ldd.StandardOutput.ReadToEnd();
        ldd.WaitForExit();

        string[] libraries = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0])
            .ToArray();
        Assert.NotEmpty(libraries);
        Assert.All(libraries, library => Assert.Matches(@"^(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|/lib64/ld-linux-x86-64\.so\.2)$", library));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(NvtBinary.Path)!, "*.so*"));
    }

    [Fact]
    public void Binary_IsUnderFifteenMegabytes()
    {
        Assert.InRange(new FileInfo(NvtBinary.Path).Length, 1, 15_000_000);
    }

    [Fact]
    public void Help_ListsEveryJumpCommand()
    {
        var result = home.Run("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string command in new[] { "add", "query", "remove", "prune" })
        {
            Assert.Contains($"  {command} ", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddAndQuery_CreatePrivateDatabaseAndFindTheDirectory()
    {
        string project = home.MakeDirectory("code/neuralvision");
        home.MakeDirectory("code/neural-other");

        var add = home.Run("add", "--", project);
        var query = home.Run("query", "neural", "vision");

        Assert.Equal((0, "", ""), (add.ExitCode, add.Stdout, add.Stderr));
        Assert.Equal((0, project + "\n", ""), (query.ExitCode, query.Stdout, query.Stderr));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(home.DatabasePath));
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(home.DataDirectory));
    }

    [Fact]
    public void DataDirectory_FollowsXdgAndNvtDataDir()
    {
        string dir = home.MakeDirectory("d");
        home.Variables["XDG_DATA_HOME"] = Path.Combine(home.Root, "xdg");
        home.Run("add", dir);
        Assert.True(File.Exists(Path.Combine(home.Root, "xdg", "nvt", "nvt.db")));

        home.Variables["NVT_DATA_DIR"] = Path.Combine(home.Root, "custom");
        home.Run("add", dir);
        Assert.True(File.Exists(Path.Combine(home.Root, "custom", "nvt.db")));
    }

    [Fact]
    public void Query_NoMatch_ExitsOneWithOneLineOnStderr()
    {
        home.Run("add", home.MakeDirectory("x"));

        var result = home.Run("query", "nothing");

        Assert.Equal((1, "", "nvt: no match found\n"), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void UsageErrors_ExitTwoWithOneLine()
    {
        var unknown = home.Run("query", "--frobnicate");
        var missing = home.Run("add");
        var badVariable = RunWithVariable("NVT_MAXAGE", "soon", "add", home.MakeDirectory("y"));

        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal(2, badVariable.ExitCode);
        Assert.All(new[] { unknown, missing, badVariable }, result => Assert.Single(result.Stderr.TrimEnd('\n').Split('\n')));
        Assert.Contains("NVT_MAXAGE", badVariable.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_ClosedPipe_ExitsQuietly()
    {
        var paths = Enumerable.Range(0, 3000).Select(i => home.MakeDirectory($"many/dir-with-a-long-name-{i:D5}")).ToArray();
        foreach (var chunk in paths.Chunk(500))
        {
            home.Run(["add", "--", .. chunk]);
        }

        var start = new ProcessStartInfo("bash", ["-c", $"set -o pipefail; '{NvtBinary.Path}' query --list 2>/tmp/nvt-pipe-err-$$ | head -1 >/dev/null; s=$?; cat /tmp/nvt-pipe-err-$$; rm -f /tmp/nvt-pipe-err-$$; exit $s"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = home.Home;
        using var bash = Process.Start(start)!;
        string stderr = bash.StandardOutput.ReadToEnd() + bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.Equal((0, ""), (bash.ExitCode, stderr));
    }

    [Fact]
    public void Remove_And_Prune_Work_From_The_Binary()
    {
        string keep = home.MakeDirectory("keep");
        string gone = home.MakeDirectory("gone");
        string drop = home.MakeDirectory("drop");
        home.Run("add", keep, gone, drop);
        Directory.Delete(gone);

        Assert.Equal(0, home.Run("remove", drop).ExitCode);
        var prune = home.Run("prune");

        Assert.Equal((0, "pruned 1 missing directory\n"), (prune.ExitCode, prune.Stdout));
        Assert.Equal(keep + "\n", home.Run("query", "--list", "--all").Stdout);
    }

    [Fact]
    public void Add_WeirdPaths_RoundTripExactly()
    {
        string[] names = ["with space", "pipe|bar", "new\nline", "ünïcødé-日本", "-dash"];
        string[] paths = names.Select(name => home.MakeDirectory(Path.Combine("weird", name))).ToArray();
        home.Run(["add", "--", .. paths]);

        using var database = JumpDatabase.OpenForReading(home.DatabasePath)!;
        Assert.Equal(paths.Order(StringComparer.Ordinal), database.ReadAll().Select(entry => entry.Path));
        Assert.Equal(paths[2] + "\n", home.Run("query", "line").Stdout);
    }

    [Fact]
    public void QueryExec_RunsTheCommandWithTheMatch_AndReturnsItsStatus()
    {
        string file = Path.Combine(home.MakeDirectory("docs"), "todo list.md");
        File.WriteAllText(file, "x");
        Assert.Equal(0, home.Run("add", "--files", "--", file).ExitCode);

        var echoed = home.Run("query", "--files", "--exec", "echo found:", "todo");
        Assert.Equal((0, $"found: {file}\n", ""), (echoed.ExitCode, echoed.Stdout, echoed.Stderr));
        Assert.Equal(3, home.Run("query", "-f", "-e", "sh -c 'exit 3' sh", "todo").ExitCode);
        var missing = home.Run("query", "-f", "-e", "no-such-program-here", "todo");
        Assert.Equal((127, "nvt: no-such-program-here: command not found\n"), (missing.ExitCode, missing.Stderr));
    }

    private ProcessResult RunWithVariable(string name, string value, params string[] args)
    {
        home.Variables[name] = value;
        try
        {
            return home.Run(args);
        }
        finally
        {
            home.Variables.Remove(name);
        }
    }
}
