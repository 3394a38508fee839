using Microsoft.Data.Sqlite;
using NeuralVision.Tools.Jump.Journal;
using NeuralVision.Tools.Jump.Store;
using NeuralVision.Tools.Jump.Sync;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump;

/// <summary>
/// The frecency store: one SQLite file holding the directory tree (<see cref="JumpSchema"/>), fed by the visit journal
/// the shell hooks append to. Every process that opens it folds the journal first, in the same transaction as its own
/// work (<see cref="JournalFold"/>), so every command sees the visit made one prompt earlier. The clock is a parameter.
/// </summary>
public sealed class JumpDatabase : IDisposable
{
    /// <summary>How long a command waits for another process's transaction before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The prompt waits less: the hook's `nvt fold` and `nvt add` give up after this and leave the visits in the journal
    /// for the next process (writers hold the lock for milliseconds, so this only runs out when something holds it long).
    /// </summary>
    public static readonly TimeSpan HookBusyTimeout = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a removal is kept for machines that sync rarely (then forgotten, see RankChanges.ForgetRemovalsBefore).</summary>
    public static readonly TimeSpan RemovalMemory = TimeSpan.FromDays(180);

    private readonly StoreConnection connection;
    private readonly StoreOptions options;

    internal JumpDatabase(StoreConnection connection, StoreOptions options)
    {
        this.connection = connection;
        this.options = options;
    }

    public string Path => connection.Path;

    public bool IsReadOnly => connection.IsReadOnly;

    public string JournalMode => connection.Text("PRAGMA journal_mode");

    private string DataDirectory => System.IO.Path.GetDirectoryName(Path) ?? "/";

    /// <summary>Opens the database for writing, creating its directory (0700) and file (0600) when missing.</summary>
    public static JumpDatabase OpenForWriting(string path, Func<string, long?>? fileSystemType = null, TimeSpan? busyTimeout = null) =>
        DatabaseOpener.OpenForWriting(path, StoreOptions.Default(0) with
        {
            FileSystemType = fileSystemType ?? FileSystemKind.TypeOf,
            BusyTimeout = busyTimeout ?? BusyTimeout,
        });

    /// <summary>Opens an existing database (read-only when it cannot be written); null when there is none and no journal.</summary>
    public static JumpDatabase? OpenForReading(string path) => DatabaseOpener.OpenForReading(path, StoreOptions.Default(0));

    internal static JumpDatabase OpenForWriting(string path, StoreOptions options) => DatabaseOpener.OpenForWriting(path, options);

    internal static JumpDatabase? OpenForReading(string path, StoreOptions options) => DatabaseOpener.OpenForReading(path, options);

    /// <summary>Folds the journal; the number of visits it held. What the hooks' `nvt fold` runs.</summary>
    public int Fold(long now) => Write(now, options.MaxAge, (_, folded) => folded);

    /// <summary>Adds each path once: rank grows by <paramref name="increment"/>, last access becomes now; then ages if needed.</summary>
    public void Add(IReadOnlyList<string> paths, double increment, long now, double maxAge) =>
        Add(paths.Select(path => new Visit(path)).ToList(), increment, now, maxAge);

    public void Add(IReadOnlyList<Visit> visits, double increment, long now, double maxAge) =>
        Write(now, maxAge, (changes, _) =>
        {
            foreach (var visit in visits)
            {
                changes.Add(PathBytes.ToBytes(visit.Path), visit.Kind, increment, now);
            }

            return 0;
        });

    /// <summary>Matching entries, best first, through the one pipeline (<see cref="QueryPipeline"/>).</summary>
    public IReadOnlyList<JumpEntry> Query(JumpQuery query, long now, IFileSystem fileSystem, ExcludeList? excludes = null)
    {
        var pipeline = new QueryPipeline(query, now, fileSystem, excludes ?? ExcludeList.Empty);
        var results = Read(now, () =>
        {
            using var queries = new EntryQueries(connection);
            var plan = QueryPlan.For(connection, query.Keywords);
            return plan.Kind switch
            {
                QueryPlanKind.None => [],
                QueryPlanKind.All => pipeline.Run(queries.ReadAll()),
                QueryPlanKind.Descend => pipeline.Run(queries.ReadSubtrees(
                    plan.StartNames!.Select(name => name.Id), plan.LastNames?.Select(name => name.Id).ToHashSet())),
                _ when pipeline.CanStopEarly => pipeline.RunBestFirst(plan.LastNames!, plan.LastPiece, queries),
                _ => pipeline.Run(queries.ReadCarrying(plan.LastNames!.Select(name => name.Id))),
            };
        });
        if (pipeline.Stale.Count > 0 && !IsReadOnly)
        {
            TryRemoveQuietly(pipeline.Stale, now);
        }

        return results;
    }

