using System.Text;

namespace NeuralVision.Tools.IntegrationTests.Sync;

/// <summary>
/// `nvt sync --dir DIR` with a peer's file that the reader needs cut short, replaced by garbage or written by a newer
/// nvt: the sync exits 1 naming the file, nothing of any peer is merged (the database file keeps its bytes), and once
/// the file is deleted and written again by its machine the next sync merges it.
/// </summary>
public sealed class SyncFolderDamageTests : IDisposable
{
    private readonly SharedFolderScene scene = new();

    public void Dispose() => scene.Dispose();

    public static TheoryData<string, string> Damages => new()
    {
        { "cut short", "is damaged or cut short (its checksum does not match)" },
        { "one byte flipped", "is damaged or cut short (its checksum does not match)" },
        { "a merge conflict", "is not an nvt sync state (no NVTSYNC header)" },
        { "empty", "is empty (cut short before its header)" },
        { "format 9", "was written by a newer nvt (format 9; this nvt reads format 1)" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void DamagedPeerFile_ExitsOneNamingIt_AndMergesNothing(string damage, string reason)
    {
        var (alice, aliceB, al) = (scene.Alice, scene.AliceB, scene.Al);
        alice.Visit(alice.MakeDirectory("src/api"));
        scene.SyncInOrder(alice, aliceB);
        // Both peers have something aliceB has not merged yet: alice's file will be damaged, al's is whole.
        alice.Visit(alice.MakeDirectory("src/web"));
        al.Visit(al.MakeDirectory("music"));
        scene.SyncInOrder(alice, al);
        // The file aliceB needs next: what alice wrote last (a delta or a new full file).
        string aliceFile = scene.LastFileOf(alice);
        File.WriteAllBytes(aliceFile, Damaged(File.ReadAllBytes(aliceFile), damage));
        string listingBefore = aliceB.Listing();
        byte[] databaseBefore = File.ReadAllBytes(aliceB.DatabasePath);

        var result = aliceB.SyncThrough(scene.Folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string line = Assert.Single(lines);
        Assert.StartsWith($"nvt: {aliceFile} {reason}", line, StringComparison.Ordinal);
        Assert.Contains("; nothing was merged, the database is as it was; ", line, StringComparison.Ordinal);
        Assert.Equal(listingBefore, aliceB.Listing());
        Assert.Equal(databaseBefore, File.ReadAllBytes(aliceB.DatabasePath));
        Assert.Equal([Path.Combine(aliceB.Home, "src/api")], aliceB.Ranks().Keys);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void DamagedPeerFile_DeletedAndWrittenAgainByItsMachine_IsMergedOnTheNextSync(string damage, string reason)
    {
        var (alice, aliceB) = (scene.Alice, scene.AliceB);
        alice.Visit(alice.MakeDirectory("src/api"), 2);
        alice.SyncThroughSuccessfully(scene.Folder);
        string aliceFile = scene.FullFileOf(alice);
        File.WriteAllBytes(aliceFile, Damaged(File.ReadAllBytes(aliceFile), damage));
        var refused = aliceB.SyncThrough(scene.Folder);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(reason, refused.Stderr, StringComparison.Ordinal);

        // What the message advises when no machine is still writing the file.
        File.Delete(aliceFile);
        alice.SyncThroughSuccessfully(scene.Folder);
        string merged = aliceB.SyncThroughSuccessfully(scene.Folder);

        Assert.StartsWith($"synced through {scene.Folder} with 1 other machine: 1 path changed here; ", merged, StringComparison.Ordinal);
        Assert.Equal(2, aliceB.Ranks()[Path.Combine(aliceB.Home, "src/api")]);
    }

    [Fact]
    public void PeerFileHoldingAnotherMachinesState_IsRefused()
    {
        var (alice, aliceB, al) = (scene.Alice, scene.AliceB, scene.Al);
        alice.Visit(alice.MakeDirectory("src/api"));
        al.Visit(al.MakeDirectory("music"));
        aliceB.Visit(aliceB.MakeDirectory("notes"));
        scene.SyncInOrder(alice, al);
        string aliceFile = scene.FullFileOf(alice);
        File.Copy(scene.FullFileOf(al), aliceFile, overwrite: true);
        byte[] databaseBefore = File.ReadAllBytes(aliceB.DatabasePath);

        var result = aliceB.SyncThrough(scene.Folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"nvt: {aliceFile} holds the state of machine {al.MachineId}, not of {alice.MachineId}", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(databaseBefore, File.ReadAllBytes(aliceB.DatabasePath));
    }

    private static byte[] Damaged(byte[] whole, string damage)
    {
        switch (damage)
        {
            case "cut short":
                return whole[..(whole.Length / 2)];
            case "one byte flipped":
                byte[] flipped = (byte[])whole.Clone();
                flipped[whole.Length / 2] ^= 0x20;
                return flipped;
            case "a merge conflict":
                return Encoding.UTF8.GetBytes("<<<<<<< HEAD\nnvt state\n=======\nanother nvt state\n>>>>>>> laptop\n");
            case "empty":
                return [];
            case "format 9":
                byte[] newer = (byte[])whole.Clone();
                newer[8] = 9;
                return newer;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, "no such damage");
        }
    }
}
