using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Sqlite;

namespace NeuralVision.Tools.Jump;

/// <summary>
/// The frecency store: one SQLite file. Every change is one transaction, so shells writing at the same time never lose
/// an update. The clock is a parameter (<c>now</c>, Unix seconds) of every method that needs it.
/// </summary>
public sealed class JumpDatabase : IDisposable
{
    /// <summary>How long a command waits for another process's transaction before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The prompt hook waits less: other nvt writers hold the lock for about a millisecond each, so this only runs out
    /// when something holds the database for long, and then one visit is dropped rather than the prompt delayed.
    /// </summary>
    public static readonly TimeSpan HookBusyTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>The WAL size above which a writer checkpoints it into the database.</summary>
    public const long WalCheckpointBytes = 256 * 1024;

    private readonly SqliteConnection connection;

    private JumpDatabase(SqliteConnection connection, bool isReadOnly)
    {
        this.connection = connection;
        IsReadOnly = isReadOnly;
    }

    public string Path => connection.Path;

    public bool IsReadOnly { get; }

    /// <summary>
    /// Opens the database for writing, creating its directory (0700) and file (0600) when missing: the file is made
    /// by nvt before SQLite opens it, so it never exists with wider permissions, and SQLite gives its -wal and -shm
    /// files the same mode.
    /// </summary>
    public static JumpDatabase OpenForWriting(string path, Func<string, long?>? fileSystemType = null, TimeSpan? busyTimeout = null)
    {
        string directory = System.IO.Path.GetDirectoryName(path) ?? "/";
        bool isNew = !File.Exists(path);
        if (isNew)
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            CreatePrivateFile(path);
        }

