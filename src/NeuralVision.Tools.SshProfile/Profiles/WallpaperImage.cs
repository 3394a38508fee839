using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>
/// Checks a wallpaper before its path goes into a colour scheme. Konsole says nothing about an image it cannot use
/// (missing, unreadable, not an image, a relative path: it silently shows the scheme's background colour), so nvt
/// checks what it can without an image library: that the file opens, that it starts as a PNG, JPEG, GIF or BMP does
/// (formats Qt reads on every Debian Konsole without extra plugins), and that a PNG or JPEG is not cut short.
/// </summary>
public static class WallpaperImage
{
    // Spans over constant data, not static arrays: every static field costs each nvt start (ARCHITECTURE.md).
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a];

    private static ReadOnlySpan<byte> PngEnd => [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xae, 0x42, 0x60, 0x82];

    /// <summary>The absolute path of a usable image; a usage error (exit 2) naming the file otherwise.</summary>
    public static string Check(string path, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path, currentDirectory);
        if (Directory.Exists(full))
        {
            throw new NvtException($"the image {full} is a directory");
        }

        byte[] head, tail;
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read);
            head = Read(stream, 0, 32);
            tail = Read(stream, Math.Max(0, stream.Length - 12), 12);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NvtException($"cannot read the image {full}: {e.Message}");
        }

        string? problem = Problem(head, tail);
        return problem is null ? full : throw new NvtException($"the image {full} {problem}");
    }

    private static string? Problem(byte[] head, byte[] tail)
    {
        if (head.Length == 0)
        {
            return "is empty";
        }

        if (head.AsSpan().StartsWith(PngSignature))
        {
            // IHDR: width and height, 4 bytes each, big-endian, after the 8-byte signature and the chunk's 8-byte header.
            bool sized = head.Length >= 24 && (head[16] | head[17] | head[18] | head[19]) != 0 && (head[20] | head[21] | head[22] | head[23]) != 0;
            return !sized ? "is not a valid PNG (no image size)" : !tail.AsSpan().SequenceEqual(PngEnd) ? "is a PNG that is cut short (no IEND)" : null;
        }

        if (head is [0xff, 0xd8, 0xff, ..])
        {
            return tail is [.., 0xff, 0xd9] ? null : "is a JPEG that is cut short (no end marker)";
        }

        if (head is [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] || head is [(byte)'B', (byte)'M', ..])
        {
            return null;
        }

        return "is not a PNG, JPEG, GIF or BMP image";
    }

    private static byte[] Read(FileStream stream, long offset, int count)
    {
        stream.Position = offset;
        var buffer = new byte[count];
        int total = 0;
        while (total < count && stream.Read(buffer, total, count - total) is int read and > 0)
        {
            total += read;
        }

        return buffer[..total];
    }
}