    /// <summary>Every entry, in path order.</summary>
    public IReadOnlyList<JumpEntry> ReadAll(long now = 0) => Read(now, () =>
    {
        using var queries = new EntryQueries(connection);
        return queries.ReadAll().OrderBy(entry => entry.Path, StringComparer.Ordinal).ToList();
    });

    /// <summary>
    /// Deletes the given paths, here and (at the next sync) on the other machines; returns the ones that were not
    /// removed: not in the database, or with <paramref name="onlyLastVisitedHere"/> last visited on another machine.
    /// </summary>
    public IReadOnlyList<string> Remove(IReadOnlyList<string> paths, long now = 0, bool onlyLastVisitedHere = false)
    {
        var notFound = Write(now, options.MaxAge, (changes, _) => paths.Where(path => !changes.Remove(PathBytes.ToBytes(path), now, onlyLastVisitedHere)).ToList());
        VacuumIfSparse();
        return notFound;
    }

    /// <summary>Deletes every entry that does not exist now as what it was recorded as; returns the deleted paths.</summary>
    /// <remarks>
    /// Unless <paramref name="everywhere"/>, only paths last visited on this machine go: a directory missing here
    /// that another machine visited since may well exist there (`nvt sync` keeps such entries; queries skip them).
    /// </remarks>
    public IReadOnlyList<string> Prune(IFileSystem fileSystem, long now = 0, bool everywhere = false)
    {
        var missing = ReadAll(now).Where(entry => !entry.ExistsIn(fileSystem)).Select(entry => entry.Path).ToList();
        var kept = Remove(missing, now, onlyLastVisitedHere: !everywhere).ToHashSet(StringComparer.Ordinal);
        return missing.Where(path => !kept.Contains(path)).ToList();
    }

    /// <summary>Adds imported entries in one transaction (see <see cref="EntryImport.Run"/>).</summary>
    public ImportCounts Import(IReadOnlyList<JumpEntry> entries, bool merge, double maxAge, long now = 0) =>
        Write(now, maxAge, (changes, _) => EntryImport.Run(connection, changes, entries, merge, maxAge));

    /// <summary>This database's machine id for `nvt sync` (made with the database, 32 hex digits).</summary>
    public string MachineId => connection.Text($"SELECT uuid FROM machine WHERE id = {SyncTables.LocalMachine}");

    /// <summary>The sequence number of the last change here (what a state sent now reaches).</summary>
    public long Sequence => connection.Int64("SELECT value FROM meta WHERE key = 'seq'");

    /// <summary>Before a sync: a new machine id when the database was copied from another machine (see <see cref="RankChanges.KeepMachineId"/>).</summary>
    public bool KeepMachineId(string fingerprint, long now, bool record = true) =>
        Write(now, options.MaxAge, (changes, _) => changes.KeepMachineId(fingerprint, record));

    /// <summary>How far the other machine's sequence numbers have been merged here (0: never).</summary>
    public long SeenOf(string machine)
    {
        using var select = connection.Command("SELECT seen FROM machine WHERE uuid = $uuid");
        select.Parameters.AddWithValue("$uuid", machine);
        return select.ExecuteScalar() is long seen ? seen : 0;
    }

    /// <summary>The state to send another machine: what changed here after <paramref name="since"/> (0: everything).</summary>
    public SyncState ExportSync(long since, byte[] home, long now = 0) => Read(now, () => SyncExport.Run(connection, since, home));

