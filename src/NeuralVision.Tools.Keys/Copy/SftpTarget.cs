using System.Security.Cryptography;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// The remote authorized_keys (or -t file) as seen over SFTP: read it, make its directory, replace it atomically, and
/// sweep the temp files an interrupted run left beside it. Paths are relative to the login directory (SFTP starts
/// there) unless absolute.
/// </summary>
internal sealed class SftpTarget
{
    /// <summary>A leftover temp file is removed only when it is this much older than the one this run writes.</summary>
    private static TimeSpan LeftoverAge => TimeSpan.FromMinutes(1);

    private readonly SftpClient sftp;
    private readonly string hostName;

    public SftpTarget(SftpClient sftp, string path, string hostName)
    {
        this.sftp = sftp;
        this.hostName = hostName;
        Path = path;
        int slash = path.LastIndexOf('/');
        Directory = slash < 0 ? "." : slash == 0 ? "/" : path[..slash];
        FileName = path[(slash + 1)..];
    }

    public string Path { get; }

    /// <summary>The directory holding the file ("." for the login directory).</summary>
    public string Directory { get; }

    public string FileName { get; }

    /// <summary>The prefix of this run's and earlier runs' temp files: ".authorized_keys.nvt-".</summary>
    private string TempPrefix => $".{FileName}.nvt-";

    /// <summary>The file's bytes; empty when it does not exist. A directory (or a device...) there is refused.</summary>
    public byte[] Read()
    {
        if (!sftp.Exists(Path))
        {
            return [];
        }

        var attributes = sftp.GetAttributes(Path);
        if (attributes.IsDirectory)
        {
            throw new KeyCopyException(
                $"{Path} on {hostName} is a directory, so sshd can read no key from it; move it aside on the server (mv {Path} {Path}.dir) and try again");
        }

        if (!attributes.IsRegularFile)
        {
            throw new KeyCopyException($"{Path} on {hostName} is not a regular file, so sshd can read no key from it; move it aside and try again");
        }

        return sftp.ReadAllBytes(Path);
    }

    /// <summary>True when the file itself is a symbolic link (GetAttributes follows links; directory listings do not).</summary>
    public bool IsLink() =>
        sftp.Exists(Directory) && sftp.ListDirectory(Directory).Any(entry => entry.Name == FileName && entry.IsSymbolicLink);

    /// <summary>
    /// Creates each missing directory of the path with mode 0700, as `mkdir -p` under umask 077 would; directories that
    /// exist keep their modes (~/.ssh may be shared on purpose).
    /// </summary>
    public void EnsureDirectory()
    {
        if (Directory is "." or "/")
        {
            return;
        }

        string built = Directory.StartsWith('/') ? "" : ".";
        foreach (string part in Directory.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            built = built.Length == 0 ? "/" + part : built + "/" + part;
            if (!sftp.Exists(built))
            {
                sftp.CreateDirectory(built);
                sftp.ChangePermissions(built, 700);
            }
        }
    }

    /// <summary>
    /// Writes the whole new file next to the old one (mode 0600 before any byte), then renames it over the old with
    /// posix-rename, so a copy cut off halfway leaves the old file intact. False, with nothing changed, when the file
    /// changed since it was read (someone else edited it meanwhile): the caller reads it again. Before the rename,
    /// temp files of earlier runs that were cut off (a minute older than this one, by the server's clock) are removed.
    /// </summary>
    /// <returns>True when replaced; <paramref name="removedLeftovers"/> counts the old temp files removed.</returns>
    public bool Replace(byte[] expected, byte[] content, out int removedLeftovers)
    {
        removedLeftovers = 0;
        string temp = Join(TempPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        try
        {
            using (var stream = sftp.Open(temp, FileMode.CreateNew, FileAccess.Write))
            {
                sftp.ChangePermissions(temp, 600);
                stream.Write(content);
            }

            removedLeftovers = RemoveLeftovers(temp);
            if (!Read().AsSpan().SequenceEqual(expected))
            {
                sftp.DeleteFile(temp);
                return false;
            }

            sftp.RenameFile(temp, Path, isPosix: true);
            return true;
        }
        catch (Exception e) when (e is SshException or IOException or NotSupportedException)
        {
            try
            {
                if (sftp.Exists(temp))
                {
                    sftp.DeleteFile(temp);
                }
            }
            catch (Exception cleanup) when (cleanup is SshException or IOException)
            {
                // The original error is what the user needs to see; a leftover temp file is removed by the next run.
            }

            if (e is NotSupportedException)
            {
                throw new KeyCopyException($"the SFTP server of {hostName} has no posix-rename, so {Path} cannot be replaced atomically (try --exec)", e);
            }

            throw new KeyCopyException(
                e is SftpPermissionDeniedException
                    ? $"could not write {Path} on {hostName}: permission denied in {Directory}"
                    : $"could not write {Path} on {hostName} (the SFTP server refused)",
                e);
        }
    }

    private int RemoveLeftovers(string current)
    {
        var now = sftp.GetAttributes(current).LastWriteTimeUtc;
        int removed = 0;
        foreach (var entry in sftp.ListDirectory(Directory))
        {
            if (entry.Name.StartsWith(TempPrefix, StringComparison.Ordinal) && entry.Name.Length == TempPrefix.Length + 12
                && entry.IsRegularFile && Join(entry.Name) != current && now - entry.LastWriteTimeUtc >= LeftoverAge)
            {
                sftp.DeleteFile(Join(entry.Name));
                removed++;
            }
        }

        return removed;
    }

    private string Join(string name) => Directory == "." ? name : Directory == "/" ? "/" + name : $"{Directory}/{name}";
}
