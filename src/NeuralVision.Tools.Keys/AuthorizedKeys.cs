using System.Text;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// The content of an authorized_keys file, as sshd reads it: one key per line, optionally after options such as
/// <c>command="…" </c> (which may hold quoted spaces). Two lines name the same key when type and key blob are equal;
/// options and comments do not matter, as they do not to sshd.
/// </summary>
public static class AuthorizedKeys
{
    /// <summary>True when a line of <paramref name="content"/> holds <paramref name="key"/>.</summary>
    public static bool Contains(ReadOnlySpan<byte> content, SshPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (string line in Encoding.UTF8.GetString(content).Split('\n'))
        {
            if (KeyOf(line) is byte[] blob && blob.AsSpan().SequenceEqual(key.Blob))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The new content: the existing bytes unchanged, a newline when they do not end with one (so the new key does not
    /// run on from the last line), then <paramref name="keyLine"/> and a newline.
    /// </summary>
    public static byte[] Append(ReadOnlySpan<byte> existing, string keyLine)
    {
        ArgumentNullException.ThrowIfNull(keyLine);
        var result = new List<byte>(existing.Length + keyLine.Length + 2);
        result.AddRange(existing);
        if (existing.Length > 0 && existing[^1] != (byte)'\n')
        {
            result.Add((byte)'\n');
        }

        result.AddRange(Encoding.UTF8.GetBytes(keyLine));
        result.Add((byte)'\n');
        return [.. result];
    }

    /// <summary>The key blob a line names; null for blank, comment and unreadable lines (sshd skips those too).</summary>
    public static byte[]? KeyOf(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string text = line.Trim(' ', '\t', '\r');
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        return ParseKey(text) ?? ParseKey(SkipOptions(text));
    }

    private static byte[]? ParseKey(string text)
    {
        string[] fields = text.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
        {
            return null;
        }

        try
        {
            byte[] blob = Convert.FromBase64String(fields[1]);
            return new SshWireReader(blob).ReadText() == fields[0] ? blob : null;
        }
        catch (Exception e) when (e is FormatException or KeyFormatException)
        {
            return null;
        }
    }

    /// <summary>What follows the options field: sshd ends it at the first blank outside double quotes.</summary>
    private static string SkipOptions(string text)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && quoted && i + 1 < text.Length && text[i + 1] == '"')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == ' ' || c == '\t'))
            {
                return text[i..].TrimStart(' ', '\t');
            }
        }

        return "";
    }
}