    /// <summary>Merges other machines' states in one transaction (all or none); the number of paths that changed here.</summary>
    /// <exception cref="SyncFormatException">A state holds something nvt never sends; nothing was merged.</exception>
    public int MergeSync(IReadOnlyList<SyncState> states, byte[] home, long now) =>
        Write(now, options.MaxAge, (changes, _) =>
        {
            // A path changed by two states (two machines' files, a full file and its delta) is one path changed.
            var changedPaths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var state in states)
            {
                SyncMerge.Run(connection, changes, state, home, now, changedPaths);
            }

            changes.ForgetRemovalsBefore(now - (long)RemovalMemory.TotalSeconds);
            return changedPaths.Count;
        });

    /// <summary>The total rank as the write path keeps it (what aging compares with NVT_MAXAGE).</summary>
    public double RankSum() => RankChanges.ReadRankSum(connection);

    /// <summary>Runs SQLite's full consistency check; "ok" when the file is sound.</summary>
    public string IntegrityCheck() => connection.Text("PRAGMA integrity_check");

    /// <summary>
    /// A warning, once, when the data directory is group- or world-writable (others could replace nvt's files there).
    /// "Once" is remembered in the database with the mode it was given for, so a later chmod warns again.
    /// </summary>
    public string? DirectoryWarningOnce(long now)
    {
        DataDirectoryCheck.DirectoryProblem(DataDirectory, out var status);
        if (status is not { IsGroupOrWorldWritable: true } writable || IsReadOnly)
        {
            return null;
        }

        string mode = writable.Permissions;
        bool first = Write(now, options.MaxAge, (_, _) =>
        {
            using var select = connection.Command("SELECT value FROM meta WHERE key = 'warned_directory_mode'");
            if (select.ExecuteScalar() as string == mode)
            {
                return false;
            }

            using var save = connection.Command("INSERT OR REPLACE INTO meta (key, value) VALUES ('warned_directory_mode', $mode)");
            save.Parameters.AddWithValue("$mode", mode);
            save.ExecuteNonQuery();
            return true;
        });
        return first
            ? $"warning: the data directory {DataDirectory} is writable by others (mode {mode}); the shell hooks do not write there, and it should be 0700: chmod 700 {DataDirectory}"
            : null;
    }

    public void Dispose() => connection.Dispose();

    /// <summary>One write transaction: the journal is folded first, then the body runs, then the ranks are aged if needed.</summary>
    private T Write<T>(long now, double maxAge, Func<RankChanges, int, T> body) => WriteTransaction.Run(connection, () =>
    {
        using var changes = new RankChanges(connection);
        int folded = JournalFold.Fold(connection, changes, DataDirectory, now, options.Accept);
        T result = body(changes, folded);
        changes.AgeIfNeeded(maxAge);
        changes.Complete();
        return result;
    });

    /// <summary>
    /// A read. When the journal holds visits no fold has read, they are folded first in a write transaction (the read
    /// then sees them); when that lock cannot be had in time, or the disk has no room, the read goes ahead on what is
    /// committed.
    /// </summary>
    private T Read<T>(long now, Func<T> body)
    {
        if (!IsReadOnly && JournalFold.HasUnread(connection, DataDirectory))
        {
            try
            {
                return Write(now, options.MaxAge, (_, _) => body());
            }
            catch (SqliteException e) when (e.IsBusy() || e.IsDiskFull())
            {
                // Another process holds the write lock (most likely folding these very visits), or the disk is full:
                // the visits stay in the journal, and the read answers from what is committed.
            }
        }

        return WriteTransaction.Read(connection, body);
    }

    private void TryRemoveQuietly(List<string> paths, long now)
    {
        try
        {
            Remove(paths, now, onlyLastVisitedHere: true);
        }
        catch (SqliteException)
        {
            // Lazy clean-up only: a busy or full database keeps the entries until next time.
        }
    }

    /// <summary>VACUUM when a quarter of the file is free pages (after large deletions): the file shrinks back.</summary>
    private void VacuumIfSparse()
    {
        long pages = connection.Int64("PRAGMA page_count");
        if (pages > 16 && connection.Int64("PRAGMA freelist_count") * 4 > pages)
        {
            try
            {
                connection.Execute("VACUUM");
            }
            catch (SqliteException)
            {
                // Busy or full: only larger than it needs to be.
            }
        }
    }
}
