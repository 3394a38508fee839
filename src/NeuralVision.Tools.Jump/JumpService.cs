using Microsoft.Data.Sqlite;
using NeuralVision.Tools.Jump.Journal;
using NeuralVision.Tools.Jump.Store;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Jump;

/// <summary>
/// The jump commands' logic: turns user paths into stored paths, applies the exclusions and opens the database the
/// way each command needs. No console I/O; the caller reports outcomes.
/// </summary>
public sealed class JumpService
{
    private readonly NvtSettings settings;
    private readonly IFileSystem fileSystem;
    private readonly string currentDirectory;

    public JumpService(NvtSettings settings, IFileSystem fileSystem, string currentDirectory)
    {
        this.settings = settings;
        this.fileSystem = fileSystem;
        this.currentDirectory = currentDirectory;
    }

    /// <summary>True when no database file exists yet (nothing was ever recorded, or NVT_DATA_DIR points elsewhere).</summary>
    public bool DatabaseExists => File.Exists(settings.DatabasePath);

    public string DatabasePath => settings.DatabasePath;

    /// <summary>The absolute, normalised form of a path typed by the user (links resolved if NVT_RESOLVE_SYMLINKS=1).</summary>
    public string ToStoredPath(string path)
    {
        string normalized = PathNormalizer.Normalize(path, currentDirectory);
        return settings.ResolveSymlinks ? fileSystem.ResolveLinks(normalized) ?? normalized : normalized;
    }

    /// <summary>
    /// Records a visit to each existing, non-excluded directory (and, with <paramref name="filesToo"/>, each existing
    /// file, as a file), plus each existing file or directory among <paramref name="commandArguments"/>, all in one
    /// transaction that also folds the journal; returns why each other path was skipped. When the database stays
    /// locked longer than the hook may wait, the visits go to the journal for the next process to fold.
    /// Database failures propagate: `add` decides to stay silent about them.
    /// </summary>
    public IReadOnlyList<string> Add(
        IReadOnlyList<string> paths, double score, long now, bool filesToo = false, IReadOnlyList<string>? commandArguments = null)
    {
        var excludes = ExcludeList.FromSettings(settings);
        var accepted = new List<Visit>(paths.Count);
        var skipped = new List<string>();
        var candidates = paths.Select(path => (Path: path, FilesToo: filesToo, FromCommand: false))
            .Concat((commandArguments ?? []).Select(path => (Path: path, FilesToo: true, FromCommand: true)));
        foreach (var (path, allowFiles, fromCommand) in candidates)
        {
            string stored = ToStoredPath(path);
            EntryKind? kind = fileSystem.DirectoryExists(stored) ? EntryKind.Directory
                : allowFiles && fileSystem.FileExists(stored) ? EntryKind.File
                : null;
            if (excludes.IsExcluded(stored))
            {
                skipped.Add($"excluded: {stored}");
            }
            else if (kind is null)
            {
                if (!fromCommand)
                {
                    // .NET decodes argv as UTF-8 and turns a byte that is not into U+FFFD, so such a name can no longer
                    // be found; the shell hooks' journal keeps the bytes (it is read as bytes).
                    skipped.Add(stored.Contains('\uFFFD', StringComparison.Ordinal) ? $"name is not valid UTF-8, which arguments cannot carry (the shell hook's journal can): {stored}"
                        : allowFiles ? $"does not exist: {stored}" : $"not a directory: {stored}");
                }
            }
            else if (!accepted.Any(visit => visit.Path == stored))
            {
                accepted.Add(new Visit(stored, kind.Value));
            }
        }

        if (accepted.Count == 0)
        {
            return skipped;
        }

        try
        {
            using var database = JumpDatabase.OpenForWriting(settings.DatabasePath, Options(now, JumpDatabase.HookBusyTimeout));
            database.Add(accepted, score, now, settings.MaxAge);
        }
        catch (SqliteException e) when (e.IsBusy() && score == 1)
        {
            // The prompt does not wait longer than the hook's timeout; the next process folds these visits in.
            if (!JournalAppender.Append(settings.DataDirectory, accepted, now))
            {
                throw;
            }

            skipped.Add($"database busy; journaled for the next fold: {string.Join(", ", accepted.Select(visit => visit.Path))}");
        }

        return skipped;
    }

