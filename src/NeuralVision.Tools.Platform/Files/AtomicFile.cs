using System.Security.Cryptography;

namespace NeuralVision.Tools.Platform.Files;

/// <summary>
/// Writes a file so that its final name only ever holds complete content: a temp file in the same directory (same file
/// system, so rename(2) is atomic), created with its final mode from the first byte, synced, then renamed over the
/// target. On any failure the temp file is removed and the target is untouched.
/// </summary>
public static class AtomicFile
{
    /// <param name="writeContent">Writes the content; tests pass one that throws halfway to simulate a failure.</param>
    public static void Write(string path, UnixFileMode mode, Action<FileStream> writeContent)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.nvt-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}");
        try
        {
            // UnixCreateMode goes to open(2), so the key is never readable by others, not even for an instant.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode };
            using (var stream = new FileStream(temp, options))
            {
                // The umask may have taken bits away (a .pub under umask 077); the mode is what the caller asked for.
                File.SetUnixFileMode(stream.SafeFileHandle, mode);
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static void WriteAllBytes(string path, UnixFileMode mode, byte[] content) =>
        Write(path, mode, stream => stream.Write(content));
}
