using System.Globalization;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Sync;

/// <summary>
/// `nvt sync --dir DIR` through the published binary: three machines with different home paths share one folder,
/// and every machine ends with every visit counted once, under its own home; removals travel too; a sync with nothing
/// new leaves the folder alone; a missing folder is one line and exit 2. (Damaged peer files: <see cref="SyncFolderDamageTests"/>.)
/// </summary>
public sealed class SyncFolderTests : IDisposable
{
    private readonly SharedFolderScene scene = new();

    public void Dispose() => scene.Dispose();

    [Fact]
    public void ThreeHomes_SyncedTwiceRound_EveryMachineListsEveryVisitOnceUnderItsOwnHome()
    {
        var (alice, aliceB, al) = (scene.Alice, scene.AliceB, scene.Al);
        foreach (var machine in scene.Machines)
        {
            machine.MakeDirectory("src/api");
            machine.MakeDirectory("notes");
        }

        alice.Visit(Path.Combine(alice.Home, "src/api"), 3);
        alice.Visit(scene.OutsideData, 2);
        alice.Visit(Path.Combine(alice.Home, "notes"));
        aliceB.Visit(Path.Combine(aliceB.Home, "src/api"), 2);
        aliceB.Visit(scene.LookalikeOfAliceHome);
        al.Visit(Path.Combine(al.Home, "src/api"));
        al.Visit(scene.OutsideData);
        al.Visit(Path.Combine(al.Home, "notes"), 2);

        string first = aliceB.SyncThroughSuccessfully(scene.Folder);
        string second = al.SyncThroughSuccessfully(scene.Folder);
        string third = alice.SyncThroughSuccessfully(scene.Folder);
        scene.SyncInOrder();
        var lastRound = scene.Machines.Select(machine => machine.SyncThroughSuccessfully(scene.Folder)).ToList();

        Assert.StartsWith($"synced through {scene.Folder} with 0 other machines: 0 paths changed here; wrote nvt-", first, StringComparison.Ordinal);
        // al already had src/api; alice-b's src/api (under its home) lands on al's, and the look-alike path is new.
        Assert.StartsWith($"synced through {scene.Folder} with 1 other machine: 2 paths changed here; wrote nvt-", second, StringComparison.Ordinal);
        Assert.StartsWith($"synced through {scene.Folder} with 2 other machines: ", third, StringComparison.Ordinal);
        // After one full round every machine has everything: the next round changes and writes nothing.
        Assert.All(lastRound, output => Assert.Equal(
            $"synced through {scene.Folder} with 2 other machines: 0 paths changed here; this machine's file was up to date\n", output));
        foreach (var machine in scene.Machines)
        {
            var expected = new SortedDictionary<string, double>(StringComparer.Ordinal)
            {
                [Path.Combine(machine.Home, "src/api")] = 6,
                [Path.Combine(machine.Home, "notes")] = 3,
                [scene.OutsideData] = 3,
                [scene.LookalikeOfAliceHome] = 1,
            };
            Assert.Equal(expected, machine.Ranks());
            Assert.Equal(13, machine.TotalRank());
        }

        AssertOneFullFilePerMachineReadableOnlyByItsOwner();
    }

    [Fact]
    public void TwoPeersWithNewVisitsToTheSamePath_CountAsOnePathChanged()
    {
        var (alice, aliceB, al) = (scene.Alice, scene.AliceB, scene.Al);
        foreach (var machine in scene.Machines)
        {
            machine.MakeDirectory("src/api");
        }

        alice.Visit(Path.Combine(alice.Home, "src/api"));
        aliceB.Visit(Path.Combine(aliceB.Home, "src/api"));
        // Each writes its file before it has seen the other's (as two machines syncing at once do), so both files
        // carry a visit to ~/src/api that al has not merged.
        alice.SyncThroughSuccessfully(scene.Folder);
        string aside = Path.Combine(scene.Root, "aliceB-offline");
        Directory.CreateDirectory(aside);
        aliceB.SyncThroughSuccessfully(aside);
        File.Copy(Path.Combine(aside, $"nvt-{aliceB.MachineId}.full"), Path.Combine(scene.Folder, $"nvt-{aliceB.MachineId}.full"));

        string merged = al.SyncThroughSuccessfully(scene.Folder);

        Assert.Equal(2, al.Ranks()[Path.Combine(al.Home, "src/api")]);
        // One path changed, although two files each changed it.
        Assert.Equal($"synced through {scene.Folder} with 2 other machines: 1 path changed here", merged[..merged.IndexOf(';', StringComparison.Ordinal)]);
    }