        var connection = SqliteConnection.Open(path, readOnly: false, create: false, busyTimeout ?? BusyTimeout);
        try
        {
            var database = new JumpDatabase(connection, isReadOnly: false);
            database.PrepareSchema(fileSystemType ?? FileSystemKind.TypeOf, directory);
            return database;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing database to read it, falling back to read-only access when the file or its directory is not
    /// writable. Returns null when there is no database yet (or only the empty file of an interrupted creation).
    /// </summary>
    public static JumpDatabase? OpenForReading(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var writable = SqliteConnection.Open(path, readOnly: false, create: false, BusyTimeout);
        try
        {
            var database = new JumpDatabase(writable, isReadOnly: false);
            database.PrepareSchema(FileSystemKind.TypeOf, System.IO.Path.GetDirectoryName(path) ?? "/");
            return database;
        }
        catch (SqliteException e) when (e.ResultCode is SqliteCodes.ReadOnly or SqliteCodes.CantOpen)
        {
            writable.Dispose();
        }
        catch
        {
            writable.Dispose();
            throw;
        }

        // A WAL database in a read-only directory cannot get its -shm file; immutable mode reads it without one.
        var readOnly = SqliteConnection.OpenImmutable(path, BusyTimeout);
        try
        {
            long version = readOnly.QueryInt64("PRAGMA user_version");
            if (version == 0)
            {
                readOnly.Dispose();
                return null;
            }

            ThrowIfNewer(version);
            if (version < JumpSchema.CurrentVersion)
            {
                throw new DatabaseVersionException(version, "was made by an older nvt and is read-only, so it cannot be upgraded");
            }

            return new JumpDatabase(readOnly, isReadOnly: true);
        }
        catch
        {
            readOnly.Dispose();
            throw;
        }
    }

    /// <summary>Adds each path once: rank grows by <paramref name="increment"/>, last access becomes now; then ages if needed.</summary>
    /// <summary>
    /// Also folds in the visits that other processes left in <paramref name="pending"/> when they could not wait for
    /// the lock, in the same transaction.
    /// </summary>
    public void Add(IReadOnlyList<string> paths, double increment, long now, double maxAge, PendingVisits? pending = null) =>
        Add(paths.Select(path => new Visit(path)).ToList(), increment, now, maxAge, pending);

    /// <summary>Records each visit (a directory or a file), as <see cref="Add(IReadOnlyList{string}, double, long, double, PendingVisits?)"/>.</summary>
    public void Add(IReadOnlyList<Visit> visits, double increment, long now, double maxAge, PendingVisits? pending = null)
    {
        PendingVisits.Claim? claim = null;
        try
        {
            InTransaction(() =>
            {
                using var upsert = PrepareUpsert();
                foreach (var visit in visits)
                {
                    Upsert(upsert, visit.Path, visit.Kind, increment, now);
                }

                // Claimed only while this process holds the write lock, so appenders wait for a commit, never for a lock.
                claim = pending?.TryClaim();
                foreach (var visit in claim?.Visits ?? [])
                {
                    Upsert(upsert, visit.Path, visit.Kind, visit.Increment, visit.Time);
                }

                AgeIfNeeded(maxAge);
            });
            claim?.Clear();
        }
        finally
        {
            claim?.Dispose();
        }

        CheckpointIfWalIsLarge();
    }

    /// <summary>
    /// Matching entries, best first. Missing directories are skipped (unless asked for) and, when not visited for
    /// <see cref="Frecency.MissingEntryGraceSeconds"/>, deleted: a drive that is only unmounted keeps its entries.
    /// </summary>
    public IReadOnlyList<JumpEntry> Query(JumpQuery query, long now, IFileSystem fileSystem)
    {
        var matcher = new KeywordMatcher(query.Keywords);
        var candidates = ReadCandidates(matcher.LastComponentHint)
            .Where(entry => entry.IsKind(query.Kinds)
                && matcher.IsMatch(entry.Path)
                && !query.ExcludePaths.Contains(entry.Path, StringComparer.Ordinal)
                && (query.BaseDirectory is null || PathNormalizer.IsAtOrBelow(entry.Path, query.BaseDirectory)));

        var results = new List<JumpEntry>();
        var stale = new List<string>();
        foreach (var entry in JumpRanking.Order(candidates, matcher, now, query.Ranking))
        {
            if (query.Limit is int limit && results.Count >= limit)
            {
                break;
            }

            if (!query.IncludeMissing && !entry.ExistsIn(fileSystem))
            {
                if (now - entry.LastAccess > Frecency.MissingEntryGraceSeconds)
                {
                    stale.Add(entry.Path);
                }

                continue;
            }

            results.Add(entry);
        }

        TryDeleteQuietly(stale);
        return results;
    }

    /// <summary>Every entry, in path order.</summary>
    public IReadOnlyList<JumpEntry> ReadAll()
    {
        var entries = new List<JumpEntry>();
        using var select = connection.Prepare("SELECT path, rank, last_access, kind FROM entry ORDER BY path");
        while (select.Step())
        {
            entries.Add(ReadEntry(select));
        }

        return entries;
    }

    /// <summary>Deletes the given paths; returns the ones that were not in the database.</summary>
    public IReadOnlyList<string> Remove(IReadOnlyList<string> paths)
    {
        var notFound = new List<string>();
        InTransaction(() =>
        {
            using var delete = connection.Prepare("DELETE FROM entry WHERE path = ?1");
            foreach (string path in paths)
            {
                delete.Bind(1, path).Run();
                if (connection.Changes == 0)
                {
                    notFound.Add(path);
                }

                delete.Reset();
            }
        });
        return notFound;
    }

    /// <summary>Deletes every entry that does not exist now as what it was recorded as; returns the deleted paths.</summary>
    public IReadOnlyList<string> Prune(IFileSystem fileSystem)
    {
        var missing = ReadAll().Where(entry => !entry.ExistsIn(fileSystem)).Select(entry => entry.Path).ToList();
        Remove(missing);
        return missing;
    }

    /// <summary>
    /// Adds imported entries in one transaction: a path already present gets the imported rank added and keeps the
    /// later of the two visit times, as a visit would; then the ranks are aged once if the total passed
    /// <paramref name="maxAge"/>. Without <paramref name="merge"/>, a database that has entries is left untouched and
    /// <see cref="DatabaseNotEmptyException"/> is thrown (checked inside the transaction, so no writer can slip in).
    /// </summary>
    public ImportCounts Import(IReadOnlyList<JumpEntry> entries, bool merge, double maxAge)
    {
        ImportCounts? counts = null;
        InTransaction(() =>
        {
            long before = CountEntries();
            if (!merge && before > 0)
            {
                throw new DatabaseNotEmptyException(before);
            }

            using (var upsert = PrepareUpsert())
            {
                foreach (var entry in entries)
                {
                    Upsert(upsert, entry.Path, entry.Kind, entry.Rank, entry.LastAccess);
                }
            }

            long afterImport = CountEntries();
            AgeIfNeeded(maxAge);
            int added = (int)(afterImport - before);
            counts = new ImportCounts(added, entries.Count - added, (int)(afterImport - CountEntries()));
        });
        return counts!;
    }

    /// <summary>The total rank as the triggers keep it (what aging compares with NVT_MAXAGE).</summary>
    public double RankSum() => ReadRankSum();

    public string JournalMode => connection.QueryText("PRAGMA journal_mode") ?? string.Empty;

    /// <summary>Runs SQLite's full consistency check; "ok" when the file is sound.</summary>
    public string IntegrityCheck() => connection.QueryText("PRAGMA integrity_check") ?? string.Empty;

    public void Dispose() => connection.Dispose();

    private long CountEntries() => connection.QueryInt64("SELECT count(*) FROM entry");

    private static string FoldedName(string path) => PathNormalizer.LastComponent(path).ToLowerInvariant();

    private static void CreatePrivateFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another shell created it a moment ago.
        }
    }

    private List<JumpEntry> ReadCandidates(string lastComponentHint)
    {
        var entries = new List<JumpEntry>();
        using var select = lastComponentHint.Length switch
        {
            0 => connection.Prepare("SELECT path, rank, last_access, kind FROM entry"),
            < JumpSchema.TrigramLength => connection.Prepare(
                // The sub-select scans only the small name index, not the table; the table is read for the hits alone.
                "SELECT path, rank, last_access, kind FROM entry WHERE id IN "
                + "(SELECT id FROM entry INDEXED BY entry_by_name WHERE instr(name_fold, ?1) > 0)").Bind(1, lastComponentHint),
            _ => connection.Prepare(
                "SELECT e.path, e.rank, e.last_access, e.kind FROM entry_name JOIN entry AS e ON e.id = entry_name.rowid "
                + "WHERE entry_name MATCH ?1").Bind(1, FtsPhrase(lastComponentHint)),
        };
        while (select.Step())
        {
            entries.Add(ReadEntry(select));
        }

        return entries;
    }

    private static JumpEntry ReadEntry(SqliteStatement select) =>
        new(select.GetText(0), select.GetDouble(1), select.GetInt64(2), (EntryKind)select.GetInt64(3));

    private SqliteStatement PrepareUpsert() => connection.Prepare(
        "INSERT INTO entry (path, name_fold, rank, last_access, kind) VALUES (?1, ?2, ?3, ?4, ?5) "
        + "ON CONFLICT (path) DO UPDATE SET rank = rank + excluded.rank, "
        + "last_access = max(last_access, excluded.last_access), kind = excluded.kind");

    private static void Upsert(SqliteStatement upsert, string path, EntryKind kind, double increment, long time)
    {
        upsert.Bind(1, path).Bind(2, FoldedName(path)).Bind(3, increment).Bind(4, time).Bind(5, (long)kind).Run();
        upsert.Reset();
    }

    /// <summary>An FTS5 phrase that matches the text literally (quotes doubled, as FTS5 string syntax wants).</summary>
    private static string FtsPhrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private void AgeIfNeeded(double maxAge)
    {
        double sum = ReadRankSum();
        if (sum <= maxAge)
        {
            return;
        }

        using (var age = connection.Prepare("UPDATE entry SET rank = rank * ?1"))
        {
            age.Bind(1, Frecency.AgingFactor(sum, maxAge)).Run();
        }

        using (var drop = connection.Prepare("DELETE FROM entry WHERE rank < ?1"))
        {
            drop.Bind(1, Frecency.MinimumRank).Run();
        }

        // Re-sum from the rows so rounding in the triggers' running total cannot drift over years of aging.
        connection.Execute("UPDATE meta SET value = (SELECT coalesce(sum(rank), 0.0) FROM entry) WHERE key = 'rank_sum'");
    }

    private double ReadRankSum()
    {
        using var select = connection.Prepare("SELECT value FROM meta WHERE key = 'rank_sum'");
        return select.Step() ? select.GetDouble(0) : 0;
    }

    private void TryDeleteQuietly(List<string> paths)
    {
        if (paths.Count == 0 || IsReadOnly)
        {
            return;
        }

        try
        {
            Remove(paths);
        }
        catch (SqliteException)
        {
            // Lazy clean-up only: a busy or read-only database keeps the entries until next time.
        }
    }

    private void InTransaction(Action body)
    {
        connection.Execute("BEGIN IMMEDIATE");
        try
        {
            body();
            connection.Execute("COMMIT");
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    private void Rollback()
    {
        try
        {
            connection.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (for example after SQLITE_FULL); the original error is what matters.
        }
    }

    private void PrepareSchema(Func<string, long?> fileSystemType, string directory)
    {
        long version = connection.QueryInt64("PRAGMA user_version");
        if (version == JumpSchema.CurrentVersion)
        {
            ApplyConnectionSettings();
            return;
        }

        ThrowIfNewer(version);
        if (version == 0)
        {
            // The journal mode is stored in the file, so it is chosen once, when the database is created.
            bool network = fileSystemType(directory) is long type && FileSystemKind.IsNetworkFileSystemType(type);
            connection.Execute(network ? "PRAGMA journal_mode = DELETE" : "PRAGMA journal_mode = WAL");
        }

        ApplyConnectionSettings();
        InTransaction(() =>
        {
            // Another process may have migrated while this one waited for the lock.
            long current = connection.QueryInt64("PRAGMA user_version");
            ThrowIfNewer(current);
            for (long next = current; next < JumpSchema.CurrentVersion; next++)
            {
                connection.Execute(JumpSchema.Migrations[next]);
            }

            connection.Execute($"PRAGMA user_version = {JumpSchema.CurrentVersion}");
        });
    }

    private void ApplyConnectionSettings()
    {
        // With WAL, NORMAL still never corrupts the file; a power cut may only lose the last visits.
        connection.Execute("PRAGMA synchronous = NORMAL");
        connection.SkipCheckpointOnClose();
    }

    /// <summary>
    /// Every nvt process is short, so SQLite's own checkpoint-on-close would run (and sync twice) on every cd. Instead
    /// the WAL is left between processes and folded into the database here, by the writer that finds it over
    /// <see cref="WalCheckpointBytes"/>: truncating it keeps what the next process must scan when it opens it small.
    /// </summary>
    private void CheckpointIfWalIsLarge()
    {
        var wal = new FileInfo(connection.Path + "-wal");
        if (wal.Exists && wal.Length > WalCheckpointBytes)
        {
            try
            {
                connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            catch (SqliteException e) when (e.IsBusy)
            {
                // A reader is active; the next writer will try again.
            }
        }
    }

    private static void ThrowIfNewer(long version)
    {
        if (version > JumpSchema.CurrentVersion)
        {
            throw new DatabaseVersionException(version, "was written by a newer nvt; upgrade nvt to use it");
        }
    }
}
