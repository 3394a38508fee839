using System.Diagnostics;
using NeuralVision.Tools.IntegrationTests.Infrastructure;
using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.IntegrationTests;

/// <summary>What the hook must survive: corrupt, locked, read-only and missing databases, concurrent and killed writers.</summary>
public sealed class RobustnessTests : IDisposable
{
    private readonly TempHome home = new();

    public void Dispose() => home.Dispose();

    public static TheoryData<string> CorruptionKinds => ["random", "zeros", "truncated"];

    [Theory]
    [MemberData(nameof(CorruptionKinds))]
    public void CorruptDatabase_AddIsSilent_QueryMovesItAsideAndStartsFresh(string kind)
    {
        string dir = home.MakeDirectory("work/project");
        byte[] corrupt = MakeCorruptDatabase(kind);

        var add = home.Run("add", dir);
        Assert.Equal((0, "", ""), (add.ExitCode, add.Stdout, add.Stderr));
        Assert.True(add.Elapsed < TimeSpan.FromSeconds(5), $"add took {add.Elapsed}");

        var query = home.Run("query", "project");
        string[] lines = query.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.Matches(@"^nvt: the database was unreadable \(.+\); moved it to .+/nvt\.db\.corrupt-\d{8}T\d{6}Z and started a new one$", lines[0]);
        string movedTo = lines[0][(lines[0].IndexOf(" moved it to ", StringComparison.Ordinal) + 13)..^" and started a new one".Length];
        Assert.Equal(corrupt, File.ReadAllBytes(movedTo));

        Assert.Equal(0, home.Run("add", dir).ExitCode);
        Assert.Equal(dir + "\n", home.Run("query", "project").Stdout);
    }

    [Fact]
    public void ManyProcesses_AddingAtOnce_LoseNothing()
    {
        const int Writers = 8;
        const int PathsEach = 200;
        string[][] paths = Enumerable.Range(0, Writers)
            .Select(w => Enumerable.Range(0, PathsEach).Select(i => home.MakeDirectory($"w{w}/d{i}")).ToArray())
            .ToArray();
        home.Run("add", home.MakeDirectory("warm-up"));

        // Each writer is a shell that cds 200 times, running the hook's command once per directory.
        var shells = paths.Select(list =>
        {
            string listFile = Path.Combine(home.Root, $"list-{Guid.NewGuid():N}");
            File.WriteAllLines(listFile, list);
            var start = new ProcessStartInfo("bash", ["-c", $"while IFS= read -r d; do '{NvtBinary.Path}' add -- \"$d\" || exit 1; done < '{listFile}'"]);
            start.Environment["HOME"] = home.Home;
            return Process.Start(start)!;
        }).ToList();
        foreach (var shell in shells)
        {
            Assert.True(shell.WaitForExit(TimeSpan.FromMinutes(3)));
            Assert.Equal(0, shell.ExitCode);
        }

        using var database = JumpDatabase.OpenForReading(home.DatabasePath)!;
        var entries = database.ReadAll().ToDictionary(entry => entry.Path, entry => entry.Rank);
        Assert.Equal((Writers * PathsEach) + 1, entries.Count);
        Assert.All(paths.SelectMany(list => list), path => Assert.Equal(1, entries[path]));
        Assert.Equal("ok", database.IntegrityCheck());
    }

    [Fact]
    public void WritersKilledAtRandomMoments_LeaveAnIntactDatabase()
    {
        string[] paths = Enumerable.Range(0, 400).Select(i => home.MakeDirectory($"k/d{i}")).ToArray();
        home.Run("add", paths[0]);
        var random = new Random(12345);
        for (int round = 0; round < 40; round++)
        {
            var batch = paths.OrderBy(_ => random.Next()).Take(200).ToArray();
            var writers = Enumerable.Range(0, 3).Select(_ => home.Start(["add", "--", .. batch])).ToList();
            Thread.Sleep(random.Next(0, 12));
            foreach (var writer in writers)
            {
                try
                {
                    writer.Kill(); // SIGKILL
                }
                catch (InvalidOperationException)
                {
                    // Already finished.
                }

                writer.WaitForExit();
                writer.Dispose();
            }
        }

        using (var database = JumpDatabase.OpenForWriting(home.DatabasePath))
        {
            Assert.Equal("ok", database.IntegrityCheck());
            Assert.Equal(database.ReadAll().Sum(entry => entry.Rank), database.RankSum(), precision: 6);
        }

        var query = home.Run("query", "--list");
        Assert.Equal(0, query.ExitCode);
        Assert.Equal("", query.Stderr);
    }