    /// <summary>`nvt fold`: the journal into the database, waiting no longer than the hook may. The number of visits.</summary>
    public int Fold(long now)
    {
        using var database = JumpDatabase.OpenForWriting(settings.DatabasePath, Options(now, JumpDatabase.HookBusyTimeout));
        return database.Fold(now);
    }

    public JumpOutcome<IReadOnlyList<JumpEntry>> Query(JumpQuery query, DateTimeOffset now)
    {
        var excludes = ExcludeList.FromSettings(settings);
        var normalized = query with
        {
            ExcludePaths = query.ExcludePaths.Select(ToStoredPath).ToArray(),
            BaseDirectory = query.BaseDirectory is null ? null : ToStoredPath(query.BaseDirectory),
        };
        return WithDatabase<IReadOnlyList<JumpEntry>>(
            forWriting: false, now, database => database is null ? [] : database.Query(normalized, now.ToUnixTimeSeconds(), fileSystem, excludes));
    }

    /// <summary>Deletes the entries; the value is the paths that were not in the database.</summary>
    public JumpOutcome<IReadOnlyList<string>> Remove(IReadOnlyList<string> paths, DateTimeOffset now)
    {
        var stored = paths.Select(ToStoredPath).ToList();
        return WithDatabase(forWriting: true, now, database => database!.Remove(stored, now.ToUnixTimeSeconds()));
    }

    /// <summary>Deletes every entry whose directory is gone; the value is the deleted paths.</summary>
    public JumpOutcome<IReadOnlyList<string>> Prune(DateTimeOffset now, bool everywhere = false) =>
        WithDatabase(forWriting: true, now, database => database!.Prune(fileSystem, now.ToUnixTimeSeconds(), everywhere));

    /// <summary>Every entry, in path order; empty when there is no database yet.</summary>
    public JumpOutcome<IReadOnlyList<JumpEntry>> ReadAll(DateTimeOffset now) =>
        WithDatabase(forWriting: false, now, database => database?.ReadAll(now.ToUnixTimeSeconds()) ?? []);

    /// <summary>Runs a sync (`nvt sync`) on the database opened for writing, with the usual recovery of an unreadable file.</summary>
    public JumpOutcome<T> Sync<T>(DateTimeOffset now, Func<JumpDatabase, T> action) =>
        WithDatabase(forWriting: true, now, database => action(database!));

    /// <summary>Adds imported entries in one transaction (see <see cref="JumpDatabase.Import"/>).</summary>
    public JumpOutcome<ImportCounts> Import(IReadOnlyList<JumpEntry> entries, bool merge, DateTimeOffset now)
    {
        double maxAge = settings.MaxAge;
        return WithDatabase(forWriting: true, now, database => database!.Import(entries, merge, maxAge, now.ToUnixTimeSeconds()));
    }

    /// <summary>What the store needs from the settings; the journal's visits pass the same exclusions as `add`'s.</summary>
    private StoreOptions Options(long now, TimeSpan busyTimeout)
    {
        var excludes = ExcludeList.FromSettings(settings);
        return new StoreOptions(busyTimeout, settings.MaxAge, path =>
        {
            string stored = settings.ResolveSymlinks ? fileSystem.ResolveLinks(path) ?? path : PathNormalizer.Normalize(path, "/");
            return excludes.IsExcluded(stored) ? null : stored;
        }, now, FileSystemKind.TypeOf);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the database. An unreadable (corrupt) file is moved aside, never deleted, and
    /// the action runs again on a fresh database. A database nvt cannot use is a <see cref="DatabaseAccessException"/>.
    /// </summary>
    private JumpOutcome<T> WithDatabase<T>(bool forWriting, DateTimeOffset now, Func<JumpDatabase?, T> action)
    {
        string path = settings.DatabasePath;
        var options = Options(now.ToUnixTimeSeconds(), JumpDatabase.BusyTimeout);
        try
        {
            using var database = forWriting ? JumpDatabase.OpenForWriting(path, options) : JumpDatabase.OpenForReading(path, options);
            string? warning = database?.DirectoryWarningOnce(now.ToUnixTimeSeconds());
            return new JumpOutcome<T>(action(database), null, null, warning);
        }
        catch (SqliteException e) when (e.IsCorruption())
        {
            string movedTo = DatabaseQuarantine.MoveAside(path, now);
            using var fresh = JumpDatabase.OpenForWriting(path, options);
            return new JumpOutcome<T>(action(fresh), movedTo, e.Message);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or DatabaseUnusableException)
        {
            throw new DatabaseAccessException(path, e);
        }
    }
}
