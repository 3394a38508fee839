using Microsoft.Win32.SafeHandles;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Platform.Files;

/// <summary>
/// Reads files that should be small text files (keys, authorized_keys, known_hosts, ssh_config) without trusting what
/// is at the path: a FIFO must not block nvt, /dev/zero must not fill its memory. The file is opened with O_NONBLOCK
/// (so opening a FIFO returns at once), checked with fstat to be a regular file (symbolic links are followed, as every
/// OpenSSH tool follows them), and read up to a size cap.
/// </summary>
public static class RegularFile
{
    /// <summary>The whole content of the regular file at <paramref name="path"/>, at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="FileReadException">Missing, unreadable, not a regular file, or larger than the cap.</exception>
    public static byte[] ReadAll(string path, int maxBytes)
    {
        using var handle = OpenRegular(path, out var status);
        if (status.Size > maxBytes)
        {
            throw TooLarge(path, maxBytes);
        }

        return ReadToEnd(handle, path, maxBytes, status.Size);
    }

    /// <summary>
    /// Standard input to its end, at most <paramref name="maxBytes"/> (a pipe, a file, a terminal: what the user gave
    /// on purpose, so any kind is read; an endless one such as /dev/zero stops at the cap).
    /// </summary>
    /// <exception cref="FileReadException">Larger than the cap, or unreadable.</exception>
    public static byte[] ReadStandardInput(int maxBytes)
    {
        using var handle = new SafeFileHandle(0, ownsHandle: false);
        return ReadToEnd(handle, "standard input", maxBytes, 0, seekable: false);
    }

    private static byte[] ReadToEnd(SafeFileHandle handle, string path, int maxBytes, long size, bool seekable = true)
    {
        // The size may change while nvt reads: read to the end, but never past the cap.
        var content = new MemoryStream((int)Math.Min(Math.Max(size, 0), maxBytes));
        using var stream = seekable ? null : new FileStream(handle, FileAccess.Read, 1);
        byte[] buffer = new byte[64 * 1024];
        long offset = 0;
        while (true)
        {
            int read;
            try
            {
                read = stream is null ? RandomAccess.Read(handle, buffer, offset) : stream.Read(buffer);
            }
            catch (IOException e)
            {
                throw new FileReadException(path, FileReadProblem.Unreadable, FileErrors.Describe(e));
            }

            if (read == 0)
            {
                return content.ToArray();
            }

            if (content.Length + read > maxBytes)
            {
                throw TooLarge(path, maxBytes);
            }

            content.Write(buffer, 0, read);
            offset += read;
        }
    }

    /// <summary>The first <paramref name="count"/> bytes (fewer when the file is shorter) of the regular file at <paramref name="path"/>.</summary>
    /// <exception cref="FileReadException">Missing, unreadable or not a regular file.</exception>
    public static byte[] ReadPrefix(string path, int count)
    {
        using var handle = OpenRegular(path, out _);
        byte[] buffer = new byte[count];
        int filled = 0;
        try
        {
            while (filled < count && RandomAccess.Read(handle, buffer.AsSpan(filled), filled) is int read and > 0)
            {
                filled += read;
            }
        }
        catch (IOException e)
        {
            throw new FileReadException(path, FileReadProblem.Unreadable, FileErrors.Describe(e));
        }

        return buffer[..filled];
    }

    /// <summary>As <see cref="ReadAll"/>, but null when nothing is at the path (ENOENT, also for a dangling link).</summary>
    public static byte[]? ReadIfExists(string path, int maxBytes)
    {
        try
        {
            return ReadAll(path, maxBytes);
        }
        catch (FileReadException e) when (e.Problem == FileReadProblem.Missing)
        {
            return null;
        }
    }

    /// <summary>"a directory", "a FIFO", ...: what a file is, for messages.</summary>
    public static string KindOf(FileStatus status) => (status.Mode & 0xF000) switch
    {
        0x8000 => "a regular file",
        0x4000 => "a directory",
        0x1000 => "a FIFO",
        0xC000 => "a socket",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xA000 => "a symbolic link",
        _ => "not a regular file",
    };

    /// <summary>Opens the file and checks with fstat that it is a regular file (the check and the read are on one descriptor).</summary>
    private static SafeFileHandle OpenRegular(string path, out FileStatus status)
    {
        ArgumentNullException.ThrowIfNull(path);
        var handle = Open(path);
        try
        {
            status = LibC.Stat(handle) ?? throw new FileReadException(path, FileReadProblem.Unreadable, "cannot be examined (fstat failed)");
            if (!status.IsRegularFile)
            {
                throw new FileReadException(path, FileReadProblem.NotRegular, $"is {KindOf(status)}, not a regular file");
            }

            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static SafeFileHandle Open(string path)
    {
        int descriptor = LibC.Open(path, LibC.OpenNonBlocking | LibC.OpenNoControllingTerminal | LibC.OpenCloseOnExec, 0);
        if (descriptor < 0)
        {
            int errno = LibC.LastError();
            var problem = errno switch
            {
                LibC.NoSuchFile => FileReadProblem.Missing,
                LibC.PermissionDenied => FileReadProblem.PermissionDenied,
                _ => FileReadProblem.Unreadable,
            };
            throw new FileReadException(path, problem, FileErrors.Describe(errno));
        }

        return new SafeFileHandle(descriptor, ownsHandle: true);
    }

    private static FileReadException TooLarge(string path, int maxBytes) =>
        new(path, FileReadProblem.TooLarge, $"is larger than {maxBytes / (1024 * 1024)} MiB, too large for what nvt reads there");
}
