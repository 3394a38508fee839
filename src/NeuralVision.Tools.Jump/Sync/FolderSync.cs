using System.Globalization;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Sync;

/// <summary>
/// `nvt sync --dir DIR`: DIR is carried between machines by a file-sync engine (Syncthing, Nextcloud, Dropbox, git).
/// Each machine writes only its own files there: <c>nvt-ID.full</c> (every entry) and deltas
/// <c>nvt-ID.SINCE-SEQ.delta</c>, each holding what changed between two of its syncs; every file is written once under
/// a temporary name and renamed (0600), never changed afterwards. A reader follows another machine's deltas from
/// where it left off, and reads the full file only when the deltas it needs are gone; so a sync after 1 % of the
/// entries changed moves one small new file and merges about 1 % of the entries. Every file is read whole and
/// checked before anything is merged: one that is cut short, half replaced, garbage or from a newer nvt stops the
/// merge (the database stays as it was) and is named; this machine's own files are written anyway. After
/// <see cref="MaximumDeltas"/> deltas, or when they add up to half the full file, a new full file replaces them.
/// </summary>
public static class FolderSync
{
    /// <summary>The largest state file read (a full state of a million entries is far smaller).</summary>
    public const int MaximumFileBytes = 256 * 1024 * 1024;

    /// <summary>How many deltas a machine keeps in the folder before a new full file replaces them.</summary>
    public const int MaximumDeltas = 16;

    public static FolderSyncResult Run(JumpDatabase database, string directory, byte[] home, long now)
    {
        ArgumentNullException.ThrowIfNull(database);
        CheckDirectory(directory);
        string own = database.MachineId;
        RemoveLeftovers(directory, own, now);
        var files = ListFiles(directory);
        var states = new List<SyncState>();
        var problems = new List<string>();
        var waiting = new List<string>();
        int peers = 0;
        // Sorted by key alone: List.Sort, a SortedDictionary or OrderBy over the key-value pairs would make the AOT
        // compiler give every List<T> or KeyValuePair of the program sorting statics, paid for at every nvt start
        // (measured: +0.5 M instructions a process).
        foreach (string machine in files.Keys.OrderBy(key => key, StringComparer.Ordinal))
        {
            var machineFiles = files[machine];
            if (machine == own)
            {
                continue;
            }

            peers++;
            try
            {
                states.AddRange(ReadPeer(machine, machineFiles, database.SeenOf(machine), waiting));
            }
            catch (Exception e) when (e is SyncFormatException or FileReadException)
            {
                problems.Add(Describe(e));
            }
        }

        int changed = problems.Count == 0 && states.Count > 0 ? database.MergeSync(states, home, now) : 0;
        var (file, bytes) = WriteOwn(database, directory, own, files.GetValueOrDefault(own), home, now);
        return new FolderSyncResult(peers, problems.Count == 0 ? states.Count : 0, changed, file, bytes, problems, waiting);
    }

    public static string FullName(string machine) => $"nvt-{machine}.full";

    public static string DeltaName(string machine, long since, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"nvt-{machine}.{since}-{sequence}.delta");

    /// <summary>
    /// Deletes this machine's temporary files that an interrupted sync left (AtomicFile's ".NAME.nvt-XXXX"), once they
    /// are an hour old: younger ones may belong to a sync of this machine running right now.
    /// </summary>
    private static void RemoveLeftovers(string directory, string own, long now)
    {
        try
        {
            foreach (string path in Directory.EnumerateFiles(directory, $".nvt-{own}.*.nvt-*"))
            {
                if (now - new DateTimeOffset(File.GetLastWriteTimeUtc(path)).ToUnixTimeSeconds() > 3600)
                {
                    File.Delete(path);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next sync; writing this machine's file reports a real problem with the folder.
        }
    }

    private static void CheckDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new NvtException(File.Exists(directory)
                ? $"{directory} is not a directory; --dir takes the folder your file-sync engine carries between machines"
                : $"{directory}: no such directory; create it inside the folder your file-sync engine carries between machines (mkdir -p '{directory.Replace("'", "'\\''", StringComparison.Ordinal)}')");
        }
    }