    [Fact]
    public void RemovalOnOneMachine_ReachesEveryMachine_AndALaterVisitBringsThePathBackWithRankOne()
    {
        foreach (var machine in scene.Machines)
        {
            machine.Visit(machine.MakeDirectory("src/api"));
            machine.Visit(scene.OutsideData);
        }

        scene.SyncTwiceRound();
        Assert.All(scene.Machines, machine => Assert.Equal(3, machine.Ranks()[Path.Combine(machine.Home, "src/api")]));

        var removed = scene.AliceB.Run("remove", Path.Combine(scene.AliceB.Home, "src/api"));
        Assert.True(removed.ExitCode == 0, removed.Stderr);
        scene.SyncTwiceRound();

        foreach (var machine in scene.Machines)
        {
            Assert.Equal(new SortedDictionary<string, double>(StringComparer.Ordinal) { [scene.OutsideData] = 3 }, machine.Ranks());
        }

        scene.Al.Visit(Path.Combine(scene.Al.Home, "src/api"));
        scene.SyncTwiceRound();

        foreach (var machine in scene.Machines)
        {
            var expected = new SortedDictionary<string, double>(StringComparer.Ordinal)
            {
                [Path.Combine(machine.Home, "src/api")] = 1,
                [scene.OutsideData] = 3,
            };
            Assert.Equal(expected, machine.Ranks());
        }
    }

    [Fact]
    public void SecondSyncWithNothingNew_SaysUpToDate_AndDoesNotRewriteTheFile()
    {
        var (alice, aliceB) = (scene.Alice, scene.AliceB);
        alice.Visit(alice.MakeDirectory("src/api"));
        aliceB.Visit(aliceB.MakeDirectory("notes"));
        scene.SyncInOrder(alice, aliceB, alice);
        string aliceFile = scene.FullFileOf(alice);
        string aliceBFile = scene.FullFileOf(aliceB);
        string[] filesBefore = scene.StateFiles();
        var (aliceBytes, aliceStat) = (File.ReadAllBytes(aliceFile), StatIdentity(aliceFile));
        var (aliceBBytes, aliceBStat) = (File.ReadAllBytes(aliceBFile), StatIdentity(aliceBFile));

        var again = alice.SyncThrough(scene.Folder);

        Assert.Equal((0, ""), (again.ExitCode, again.Stderr));
        Assert.Equal($"synced through {scene.Folder} with 1 other machine: 0 paths changed here; this machine's file was up to date\n", again.Stdout);
        Assert.Equal(filesBefore, scene.StateFiles());
        Assert.Equal(aliceBytes, File.ReadAllBytes(aliceFile));
        Assert.Equal(aliceStat, StatIdentity(aliceFile));
        Assert.Equal(aliceBBytes, File.ReadAllBytes(aliceBFile));
        Assert.Equal(aliceBStat, StatIdentity(aliceBFile));
    }

