using System.Text;

namespace NeuralVision.Tools.Sync;

/// <summary>
/// The remote's standard error, read while the sync runs so SSH.NET never buffers more than a little of it (a remote
/// that floods stderr must not fill this process's memory): the first 4 KiB are kept, the rest read and dropped.
/// </summary>
internal sealed class RemoteErrorText
{
    private const int Kept = 4096;

    private readonly byte[] kept = new byte[Kept];
    private int length;
    private readonly Task reading;

    public RemoteErrorText(Stream stderr)
    {
        reading = Task.Run(() => Drain(stderr));
    }

    /// <summary>The first line the remote printed (without a leading "nvt: "), waiting up to <paramref name="wait"/> for it.</summary>
    public string FirstLine(TimeSpan wait)
    {
        reading.Wait(wait);
        string text;
        lock (kept)
        {
            text = Encoding.UTF8.GetString(kept, 0, length);
        }

        string line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault("");
        return line.StartsWith("nvt: ", StringComparison.Ordinal) ? line[5..] : line;
    }

    public bool Contains(string marker)
    {
        lock (kept)
        {
            return Encoding.UTF8.GetString(kept, 0, length).Contains(marker, StringComparison.Ordinal);
        }
    }

    private void Drain(Stream stderr)
    {
        byte[] buffer = new byte[8192];
        try
        {
            int read;
            while ((read = stderr.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (kept)
                {
                    int taken = Math.Min(Kept - length, read);
                    buffer.AsSpan(0, taken).CopyTo(kept.AsSpan(length));
                    length += taken;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection closed: what was read is all there is.
        }
    }
}
