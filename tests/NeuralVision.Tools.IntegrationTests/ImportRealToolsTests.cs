using System.Diagnostics;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests;

/// <summary>
/// `nvt import` on files written by the real jumpers (Debian's zoxide 0.4.3, fasd 1.0.1 and autojump 22.5.1, which
/// test.sh installs), run in a temp HOME; z's format is hand-written because z.sh is not packaged.
/// </summary>
public sealed class ImportRealToolsTests : IDisposable
{
    private readonly TempHome home = new();

    public void Dispose() => home.Dispose();

    [Fact]
    public void Import_Zoxide_DbZoWrittenByZoxide()
    {
        string proj = home.MakeDirectory("code/proj");
        string spaced = home.MakeDirectory("b c/x|y");
        RunTool([], "zoxide", "add", proj);
        RunTool([], "zoxide", "add", proj);
        RunTool([], "zoxide", "add", spaced);

        var import = home.Run("import", "--from", "zoxide");

        Assert.Equal(
            (0, $"imported 2, merged 0, skipped 0 from {home.Home}/.local/share/zoxide/db.zo\n", ""),
            (import.ExitCode, import.Stdout, import.Stderr));
        Assert.Equal($"   8.0 {proj}\n   4.0 {spaced}\n", home.Run("list", "--score").Stdout);
        Assert.Equal(spaced + "\n", home.Run("query", "x|y").Stdout);
    }