    [Fact]
    public void LockedDatabase_AddIsSilentAndGivesUpQuickly_QueryStillReads()
    {
        string dir = home.MakeDirectory("locked/dir");
        home.Run("add", dir);
        using var holder = Process.Start(new ProcessStartInfo("sqlite3", [home.DatabasePath])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            holder.StandardInput.WriteLine("BEGIN IMMEDIATE; INSERT INTO meta VALUES ('lock', 1); SELECT 'locked';");
            holder.StandardInput.Flush();
            Assert.Equal("locked", holder.StandardOutput.ReadLine());

            var add = home.Run("add", home.MakeDirectory("other"));
            var query = home.Run("query", "dir");

            Assert.Equal((0, "", ""), (add.ExitCode, add.Stdout, add.Stderr));
            Assert.True(add.Elapsed < TimeSpan.FromSeconds(3), $"add took {add.Elapsed}");
            Assert.Equal((0, dir + "\n"), (query.ExitCode, query.Stdout));
        }
        finally
        {
            holder.Kill();
            holder.WaitForExit();
        }
    }

    [Fact]
    public void ReadOnlyDatabase_AddIsSilent_QueryStillAnswers()
    {
        string dir = home.MakeDirectory("ro/target");
        home.Run("add", dir);
        MakeReadOnlyForNobody(home.DataDirectory);

        var add = home.RunAsNobody("add", home.MakeDirectory("ro/other"));
        var query = home.RunAsNobody("query", "target");

        Assert.Equal((0, "", ""), (add.ExitCode, add.Stdout, add.Stderr));
        Assert.Equal((0, dir + "\n", ""), (query.ExitCode, query.Stdout, query.Stderr));
    }

    [Fact]
    public void UnwritableDataDirectory_AddIsSilent_QueryExplains()
    {
        string parent = Path.Combine(home.Root, "locked-parent");
        Directory.CreateDirectory(parent);
        MakeReadOnlyForNobody(parent);
        home.Variables["NVT_DATA_DIR"] = Path.Combine(parent, "nvt");

        var add = home.RunAsNobody("add", home.MakeDirectory("x"));
        var query = home.RunAsNobody("query", "x");

        Assert.Equal((0, "", ""), (add.ExitCode, add.Stdout, add.Stderr));
        Assert.Equal(1, query.ExitCode);
        Assert.Equal($"nvt: no match found (nothing recorded yet: {parent}/nvt/nvt.db does not exist)\n", query.Stderr);
    }

    [Fact]
    public void UnreadableDatabase_QueryExplainsWithExitTwo()
    {
        home.Run("add", home.MakeDirectory("secret"));
        if (TempHome.IsRoot)
        {
            // Owned by root with mode 0600: user nobody can neither read nor write it.
            File.SetUnixFileMode(home.DataDirectory, (UnixFileMode)0b111_101_101);
        }
        else
        {
            File.SetUnixFileMode(home.DatabasePath, UnixFileMode.None);
        }

        var query = home.RunAsNobody("query", "secret");

        Assert.Equal(2, query.ExitCode);
        Assert.StartsWith($"nvt: cannot use the database {home.DatabasePath}: ", query.Stderr, StringComparison.Ordinal);
        Assert.Single(query.Stderr.TrimEnd('\n').Split('\n'));
    }

    private byte[] MakeCorruptDatabase(string kind)
    {
        Directory.CreateDirectory(home.DataDirectory);
        byte[] bytes;
        switch (kind)
        {
            case "random":
                bytes = new byte[16_384];
                new Random(42).NextBytes(bytes);
                break;
            case "zeros":
                bytes = new byte[16_384];
                break;
            default:
                // A real database with many pages, cut in half as a crash during a copy would leave it.
                string[] paths = Enumerable.Range(0, 2000).Select(i => home.MakeDirectory($"filler/directory-number-{i}")).ToArray();
                foreach (var chunk in paths.Chunk(500))
                {
                    home.Run(["add", "--", .. chunk]);
                }

                byte[] whole = File.ReadAllBytes(home.DatabasePath);
                bytes = whole[..(whole.Length / 2)];
                break;
        }

        File.WriteAllBytes(home.DatabasePath, bytes);
        return bytes;
    }

    /// <summary>Makes a directory (and what it holds) readable but not writable for the user the test runs nvt as.</summary>
    private static void MakeReadOnlyForNobody(string directory)
    {
        if (TempHome.IsRoot)
        {
            Run("chown", "-R", "nobody:nogroup", directory);
        }

        foreach (string file in Directory.GetFiles(directory))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead);
        }

        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