    [Fact]
    public void OneNewVisitAmongMany_TravelsAsASmallDeltaFile_AndIsMergedOnce()
    {
        var (alice, aliceB) = (scene.Alice, scene.AliceB);
        string[] projects = MakeProjects(alice, 60);
        scene.SyncInOrder(alice, aliceB);
        string fullFile = scene.FullFileOf(alice);
        byte[] fullBefore = File.ReadAllBytes(fullFile);

        alice.Visit(projects[7]);
        string written = alice.SyncThroughSuccessfully(scene.Folder);
        string merged = aliceB.SyncThroughSuccessfully(scene.Folder);
        string mergedAgain = aliceB.SyncThroughSuccessfully(scene.Folder);

        string deltaFile = scene.LastFileOf(alice);
        Assert.Matches($"^nvt-{alice.MachineId}\\.[0-9]+-[0-9]+\\.delta$", Path.GetFileName(deltaFile));
        Assert.EndsWith($"; wrote {Path.GetFileName(deltaFile)} ({new FileInfo(deltaFile).Length} bytes)\n", written, StringComparison.Ordinal);
        Assert.InRange(new FileInfo(deltaFile).Length, 1, fullBefore.Length / 4);
        Assert.Equal(fullBefore, File.ReadAllBytes(fullFile));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(deltaFile));
        Assert.StartsWith($"synced through {scene.Folder} with 1 other machine: 1 path changed here; ", merged, StringComparison.Ordinal);
        Assert.StartsWith($"synced through {scene.Folder} with 1 other machine: 0 paths changed here; ", mergedAgain, StringComparison.Ordinal);
        var ranks = aliceB.Ranks();
        Assert.Equal(60, ranks.Count);
        Assert.Equal(2, ranks[Path.Combine(aliceB.Home, "src/project-007")]);
        Assert.All(ranks.Where(entry => !entry.Key.EndsWith("/src/project-007", StringComparison.Ordinal)), entry => Assert.Equal(1, entry.Value));
        Assert.Equal(61, aliceB.TotalRank());
    }

    [Fact]
    public void TwentySyncsInARow_KeepAtMostSixteenDeltas_AndEveryReaderEndsWithEveryVisit()
    {
        var (alice, aliceB, al) = (scene.Alice, scene.AliceB, scene.Al);
        string[] projects = MakeProjects(alice, 400);
        scene.SyncInOrder(alice, aliceB, al);
        var deltaCounts = new List<int>();
        var written = new List<string>();

        for (int i = 0; i < 20; i++)
        {
            alice.Visit(projects[i]);
            alice.SyncThroughSuccessfully(scene.Folder);
            written.Add(alice.LastWrittenFile!);
            deltaCounts.Add(scene.DeltasOf(alice).Length);
            // alice-b keeps up; al is away until the end, so it must read past deltas that were folded away.
            aliceB.SyncThroughSuccessfully(scene.Folder);
        }

        al.SyncThroughSuccessfully(scene.Folder);

        Assert.InRange(deltaCounts.Max(), 1, FolderSyncMaximumDeltas);
        Assert.Contains(written.Skip(1), name => name.EndsWith(".full", StringComparison.Ordinal));
        Assert.Contains(written, name => name.EndsWith(".delta", StringComparison.Ordinal));
        foreach (var machine in scene.Machines)
        {
            var ranks = machine.Ranks();
            Assert.Equal(400, ranks.Count);
            Assert.Equal(420, machine.TotalRank());
            Assert.All(
                Enumerable.Range(0, 400),
                i => Assert.Equal(i < 20 ? 2 : 1, ranks[Path.Combine(machine.Home, ProjectName(i))]));
        }
    }

    [Fact]
    public void MissingFolder_ExitsTwoWithOneLineAndCreatesNothing()
    {
        scene.Alice.Visit(scene.Alice.MakeDirectory("src/api"));
        string missing = Path.Combine(scene.Root, "not-synced-yet", "nvt");

        var result = scene.Alice.SyncThrough(missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"nvt: {missing}: no such directory; ", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(scene.Root, "not-synced-yet")));
    }

    /// <summary>nvt's FolderSync.MaximumDeltas: how many deltas a machine keeps before a new full file replaces them.</summary>
    private const int FolderSyncMaximumDeltas = 16;

    private static string ProjectName(int i) => string.Create(CultureInfo.InvariantCulture, $"src/project-{i:000}");

    /// <summary>HOME/src/project-NNN directories on the machine, each visited once (one `nvt add` for them all).</summary>
    private static string[] MakeProjects(SyncMachine machine, int count)
    {
        string[] projects = Enumerable.Range(0, count).Select(i => machine.MakeDirectory(ProjectName(i))).ToArray();
        var added = machine.Run(["add", "--", .. projects]);
        Assert.True(added.ExitCode == 0, added.Stderr);
        return projects;
    }

    private void AssertOneFullFilePerMachineReadableOnlyByItsOwner()
    {
        string[] files = scene.StateFiles();
        Assert.All(files, name => Assert.Matches(SharedFolderScene.StateFileName(), name));
        Assert.Equal(
            scene.Machines.Select(machine => $"nvt-{machine.MachineId}.full").Order(StringComparer.Ordinal),
            files.Where(name => name.EndsWith(".full", StringComparison.Ordinal)));
        Assert.All(files, name => Assert.Contains(scene.Machines, machine => name.StartsWith($"nvt-{machine.MachineId}.", StringComparison.Ordinal)));
        Assert.All(files, name => Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(Path.Combine(scene.Folder, name))));
    }

    /// <summary>The inode and the nanosecond modification time: both change when a file is replaced or rewritten.</summary>
    private static string StatIdentity(string path)
    {
        var stat = ChildProcess.Run("stat", ["-c", "%i %y", path]);
        Assert.True(stat.ExitCode == 0, stat.Stderr);
        return stat.Stdout;
    }
}
