using NeuralVision.Tools.Jump.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>How <see cref="JumpDatabase"/> opens its file: creating it privately, or falling back to read-only access.</summary>
internal static class DatabaseOpener
{
    private const UnixFileMode PrivateDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Opens the database for writing, creating its directory (0700) and file (0600) when missing: the file is made
    /// by nvt before SQLite opens it, so it never exists with wider permissions, and SQLite gives its -wal and -shm
    /// files the same mode.
    /// </summary>
    public static JumpDatabase OpenForWriting(string path, Func<string, long?> fileSystemType, TimeSpan busyTimeout)
    {
        string directory = Path.GetDirectoryName(path) ?? "/";
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(directory, PrivateDirectoryMode);
            CreatePrivateFile(path);
        }

        var connection = SqliteConnection.Open(path, readOnly: false, create: false, busyTimeout);
        try
        {
            SchemaMigrator.Prepare(connection, fileSystemType, directory);
            return new JumpDatabase(connection, isReadOnly: false);
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
    public static JumpDatabase? OpenForReading(string path, Func<string, long?> fileSystemType, TimeSpan busyTimeout)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var writable = SqliteConnection.Open(path, readOnly: false, create: false, busyTimeout);
        try
        {
            SchemaMigrator.Prepare(writable, fileSystemType, Path.GetDirectoryName(path) ?? "/");
            return new JumpDatabase(writable, isReadOnly: false);
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
        var readOnly = SqliteConnection.OpenImmutable(path, busyTimeout);
        try
        {
            long version = readOnly.QueryInt64("PRAGMA user_version");
            if (version == 0)
            {
                readOnly.Dispose();
                return null;
            }

            SchemaMigrator.ThrowIfNewer(version);
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

    private static void CreatePrivateFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = PrivateFileMode,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another shell created it a moment ago.
        }
    }
}
