using NeuralVision.Tools.Jump.Sqlite;
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

    /// <summary>The absolute, normalised form of a path typed by the user (links resolved if NVT_RESOLVE_SYMLINKS=1).</summary>
    public string ToStoredPath(string path)
    {
        string normalized = PathNormalizer.Normalize(path, currentDirectory);
        return settings.ResolveSymlinks ? fileSystem.ResolveLinks(normalized) ?? normalized : normalized;
    }

    /// <summary>
    /// Records a visit to each existing, non-excluded directory (and, with <paramref name="filesToo"/>, each existing
    /// file, as a file), plus each existing file or directory among <paramref name="commandArguments"/> (the
    /// arguments of a command line, where a missing one is normal and not reported), all in one transaction;
    /// returns why each other path was skipped.
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
                    skipped.Add(allowFiles ? $"does not exist: {stored}" : $"not a directory: {stored}");
                }
            }
            else if (!accepted.Any(visit => visit.Path == stored))
            {
                accepted.Add(new Visit(stored, kind.Value));
            }
        }

        if (accepted.Count > 0)
        {
            double maxAge = settings.MaxAge;
            var pending = new PendingVisits(settings.DatabasePath);
            try
            {
                using var database = JumpDatabase.OpenForWriting(settings.DatabasePath, busyTimeout: JumpDatabase.HookBusyTimeout);
                database.Add(accepted, score, now, maxAge, pending);
            }
            catch (SqliteException e) when (e.IsBusy)
            {
                // The prompt does not wait longer than the hook's timeout; the next writer folds these visits in.
                if (!pending.Append(accepted, score, now))
                {
                    throw;
                }

                skipped.Add($"database busy; kept for the next add: {string.Join(", ", accepted.Select(visit => visit.Path))}");
            }
        }

        return skipped;
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
            forWriting: false,
            now,
            database => database is null
                ? []
                : database.Query(normalized, now.ToUnixTimeSeconds(), fileSystem)
                    .Where(entry => !excludes.IsExcluded(entry.Path))
                    .ToList());
    }

    /// <summary>True when no database file exists yet (nothing was ever recorded, or NVT_DATA_DIR points elsewhere).</summary>
    public bool DatabaseExists => File.Exists(settings.DatabasePath);

    public string DatabasePath => settings.DatabasePath;

    /// <summary>Deletes the entries; the value is the paths that were not in the database.</summary>
    public JumpOutcome<IReadOnlyList<string>> Remove(IReadOnlyList<string> paths, DateTimeOffset now)
    {
        var stored = paths.Select(ToStoredPath).ToList();
        return WithDatabase(forWriting: true, now, database => database!.Remove(stored));
    }

    /// <summary>Deletes every entry whose directory is gone; the value is the deleted paths.</summary>
    public JumpOutcome<IReadOnlyList<string>> Prune(DateTimeOffset now) =>
        WithDatabase(forWriting: true, now, database => database!.Prune(fileSystem));

    /// <summary>Every entry, in path order; empty when there is no database yet.</summary>
    public JumpOutcome<IReadOnlyList<JumpEntry>> ReadAll(DateTimeOffset now) =>
        WithDatabase(forWriting: false, now, database => database?.ReadAll() ?? []);

    /// <summary>Adds imported entries in one transaction (see <see cref="JumpDatabase.Import"/>).</summary>
    public JumpOutcome<ImportCounts> Import(IReadOnlyList<JumpEntry> entries, bool merge, DateTimeOffset now)
    {
        double maxAge = settings.MaxAge;
        return WithDatabase(forWriting: true, now, database => database!.Import(entries, merge, maxAge));
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the database. An unreadable (corrupt) file is moved aside, never deleted, and
    /// the action runs again on a fresh database.
    /// </summary>
    private JumpOutcome<T> WithDatabase<T>(bool forWriting, DateTimeOffset now, Func<JumpDatabase?, T> action)
    {
        string path = settings.DatabasePath;
        try
        {
            using var database = forWriting ? JumpDatabase.OpenForWriting(path) : JumpDatabase.OpenForReading(path);
            return new JumpOutcome<T>(action(database), null, null);
        }
        catch (SqliteException e) when (e.IsCorruption)
        {
            string movedTo = DatabaseQuarantine.MoveAside(path, now);
            using var fresh = JumpDatabase.OpenForWriting(path);
            return new JumpOutcome<T>(action(fresh), movedTo, e.Message);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new DatabaseAccessException(path, e);
        }
    }
}
