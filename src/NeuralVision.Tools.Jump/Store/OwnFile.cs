using Microsoft.Win32.SafeHandles;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Opens a file of nvt's own in its data directory (the journal, the old pending-visits file) so that a planted file
/// cannot redirect it: never through a symbolic link (O_NOFOLLOW), never blocking on a FIFO (O_NONBLOCK), and only a
/// regular file owned by the effective user with one link. Root's nvt run with a user's HOME (`sudo -E`) therefore
/// leaves the user's files alone instead of writing wherever a link points.
/// </summary>
internal static class OwnFile
{
    public const int PrivateMode = 0x180; // 0600

    /// <summary>The open file and its status; null when it is missing or fails a check (<paramref name="problem"/> says which).</summary>
    public static (SafeFileHandle Handle, FileStatus Status)? Open(string path, int flags, out string? problem)
    {
        problem = null;
        var handle = LibC.OpenNoFollowing(path, flags, PrivateMode, out int errno);
        if (handle is null)
        {
            problem = errno == LibC.NoSuchFile ? null : $"cannot open {path}: {LibC.ErrorText(errno)}";
            return null;
        }

        var status = LibC.Stat(handle);
        if (status is not { IsRegularFile: true } file || file.Owner != LibC.EffectiveUserId() || file.Links != 1)
        {
            handle.Dispose();
            problem = $"{path} is not a regular file of yours; left alone";
            return null;
        }

        return (handle, file);
    }

    /// <summary>Reads <paramref name="count"/> bytes from <paramref name="offset"/> (fewer at the end of the file).</summary>
    public static byte[] Read(SafeFileHandle handle, long offset, long count)
    {
        var bytes = new byte[Math.Max(0, count)];
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(read), offset + read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == bytes.Length ? bytes : bytes[..read];
    }
}