    [Fact]
    public void Import_Zoxide_TruncatedRealFileImportsNothing()
    {
        RunTool([], "zoxide", "add", home.MakeDirectory("one"));
        RunTool([], "zoxide", "add", home.MakeDirectory("two"));
        string db = Path.Combine(home.Home, ".local/share/zoxide/db.zo");
        byte[] whole = File.ReadAllBytes(db);
        string cut = Path.Combine(home.Root, "cut.zo");
        File.WriteAllBytes(cut, whole[..^5]);

        var import = home.Run("import", "--from", "zoxide", cut);

        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
            $"nvt: {cut}: truncated: the file ends inside entry 2 of 2\nnvt: {cut}: not a valid zoxide file; nothing imported (--skip-bad imports the good lines)\n",
            import.Stderr);
        Assert.False(File.Exists(home.DatabasePath));
    }

    [Fact]
    public void Import_Fasd_DirectoriesAndFilesRecordedByFasd()
    {
        string proj = home.MakeDirectory("code/proj");
        string spaced = home.MakeDirectory("my docs");
        string unicode = home.MakeDirectory("ünïcødé");
        string notes = Path.Combine(proj, "notes.txt");
        File.WriteAllText(notes, "x");

        // fasd 1.0.1 loses the first write when ~/.fasd does not exist yet (its awk cannot read the missing file).
        File.WriteAllText(Path.Combine(home.Home, ".fasd"), "");
        RunTool([], "fasd", "-A", proj, spaced, unicode, notes);
        RunTool([], "fasd", "-A", proj);
        RunTool([], "fasd", "-A", proj);

        var import = home.Run("import", "--from", "fasd");

        Assert.Equal(
            (0, $"imported 4, merged 0, skipped 0 from {home.Home}/.fasd\n", ""),
            (import.ExitCode, import.Stdout, import.Stderr));

        // fasd ranks a revisit as rank + 1/rank: 1, 2, 2.5.
        Assert.Equal($"  10.0 {proj}\n", home.Run("list", "--dirs", "--score").Stdout.Split('\n')[0] + "\n");
        Assert.Equal(notes + "\n", home.Run("list", "--files").Stdout);
        Assert.Equal(
            new[] { proj, spaced, unicode }.Order(StringComparer.Ordinal),
            home.Run("list", "--dirs").Stdout.TrimEnd('\n').Split('\n').Order(StringComparer.Ordinal));
        Assert.Equal(unicode + "\n", home.Run("query", "ünï").Stdout);
    }

    [Fact]
    public void Import_Autojump_WeightsWrittenByAutojump()
    {
        string proj = home.MakeDirectory("code/proj");
        string other = home.MakeDirectory("other");
        (string, string)[] sourced = [("AUTOJUMP_SOURCED", "1")];
        RunTool(sourced, "autojump", "--add", proj);
        RunTool(sourced, "autojump", "-a", proj);
        RunTool(sourced, "autojump", "-a", other);
        string data = Path.Combine(home.Home, ".local/share/autojump/autojump.txt");
        Assert.Contains("14.142135623730951\t" + proj, File.ReadAllText(data), StringComparison.Ordinal);

        var import = home.Run("import", "--from", "autojump");

        Assert.Equal(
            (0, $"imported 2, merged 0, skipped 0 from {data}\n", ""),
            (import.ExitCode, import.Stdout, import.Stderr));

        // Weights 10·√2 and 10 are two visits and one; the file was written just now, so both count as this hour's.
        Assert.Equal($"   8.0 {proj}\n   4.0 {other}\n", home.Run("list", "--score").Stdout);
    }

    [Fact]
    public void Import_Autojump_XdgDataHomeLocationOfAutojump2251()
    {
        string proj = home.MakeDirectory("proj");
        string xdg = Path.Combine(home.Root, "xdg");
        Directory.CreateDirectory(xdg);
        RunTool([("AUTOJUMP_SOURCED", "1"), ("XDG_DATA_HOME", xdg)], "autojump", "-a", proj);
        home.Variables["XDG_DATA_HOME"] = xdg;

        var import = home.Run("import", "--from", "autojump");

        Assert.Equal((0, $"imported 1, merged 0, skipped 0 from {xdg}/autojump.txt\n"), (import.ExitCode, import.Stdout));
    }

    [Fact]
    public void Import_Z_HandWrittenEdgeCasesThenMergeZoxide()
    {
        string pipe = home.MakeDirectory("a|b");
        string proj = home.MakeDirectory("code/proj");
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        File.WriteAllText(Path.Combine(home.Home, ".z"), $"{pipe}|2,5|{now - 60}\r\n{proj}|1|{now - 30 * 86_400}\r\n");
        RunTool([], "zoxide", "add", proj);

        var z = home.Run("import", "--from", "z");
        var refused = home.Run("import", "--from", "zoxide");
        var merged = home.Run("import", "--from", "zoxide", "--merge");

        Assert.Equal((0, $"imported 2, merged 0, skipped 0 from {home.Home}/.z\n"), (z.ExitCode, z.Stdout));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--merge", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, $"imported 0, merged 1, skipped 0 from {home.Home}/.local/share/zoxide/db.zo\n"), (merged.ExitCode, merged.Stdout));

        // proj: z's rank 1 plus zoxide's 1, visited now (zoxide's time is the later one).
        Assert.Equal($"  10.0 {pipe}\n   8.0 {proj}\n", home.Run("list", "--score").Stdout);
        var explain = home.Run("explain", "proj");
        Assert.StartsWith($"nvt query proj goes to {proj}\n", explain.Stdout, StringComparison.Ordinal);
        Assert.Contains("score 8.0 = rank 2.0 x 4", explain.Stdout, StringComparison.Ordinal);
        var stats = home.Run("stats");
        Assert.Contains("entries     2: 2 directories, 0 files\n", stats.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsTheNewCommands()
    {
        var help = home.Run("--help");

        Assert.Equal(0, help.ExitCode);
        foreach (string command in new[] { "import", "list", "stats", "explain" })
        {
            Assert.Contains($"  {command} ", help.Stdout, StringComparison.Ordinal);
        }
    }

    /// <summary>Runs a real jumper with the temp HOME and a clean environment; it must succeed.</summary>
    private void RunTool((string Name, string Value)[] variables, string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args)
        {
            WorkingDirectory = home.Home,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["HOME"] = home.Home;
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {output}");
    }
}
