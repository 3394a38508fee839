using Microsoft.Data.Sqlite;
using NeuralVision.Tools.Jump.Journal;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>How <see cref="JumpDatabase"/> opens its file: checked first, created privately, read-only as a fallback.</summary>
internal static class DatabaseOpener
{
    private const UnixFileMode PrivateDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Opens the database for writing, creating its directory (0700) and file (0600, O_EXCL|O_NOFOLLOW) when missing:
    /// the file is made by nvt before SQLite opens it, so it never exists with wider permissions.
    /// </summary>
    public static JumpDatabase OpenForWriting(string path, StoreOptions options)
    {
        string directory = Path.GetDirectoryName(path) ?? "/";
        Check(directory, path);
        if (!DataDirectoryCheck.Exists(path))
        {
            Directory.CreateDirectory(directory, PrivateDirectoryMode);
            Check(directory, path);
            CreatePrivateFile(path);
        }

        return Open(path, readOnly: false, options);
    }

    /// <summary>
    /// Opens an existing database, falling back to read-only access when the file cannot be written. Null when there is
    /// no database yet and no journal to fold into one.
    /// </summary>
    public static JumpDatabase? OpenForReading(string path, StoreOptions options)
    {
        string directory = Path.GetDirectoryName(path) ?? "/";
        Check(directory, path);
        if (!DataDirectoryCheck.Exists(path))
        {
            // The hooks may have recorded visits before any process created the database: fold them into a new one.
            bool journal = DataDirectoryCheck.Exists(directory + "/" + JournalFold.FileName)
                || DataDirectoryCheck.Exists(directory + "/" + JournalFold.RotatedFileName);
            return journal ? OpenForWriting(path, options) : null;
        }

        try
        {
            return Open(path, readOnly: false, options);
        }
        catch (SqliteException e) when (e.IsReadOnly())
        {
            return Open(path, readOnly: true, options);
        }
        catch (UnauthorizedAccessException)
        {
            return Open(path, readOnly: true, options);
        }
    }

    private static JumpDatabase Open(string path, bool readOnly, StoreOptions options)
    {
        string directory = Path.GetDirectoryName(path) ?? "/";
        bool network = options.FileSystemType(directory) is long type && FileSystemKind.IsNetworkFileSystemType(type);
        var connection = StoreConnection.Open(path, readOnly, options.BusyTimeout, network);
        try
        {
            if (readOnly)
            {
                SchemaMigrator.CheckReadable(connection);
            }
            else
            {
                SchemaMigrator.Prepare(connection, options);
            }

            return new JumpDatabase(connection, options);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Check(string directory, string path)
    {
        if ((DataDirectoryCheck.DirectoryProblem(directory, out _) ?? DataDirectoryCheck.FileProblem(path)) is string problem)
        {
            throw new DatabaseUnusableException(problem);
        }
    }

    private static void CreatePrivateFile(string path)
    {
        var handle = LibC.OpenNoFollowing(
            path, LibC.OpenWriteOnly | LibC.OpenCreate | LibC.OpenExclusive, OwnFile.PrivateMode, out int errno);
        handle?.Dispose();
        if (handle is null && !DataDirectoryCheck.Exists(path))
        {
            throw new IOException($"cannot create {path}: {LibC.ErrorText(errno)}");
        }

        // Another process created it a moment ago, or this one did: either way it is checked before SQLite opens it.
        if (DataDirectoryCheck.FileProblem(path) is string problem)
        {
            throw new DatabaseUnusableException(problem);
        }
    }
}
