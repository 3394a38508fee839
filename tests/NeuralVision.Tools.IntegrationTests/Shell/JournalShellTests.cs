using System.Diagnostics;
using System.Text;
using NeuralVision.Tools.IntegrationTests.Infrastructure;
using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>
/// Issue 13's journal in real shells: a cd starts no process, `nvt list` right after sees every visit, eight shells
/// cd-ing at once while other processes fold keep every visit exactly once, and a torn record is never a path.
/// </summary>
public sealed class JournalShellTests
{
    public static TheoryData<TestShell> BashAndZsh => [TestShell.Bash, TestShell.Zsh];

    [Theory]
    [MemberData(nameof(BashAndZsh))]
    public void HundredCds_StartAtMostTwoProcesses_AndListRightAfterShowsAllHundred(TestShell kind)
    {
        using var shell = new TmuxShell(kind);
        var targets = Enumerable.Range(0, 100).Select(i => shell.Home.MakeDirectory($"p{i % 10}/dir {i}")).ToList();
        int before = shell.NvtCalls().Count;

        foreach (string target in targets)
        {
            shell.Cd(target);
        }

        var calls = shell.NvtCalls().Skip(before).ToList();
        Assert.True(calls.Count <= 2, "nvt processes: " + string.Join(" | ", calls));
        Assert.All(calls, call => Assert.Equal("fold", call));
        Assert.Equal(targets.Order(StringComparer.Ordinal), shell.RecordedPaths().Intersect(targets).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EightShells_TwoHundredCdsEach_WhileQueriesFold_KeepEveryVisitExactlyOnce()
    {
        using var home = new TempHome();
        string bin = Directory.CreateDirectory(Path.Combine(home.Root, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "nvt"), NvtBinary.Path);
        string rc = Path.Combine(home.Root, "rc");
        File.WriteAllText(rc, "PS1='$ '\neval \"$(nvt init bash)\"\n");
        string zdot = Directory.CreateDirectory(Path.Combine(home.Root, "zdot")).FullName;
        File.WriteAllText(Path.Combine(zdot, ".zshrc"), "PS1='$ '\neval \"$(nvt init zsh)\"\n");

        var expected = new List<byte[]>();
        var shells = new List<Process>();
        for (int s = 0; s < 8; s++)
        {
            var script = new StringBuilder();
            for (int i = 0; i < 200; i++)
            {
                // Every fifth name is hostile: a newline, a tab, a '|', bytes that are not UTF-8.
                byte[] name = [.. Encoding.UTF8.GetBytes($"{home.Home}/s{s}/d{i}"), .. (i % 5) switch
                {
                    0 => "\nnl"u8.ToArray(),
                    1 => "\ttab|pipe"u8.ToArray(),
                    2 => new byte[] { 0xFF, 0xFE },
                    _ => [],
                }];
                expected.Add(name);
                string quoted = DollarQuote(name);
                script.Append("mkdir -p -- ").Append(quoted).Append(" && cd -- ").Append(quoted).Append('\n');
            }

            string scriptPath = Path.Combine(home.Root, $"cds{s}");
            File.WriteAllText(scriptPath, script.ToString() + "exit\n");
            var start = s % 2 == 0
                ? new ProcessStartInfo("bash", ["--noprofile", "--rcfile", rc, "-i"])
                : new ProcessStartInfo("zsh", ["-i"]);
            start.Environment.Clear();
            start.Environment["HOME"] = home.Home;
            start.Environment["PATH"] = bin + ":/usr/bin:/bin";
            start.Environment["ZDOTDIR"] = zdot;
            start.Environment["TERM"] = "dumb";
            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            var process = Process.Start(start)!;
            process.StandardInput.Write(script.ToString());
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            shells.Add(process);
        }

        // Meanwhile other processes fold as fast as they can, as queries and lists do.
        int folds = 0;
        while (shells.Any(process => !process.HasExited))
        {
            Assert.Equal(0, home.Run(folds % 2 == 0 ? "list" : "fold").ExitCode);
            folds++;
            Assert.True(folds < 2000, "the shells did not finish");
        }

        Assert.All(shells, process => Assert.Equal(0, process.ExitCode));
        Assert.Equal(0, home.Run("fold").ExitCode);
        using var database = JumpDatabase.OpenForReading(home.DatabasePath)!;
        var ranks = database.ReadAll().ToDictionary(entry => entry.Path, entry => entry.Rank, StringComparer.Ordinal);
        var missing = expected.Select(name => PathBytes.ToText(name)).Where(path => !ranks.ContainsKey(path)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of 1600 visits lost, e.g. {string.Join(", ", missing.Take(3))}");
        Assert.All(expected, name => Assert.Equal(1, ranks[PathBytes.ToText(name)]));
    }

    [Fact]
    public void TornRecordAtTheJournalsEnd_IsNeverReadAsAPath()
    {
        using var home = new TempHome();
        string kept = home.MakeDirectory("kept");
        string torn = home.MakeDirectory("torn-record");
        Directory.CreateDirectory(home.DataDirectory);
        string journal = Path.Combine(home.DataDirectory, "journal");
        File.WriteAllBytes(journal, [.. Record(kept), .. Record(torn)[..^5]]);

        Assert.Equal(kept + "\n", home.Run("list").Stdout);

        // A shell appends after the torn bytes (the disk had room again): the new record is read, the torn one never.
        using (var stream = new FileStream(journal, FileMode.Append))
        {
            stream.Write(Record(torn));
        }

        var listed = home.Run("list").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([kept, torn], listed.Order(StringComparer.Ordinal));
    }

    private static byte[] Record(string path) => [0, .. Encoding.UTF8.GetBytes($"1700000000 d {path}"), 0, (byte)'\n'];

    /// <summary>$'...' quoting that bash and zsh both read, byte for byte.</summary>
    private static string DollarQuote(byte[] bytes)
    {
        var text = new StringBuilder("$'");
        foreach (byte b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F and not (byte)'\'' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:x2}");
        }

        return text.Append('\'').ToString();
    }
}
