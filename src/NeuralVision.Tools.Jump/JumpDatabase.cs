using NeuralVision.Tools.Jump.Sqlite;
using NeuralVision.Tools.Jump.Store;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump;

/// <summary>
/// The frecency store: one SQLite file. Every change is one transaction, so shells writing at the same time never lose
/// an update. The clock is a parameter (<c>now</c>, Unix seconds) of every method that needs it. The parts live in
/// Store/: opening (<see cref="DatabaseOpener"/>), migrations and the journal mode (<see cref="SchemaMigrator"/>), the
/// WAL policy, the queries, the writes, the import and the aging.
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
    public const long WalCheckpointBytes = WalPolicy.CheckpointBytes;

    private readonly SqliteConnection connection;

    internal JumpDatabase(SqliteConnection connection, bool isReadOnly)
    {
        this.connection = connection;
        IsReadOnly = isReadOnly;
    }

    public string Path => connection.Path;

    public bool IsReadOnly { get; }

    public string JournalMode => connection.QueryText("PRAGMA journal_mode") ?? string.Empty;

    /// <summary>
    /// Opens the database for writing, creating its directory (0700) and file (0600) when missing (see
    /// <see cref="DatabaseOpener.OpenForWriting"/>).
    /// </summary>
    public static JumpDatabase OpenForWriting(string path, Func<string, long?>? fileSystemType = null, TimeSpan? busyTimeout = null) =>
        DatabaseOpener.OpenForWriting(path, fileSystemType ?? FileSystemKind.TypeOf, busyTimeout ?? BusyTimeout);

    /// <summary>
    /// Opens an existing database to read it, read-only when it cannot be written; null when there is no database yet.
    /// </summary>
    public static JumpDatabase? OpenForReading(string path) => DatabaseOpener.OpenForReading(path, FileSystemKind.TypeOf, BusyTimeout);

    /// <summary>
    /// Adds each path once: rank grows by <paramref name="increment"/>, last access becomes now; then ages if needed.
    /// Also folds in the visits that other processes left in <paramref name="pending"/> when they could not wait for
    /// the lock, in the same transaction.
    /// </summary>
    public void Add(IReadOnlyList<string> paths, double increment, long now, double maxAge, PendingVisits? pending = null) =>
        Add(paths.Select(path => new Visit(path)).ToList(), increment, now, maxAge, pending);

    /// <summary>Records each visit (a directory or a file), as <see cref="Add(IReadOnlyList{string}, double, long, double, PendingVisits?)"/>.</summary>
    public void Add(IReadOnlyList<Visit> visits, double increment, long now, double maxAge, PendingVisits? pending = null)
    {
        PendingVisitsClaim? claim = null;
        try
        {
            Transaction.Run(connection, () =>
            {
                using var upsert = EntryWriter.PrepareUpsert(connection);
                foreach (var visit in visits)
                {
                    EntryWriter.Upsert(upsert, visit.Path, visit.Kind, increment, now);
                }

                // Claimed only while this process holds the write lock, so appenders wait for a commit, never for a lock.
                claim = pending?.TryClaim();
                foreach (var visit in claim?.Visits ?? [])
                {
                    EntryWriter.Upsert(upsert, visit.Path, visit.Kind, visit.Increment, visit.Time);
                }

                RankAging.AgeIfNeeded(connection, maxAge);
            });
            claim?.Clear();
        }
        finally
        {
            claim?.Dispose();
        }

        WalPolicy.CheckpointIfLarge(connection);
    }

    /// <summary>
    /// Matching entries, best first. Missing directories are skipped (unless asked for) and, when not visited for
    /// <see cref="Frecency.MissingEntryGraceSeconds"/>, deleted: a drive that is only unmounted keeps its entries.
    /// </summary>
    public IReadOnlyList<JumpEntry> Query(JumpQuery query, long now, IFileSystem fileSystem)
    {
        var matcher = new KeywordMatcher(query.Keywords);
        var candidates = EntryQueries.ReadCandidates(connection, matcher.LastComponentHint)
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
    public IReadOnlyList<JumpEntry> ReadAll() => EntryQueries.ReadAll(connection);

    /// <summary>Deletes the given paths; returns the ones that were not in the database.</summary>
    public IReadOnlyList<string> Remove(IReadOnlyList<string> paths)
    {
        IReadOnlyList<string> notFound = [];
        Transaction.Run(connection, () => notFound = EntryWriter.Delete(connection, paths));
        return notFound;
    }

    /// <summary>Deletes every entry that does not exist now as what it was recorded as; returns the deleted paths.</summary>
    public IReadOnlyList<string> Prune(IFileSystem fileSystem)
    {
        var missing = ReadAll().Where(entry => !entry.ExistsIn(fileSystem)).Select(entry => entry.Path).ToList();
        Remove(missing);
        return missing;
    }

    /// <summary>Adds imported entries in one transaction (see <see cref="EntryImport.Run"/>).</summary>
    public ImportCounts Import(IReadOnlyList<JumpEntry> entries, bool merge, double maxAge) =>
        EntryImport.Run(connection, entries, merge, maxAge);

    /// <summary>The total rank as the triggers keep it (what aging compares with NVT_MAXAGE).</summary>
    public double RankSum() => RankAging.ReadRankSum(connection);

    /// <summary>Runs SQLite's full consistency check; "ok" when the file is sound.</summary>
    public string IntegrityCheck() => connection.QueryText("PRAGMA integrity_check") ?? string.Empty;

    public void Dispose() => connection.Dispose();

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
}