    /// <summary>Every machine's files in the folder, by machine id (Syncthing's conflict copies and temp files do not match).</summary>
    private static Dictionary<string, MachineFiles> ListFiles(string directory)
    {
        var machines = new Dictionary<string, MachineFiles>(StringComparer.Ordinal);
        try
        {
            foreach (string path in Directory.EnumerateFileSystemEntries(directory, "nvt-*"))
            {
                if (StateFileName.Parse(Path.GetFileName(path)) is not { } name)
                {
                    continue;
                }

                if (!machines.TryGetValue(name.Machine, out var files))
                {
                    machines[name.Machine] = files = new MachineFiles();
                }

                if (name.IsDelta)
                {
                    files.Deltas.Add(new DeltaFile(path, name.Since, name.Sequence));
                }
                else
                {
                    files.Full = path;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NvtException($"cannot list {directory}: {FileErrors.Describe(e)}");
        }

        return machines;
    }

    /// <summary>
    /// What to merge of one machine: its deltas from <paramref name="seen"/> on when they reach its latest change,
    /// else its full file and the deltas from there.
    /// </summary>
    private static List<SyncState> ReadPeer(string machine, MachineFiles files, long seen, List<string> waiting)
    {
        long fullSequence = files.Full is string fullPath ? ReadHeader(fullPath).Sequence : 0;
        long latest = Math.Max(fullSequence, files.Deltas.Count == 0 ? 0 : files.Deltas.Max(delta => delta.Sequence));
        var (chain, reached) = Chain(files.Deltas, seen);
        var states = new List<SyncState>();
        if (reached < latest && fullSequence > seen)
        {
            states.Add(ReadState(files.Full!, machine, 0));
            (chain, reached) = Chain(files.Deltas, fullSequence);
        }

        foreach (var delta in chain)
        {
            states.Add(ReadState(delta.Path, machine, delta.Since));
        }

        if (reached < latest)
        {
            waiting.Add($"some changes of machine {machine} have not arrived yet (a file after its change {reached} is missing); they are merged when it arrives");
        }

        return states;
    }

    private static (string Machine, long Since, long Sequence) ReadHeader(string path)
    {
        try
        {
            return SyncStateFormat.ReadHeader(RegularFile.ReadPrefix(path, SyncStateFormat.HeaderBytes));
        }
        catch (SyncFormatException e)
        {
            throw new SyncFormatException($"{path} {e.Message}", e);
        }
    }

    /// <summary>The deltas that follow on from <paramref name="start"/> without a gap, and the sequence they reach.</summary>
    private static (List<DeltaFile> Chain, long Reached) Chain(List<DeltaFile> deltas, long start)
    {
        // At most MaximumDeltas files: scanning again after each step costs nothing, and needs no sorting.
        var chain = new List<DeltaFile>();
        long reached = start;
        while (deltas.Where(delta => delta.Since <= reached && delta.Sequence > reached).MaxBy(delta => delta.Sequence) is DeltaFile next)
        {
            chain.Add(next);
            reached = next.Sequence;
        }

        return (chain, reached);
    }

    private static SyncState ReadState(string path, string machine, long since)
    {
        byte[] bytes = RegularFile.ReadAll(path, MaximumFileBytes);
        try
        {
            var state = SyncStateFormat.Read(bytes);
            if (state.Machine != machine)
            {
                throw new SyncFormatException($"holds the state of machine {state.Machine}, not of {machine}");
            }

            return state.Since == since ? state : throw new SyncFormatException("is damaged (its name and its content disagree)");
        }
        catch (SyncFormatException e)
        {
            throw new SyncFormatException($"{path} {e.Message}", e);
        }
    }

    /// <summary>Writes what changed here since this machine's last file (or a new full file); the file written and its size.</summary>
    private static (string? File, long Bytes) WriteOwn(JumpDatabase database, string directory, string own, MachineFiles? files, byte[] home, long now)
    {
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        long current = database.Sequence;
        long? fullSequence = files?.Full is string fullPath ? OwnFullSequence(fullPath, own) : null;
        try
        {
            if (fullSequence is long written && written <= current && files is not null)
            {
                long last = Math.Max(written, files.Deltas.Count == 0 ? 0 : files.Deltas.Max(delta => delta.Sequence));
                if (last == current)
                {
                    // Nothing changed since this machine's last file: leave the folder (and the file-sync engine) alone.
                    return (null, 0);
                }

                if (last < current && files.Deltas.Count < MaximumDeltas)
                {
                    var delta = database.ExportSync(last, home, now);
                    byte[] bytes = SyncStateFormat.Write(delta);
                    long deltaBytes = files.Deltas.Sum(file => Length(file.Path)) + bytes.Length;
                    if (deltaBytes * 2 <= Length(files.Full!))
                    {
                        string deltaPath = Path.Combine(directory, DeltaName(own, last, delta.Sequence));
                        AtomicFile.WriteAllBytes(deltaPath, Private, bytes);
                        return (deltaPath, bytes.Length);
                    }
                }
            }

            byte[] full = SyncStateFormat.Write(database.ExportSync(0, home, now));
            string target = Path.Combine(directory, FullName(own));
            AtomicFile.WriteAllBytes(target, Private, full);
            foreach (var old in files?.Deltas ?? [])
            {
                File.Delete(old.Path);
            }

            return (target, full.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NvtException($"cannot write this machine's state in {directory}: {FileErrors.Describe(e)}");
        }
    }

    /// <summary>The sequence number of this machine's full file in the folder; null when it is unusable (then a new one is written).</summary>
    private static long? OwnFullSequence(string path, string own)
    {
        try
        {
            // Checked whole: a file cut short after its header would otherwise stay "up to date" for ever.
            var (machine, since, sequence) = SyncStateFormat.ReadCheckedHeader(RegularFile.ReadAll(path, MaximumFileBytes));
            return machine == own && since == 0 ? sequence : null;
        }
        catch (Exception e) when (e is SyncFormatException or FileReadException)
        {
            return null;
        }
    }

    private static long Length(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static string Describe(Exception e) => e is FileReadException { Problem: not (FileReadProblem.NotRegular or FileReadProblem.TooLarge) } read
        ? $"cannot read {read.Message}"
        : e.Message;
}
