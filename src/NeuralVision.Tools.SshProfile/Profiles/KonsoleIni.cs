using System.Text;

namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>
/// A KConfig file (.profile, .colorscheme, konsolerc): <c>[Group]</c> lines and <c>Key=Value</c> lines. Values read
/// from a file are kept as written (escapes and all), so copying a profile copies its bytes; values nvt sets are
/// escaped as KConfig escapes them. <see cref="ToString"/> writes what KConfig writes: groups and keys sorted, a blank
/// line between groups, none at the end (compared byte for byte with files Konsole 22.12 wrote).
/// </summary>
public sealed class KonsoleIni
{
    // SortedDictionary with ordinal order: KConfig keeps entries in a QMap of byte strings, so it writes them sorted.
    private readonly SortedDictionary<string, SortedDictionary<string, string>> groups = new(StringComparer.Ordinal);

    public static KonsoleIni Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ini = new KonsoleIni();
        string group = "";
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                group = line[1..^1];
                ini.Group(group);
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                ini.Group(group)[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return ini;
    }

    /// <summary>The raw value of <paramref name="key"/> in <paramref name="group"/>, or null.</summary>
    public string? Get(string group, string key) =>
        groups.TryGetValue(group, out var entries) && entries.TryGetValue(key, out string? value) ? value : null;

    /// <summary>Sets a value, escaped as KConfig would write it.</summary>
    public void Set(string group, string key, string value) => Group(group)[key] = Escape(value);

    /// <summary>Sets a value only when the group has none for the key.</summary>
    public void SetDefault(string group, string key, string value) => Group(group).TryAdd(key, Escape(value));

    /// <summary>
    /// KConfig's rules for a value: backslashes, newlines, tabs and carriage returns as escapes, and a leading or
    /// trailing space as <c>\s</c> (it trims unescaped ones when reading).
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                ' ' when i == 0 || i == value.Length - 1 => "\\s",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    /// <summary>The file as KConfig writes it: entries outside any group first, then the groups in order.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, entries) in groups)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            if (name.Length > 0)
            {
                text.Append('[').Append(name).Append("]\n");
            }

            foreach (var (key, value) in entries)
            {
                text.Append(key).Append('=').Append(value).Append('\n');
            }
        }

        return text.ToString();
    }

    private SortedDictionary<string, string> Group(string name)
    {
        if (!groups.TryGetValue(name, out var entries))
        {
            entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
            groups[name] = entries;
        }

        return entries;
    }
}
