using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Whether nvt may use its data directory and the database's files in it: the directory must be a directory of the
/// effective user's, and the database and SQLite's companion files, where they exist, regular files of the user's that
/// are not symbolic links (SQLite would follow a link; a planted one is refused before SQLite opens anything).
/// </summary>
internal static class DataDirectoryCheck
{
    private static readonly string[] Companions = ["-journal", "-wal", "-shm"];

    /// <summary>Why the directory cannot be used, or null (also when it does not exist yet: it will be created).</summary>
    public static string? DirectoryProblem(string directory, out FileStatus? status)
    {
        status = LibC.Stat(directory, followLinks: true, out int errno);
        if (status is not FileStatus found)
        {
            return errno == LibC.NoSuchFile ? null : $"cannot read {directory}: {LibC.ErrorText(errno)}";
        }

        if (!found.IsDirectory)
        {
            return $"{directory} is not a directory";
        }

        return found.Owner != LibC.EffectiveUserId() ? $"{directory} belongs to another user (uid {found.Owner})" : null;
    }

    /// <summary>Why the database file or one of its companions cannot be used, or null (also when it does not exist).</summary>
    public static string? FileProblem(string databasePath)
    {
        foreach (string suffix in Companions.Prepend(string.Empty))
        {
            string path = databasePath + suffix;
            if (LibC.Stat(path, followLinks: false, out int errno) is not FileStatus status)
            {
                if (errno != LibC.NoSuchFile)
                {
                    return $"cannot read {path}: {LibC.ErrorText(errno)}";
                }

                continue;
            }

            string? problem = status switch
            {
                { IsSymbolicLink: true } => $"{path} is a symbolic link",
                { IsDirectory: true } => $"{path} is a directory, not a file",
                { IsRegularFile: false } => $"{path} is not a regular file",
                _ when status.Owner != LibC.EffectiveUserId() => $"{path} belongs to another user (uid {status.Owner})",
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    public static bool Exists(string path) => LibC.Stat(path, followLinks: false) is not null;

    /// <summary>
    /// The journal the shell hooks may append to: in a data directory (created 0700 when missing) that is a directory of
    /// the user's, not a symbolic link, and writable by nobody else. Null otherwise: the hook then runs `nvt add`.
    /// </summary>
    public static string? JournalForHooks(string directory)
    {
        if (LibC.Stat(directory, followLinks: false) is null)
        {
            try
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        return LibC.Stat(directory, followLinks: false) is { IsDirectory: true, IsGroupOrWorldWritable: false } status
            && status.Owner == LibC.EffectiveUserId()
                ? directory + "/" + Journal.JournalFold.FileName
                : null;
    }
}
