using System.Globalization;
using System.Text;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Native;
using NeuralVision.Tools.Platform.OpenSsh;

namespace NeuralVision.Tools.Keys.Setup;

/// <summary>
/// An ssh_config file as `keys setup` edits it: every byte kept, one Host block inserted. The block goes before the
/// first Host or Match line (and the comment lines right above it), because ssh takes the first value it meets for a
/// keyword: a block after `Host *` would lose to its defaults. Without Host or Match lines it goes at the end.
/// </summary>
public sealed class SshConfigFile
{
    /// <summary>No ssh_config is that large; the cap keeps a FIFO or /dev/zero named config from blocking or filling memory.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    private readonly byte[] content;
    private readonly List<(int Start, string Text)> lines = [];

    private SshConfigFile(string path, byte[] content)
    {
        Path = path;
        this.content = content;
        int start = 0;
        while (start < content.Length)
        {
            int newline = Array.IndexOf(content, (byte)'\n', start);
            int end = newline < 0 ? content.Length : newline + 1;
            lines.Add((start, Encoding.UTF8.GetString(content, start, end - start).TrimEnd('\n', '\r')));
            start = end;
        }
    }

    public string Path { get; }

    public bool Exists => content.Length > 0;

    public byte[] Content => content;

    /// <summary>The file; empty when it does not exist yet.</summary>
    /// <exception cref="SetupException">It exists but is not a regular file, or cannot be read.</exception>
    public static SshConfigFile Load(string path)
    {
        // A link is followed (a dotfile manager's) only to a file of nvt's own user: root's nvt with a HOME where
        // someone planted ~/.ssh/config -> /etc/something must not rewrite that file.
        if (LibC.Stat(path, followLinks: false) is { } link && (link.Mode & 0xF000) == 0xA000
            && LibC.Stat(path, followLinks: true) is { } target && target.Owner != LibC.EffectiveUserId())
        {
            throw new SetupException($"{path} is a symbolic link to {LibC.RealPath(path) ?? "?"}, which belongs to user id {target.Owner}, not to you; nvt does not write through it");
        }

        try
        {
            return new SshConfigFile(path, RegularFile.ReadIfExists(path, MaxFileBytes) ?? []);
        }
        catch (FileReadException e)
        {
            throw new SetupException(e.Message, e);
        }
    }

    /// <summary>
    /// The first Host or Match line that applies to <paramref name="name"/> other than a catch-all (`Host *`,
    /// `Match all`), as "LINE: TEXT"; null when none does. A Match line counts when its host or originalhost
    /// criterion matches (its other criteria are not evaluated).
    /// </summary>
    public (int Line, string Text)? CoveringBlock(string name)
    {
        for (int index = 0; index < lines.Count; index++)
        {
            var (keyword, arguments) = Split(lines[index].Text);
            bool covers = keyword switch
            {
                "host" => Covers(arguments, name),
                "match" => MatchCovers(arguments, name),
                _ => false,
            };
            if (covers)
            {
                return (index + 1, lines[index].Text.Trim());
            }
        }

        return null;
    }

    /// <summary>True when the block starting at <paramref name="line"/> (1-based) is <paramref name="block"/>, keyword case and spacing aside.</summary>
    public bool HoldsBlockAt(int line, HostBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        string[] expected = block.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < expected.Length; i++)
        {
            int index = line - 1 + i;
            if (index >= lines.Count || !Normalised(lines[index].Text).Equals(Normalised(expected[i]), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // The block ends there: nothing but comments, blank lines, Host, Match or the end of the file follows.
        int next = line - 1 + expected.Length;
        return next >= lines.Count || Split(lines[next].Text).Keyword is "" or "host" or "match";
    }

    /// <summary>The file's bytes with <paramref name="block"/> inserted, everything else unchanged.</summary>
    public byte[] WithBlock(HostBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        byte[] text = Encoding.UTF8.GetBytes(block.Text());
        int first = -1;
        for (int index = 0; index < lines.Count && first < 0; index++)
        {
            first = Split(lines[index].Text).Keyword is "host" or "match" ? index : -1;
        }

        if (first < 0)
        {
            // At the end, after a newline if the last line lacks one, and a blank line after other settings.
            var result = new List<byte>(content);
            if (result.Count > 0 && result[^1] != '\n')
            {
                result.Add((byte)'\n');
            }

            if (result.Count > 0 && !(result.Count >= 2 && result[^2] == '\n'))
            {
                result.Add((byte)'\n');
            }

            result.AddRange(text);
            return [.. result];
        }

        int at = first;
        while (at > 0 && lines[at - 1].Text.TrimStart().StartsWith('#'))
        {
            at--;
        }

        int offset = lines[at].Start;
        return [.. content.AsSpan(0, offset), .. text, (byte)'\n', .. content.AsSpan(offset)];
    }

    /// <summary>ssh_config's keyword (lower case) and its arguments: "Keyword args", "Keyword=args" or "Keyword = args".</summary>
    private static (string Keyword, string Arguments) Split(string line)
    {
        string text = line.Trim();
        if (text.Length == 0 || text[0] == '#')
        {
            return ("", "");
        }

        int end = text.IndexOfAny([' ', '\t', '=']);
        if (end < 0)
        {
            return (text.ToLowerInvariant(), "");
        }

        string rest = text[end..].TrimStart(' ', '\t');
        if (rest.StartsWith('='))
        {
            rest = rest[1..].TrimStart(' ', '\t');
        }

        return (text[..end].ToLowerInvariant(), rest);
    }

    /// <summary>A Host line's patterns: a negated match rejects the line; a positive one other than `*` covers the name.</summary>
    private static bool Covers(string patterns, string name)
    {
        bool covered = false;
        foreach (string raw in Words(patterns))
        {
            bool negated = raw.StartsWith('!');
            string pattern = negated ? raw[1..] : raw;
            if (HostPattern.IsMatch(pattern, name))
            {
                if (negated)
                {
                    return false;
                }

                covered |= pattern.AsSpan().IndexOfAnyExcept("*?") >= 0;
            }
        }

        return covered;
    }

    private static bool MatchCovers(string criteria, string name)
    {
        string[] words = [.. Words(criteria)];
        for (int i = 0; i + 1 < words.Length; i++)
        {
            if (words[i].ToLowerInvariant() is "host" or "originalhost")
            {
                return Covers(words[i + 1].Replace(',', ' '), name);
            }
        }

        return false;
    }

    /// <summary>Blank-separated words; double quotes group a word with blanks in it, as ssh_config's argv splitting does.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is ' ' or '\t')
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static string Normalised(string line) =>
        string.Join(' ', line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToString(CultureInfo.InvariantCulture);
}
