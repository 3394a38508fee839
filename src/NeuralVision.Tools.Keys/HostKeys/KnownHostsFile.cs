using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>
/// A parsed known_hosts file (OpenSSH sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"):
/// <c>[@cert-authority|@revoked ]PATTERNS KEYTYPE BASE64KEY [comment]</c> per line.
/// </summary>
public sealed class KnownHostsFile
{
    /// <summary>known_hosts files hold a line per host key; 32 MiB is some 200,000 of them.</summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;

    private KnownHostsFile(string path, IReadOnlyList<KnownHostsEntry> entries, IReadOnlyList<KnownHostsLineError> errors)
    {
        Path = path;
        Entries = entries;
        MalformedLines = errors;
    }

    public string Path { get; }

    /// <summary>The host key lines in file order; comments, blank and malformed lines are not among them.</summary>
    public IReadOnlyList<KnownHostsEntry> Entries { get; }

    /// <summary>Lines ssh would skip as invalid; nvt skips them too and only reports them.</summary>
    public IReadOnlyList<KnownHostsLineError> MalformedLines { get; }

    /// <param name="path">Only recorded, for messages: entries say which file and line they came from.</param>
    public static KnownHostsFile Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<KnownHostsEntry>();
        var errors = new List<KnownHostsLineError>();
        string[] lines = text.Split('\n');
        for (int index = 0; index < lines.Length; index++)
        {
            try
            {
                if (KnownHostsEntry.Parse(lines[index], path, index + 1) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (FormatException e)
            {
                errors.Add(new KnownHostsLineError(path, index + 1, e.Message));
            }
        }

        return new KnownHostsFile(path, entries, errors);
    }

    /// <summary>
    /// Reads and parses the file; null when it (or its directory) does not exist, which is the normal state of
    /// <c>/etc/ssh/ssh_known_hosts</c> and of a new user's <c>~/.ssh/known_hosts</c>. A file that exists but cannot be
    /// read throws (IOException or UnauthorizedAccessException), because the caller should say so.
    /// </summary>
    public static KnownHostsFile? Load(string path)
    {
        // A regular file only, and not without bound: a FIFO named known_hosts must not block `keys copy`.
        byte[]? content = RegularFile.ReadIfExists(path, MaxFileBytes);
        return content is null ? null : Parse(System.Text.Encoding.UTF8.GetString(content), path);
    }
}
