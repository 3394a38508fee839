using System.Text.RegularExpressions;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Sync;

/// <summary>
/// `nvt sync --dir DIR`: DIR is carried between machines by a file-sync engine (Syncthing, Nextcloud, Dropbox, git).
/// Each machine writes only its own files there, <c>nvt-ID.full</c> (every entry) and <c>nvt-ID.delta</c> (what
/// changed since that full file), each replaced atomically (0600). A reader merges another machine's delta alone
/// when it starts at or before what it has merged of that machine, else the full file and then the delta; so a
/// sync after 1 % of the entries changed moves and merges about 1 % of them. Every file is read whole and checked
/// before anything is merged: one that is cut short, half replaced, garbage or from a newer nvt stops the merge
/// (the database stays as it was) and is named; this machine's own files are written anyway.
/// </summary>
public static partial class FolderSync
{
    /// <summary>The largest state file read (a full state of a million entries is far smaller).</summary>
    public const int MaximumFileBytes = 256 * 1024 * 1024;

    /// <summary>A delta larger than this share of the full file is folded into a new full file.</summary>
    private const int DeltaShareOfFull = 4;

    public static FolderSyncResult Run(JumpDatabase database, string directory, byte[] home, long now)
    {
        ArgumentNullException.ThrowIfNull(database);
        CheckDirectory(directory);
        string own = database.MachineId;
        var states = new List<SyncState>();
        var problems = new List<string>();
        var waiting = new List<string>();
        int peers = 0;
        foreach (string machine in PeerMachines(directory, own))
        {
            peers++;
            try
            {
                states.AddRange(ReadPeer(directory, machine, database.SeenOf(machine), waiting));
            }
            catch (Exception e) when (e is SyncFormatException or FileReadException)
            {
                problems.Add(Describe(e));
            }
        }

        int changed = problems.Count == 0 && states.Count > 0 ? database.MergeSync(states, home, now) : 0;
        var (file, bytes) = WriteOwn(database, directory, own, home, now);
        return new FolderSyncResult(peers, problems.Count == 0 ? states.Count : 0, changed, file, bytes, problems, waiting);
    }

    public static string FullName(string machine) => $"nvt-{machine}.full";

    public static string DeltaName(string machine) => $"nvt-{machine}.delta";

    private static void CheckDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new NvtException(File.Exists(directory)
                ? $"{directory} is not a directory; --dir takes the folder your file-sync engine carries between machines"
                : $"{directory}: no such directory; create it inside the folder your file-sync engine carries between machines (mkdir -p {directory})");
        }
    }

    /// <summary>The other machines with a file in the folder (Syncthing's conflict copies and temp files do not match).</summary>
    private static SortedSet<string> PeerMachines(string directory, string own)
    {
        var machines = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (string path in Directory.EnumerateFiles(directory, "nvt-*"))
            {
                if (StateFileName().Match(Path.GetFileName(path)) is { Success: true } match && match.Groups[1].Value != own)
                {
                    machines.Add(match.Groups[1].Value);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NvtException($"cannot list {directory}: {FileErrors.Describe(e)}");
        }

        return machines;
    }

    /// <summary>What to merge of one machine: its delta alone when it follows on what was merged, else its full state and then the delta.</summary>
    private static List<SyncState> ReadPeer(string directory, string machine, long seen, List<string> waiting)
    {
        string deltaPath = Path.Combine(directory, DeltaName(machine));
        string fullPath = Path.Combine(directory, FullName(machine));
        SyncState? delta = ReadState(deltaPath, machine);
        if (delta is not null && delta.Since <= seen)
        {
            return delta.Sequence > seen ? [delta] : [];
        }

        SyncState? full = ReadState(fullPath, machine);
        if (full is null)
        {
            waiting.Add($"{fullPath} is missing, so {DeltaName(machine)} cannot be merged yet (the file-sync engine may not have brought it)");
            return [];
        }

        var states = new List<SyncState>();
        if (full.Sequence > seen || seen == 0)
        {
            states.Add(full);
        }

        if (delta is not null && delta.Since <= full.Sequence && delta.Sequence > Math.Max(full.Sequence, seen))
        {
            states.Add(delta);
        }

        return states;
    }

    private static SyncState? ReadState(string path, string machine)
    {
        byte[]? bytes = RegularFile.ReadIfExists(path, MaximumFileBytes);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            var state = SyncStateFormat.Read(bytes);
            return state.Machine == machine ? state : throw new SyncFormatException($"holds the state of machine {state.Machine}, not of {machine}");
        }
        catch (SyncFormatException e)
        {
            throw new SyncFormatException($"{path} {e.Message}", e);
        }
    }

    /// <summary>Replaces this machine's delta (or, when the delta has grown large, its full file); the file written and its size.</summary>
    private static (string? File, long Bytes) WriteOwn(JumpDatabase database, string directory, string own, byte[] home, long now)
    {
        string fullPath = Path.Combine(directory, FullName(own));
        string deltaPath = Path.Combine(directory, DeltaName(own));
        long? fullSequence = OwnFullSequence(fullPath, own);
        long current = database.Sequence;
        try
        {
            // Nothing changed since this machine's files were written: leave them (and the file-sync engine) alone.
            if (fullSequence == current || (fullSequence < current && SameSequence(deltaPath, own, current)))
            {
                return (null, 0);
            }

            if (fullSequence is long since && since < current)
            {
                byte[] bytes = SyncStateFormat.Write(database.ExportSync(since, home, now));
                if ((long)bytes.Length * DeltaShareOfFull <= new FileInfo(fullPath).Length)
                {
                    AtomicFile.WriteAllBytes(deltaPath, UnixFileMode.UserRead | UnixFileMode.UserWrite, bytes);
                    return (deltaPath, bytes.Length);
                }
            }

            byte[] full = SyncStateFormat.Write(database.ExportSync(0, home, now));
            AtomicFile.WriteAllBytes(fullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite, full);
            File.Delete(deltaPath);
            return (fullPath, full.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NvtException($"cannot write this machine's state in {directory}: {FileErrors.Describe(e)}");
        }
    }

    /// <summary>The sequence number of this machine's full file in the folder; null when it is missing or unusable.</summary>
    private static long? OwnFullSequence(string path, string own)
    {
        try
        {
            var (machine, since, sequence) = SyncStateFormat.ReadHeader(RegularFile.ReadPrefix(path, SyncStateFormat.HeaderBytes));
            return machine == own && since == 0 ? sequence : null;
        }
        catch (Exception e) when (e is SyncFormatException or FileReadException)
        {
            return null;
        }
    }

    private static bool SameSequence(string path, string own, long sequence)
    {
        try
        {
            var (machine, _, written) = SyncStateFormat.ReadHeader(RegularFile.ReadPrefix(path, SyncStateFormat.HeaderBytes));
            return machine == own && written == sequence;
        }
        catch (Exception e) when (e is SyncFormatException or FileReadException)
        {
            return false;
        }
    }

    private static string Describe(Exception e) => e is FileReadException read ? $"cannot read {read.Message}" : e.Message;

    [GeneratedRegex("^nvt-([0-9a-f]{32})\\.(full|delta)$", RegexOptions.CultureInvariant)]
    private static partial Regex StateFileName();
}
