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
    /// <summary>Between group and key in <see cref="entries"/>: below every printable character, so sorting the
    /// combined keys ordinally sorts by group, then key, as KConfig's QMap of byte strings does.</summary>
    private const char Separator = '\u001f';

    // One flat string-to-string map rather than nested or sorted collections: every generic instantiation nvt's image
    // holds costs each start of nvt, `nvt add` included (ARCHITECTURE.md, start-up).
    private readonly Dictionary<string, string> entries = new(StringComparer.Ordinal);

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
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                ini.entries[group + Separator + line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return ini;
    }

    /// <summary>The raw value of <paramref name="key"/> in <paramref name="group"/>, or null.</summary>
    public string? Get(string group, string key) => entries.GetValueOrDefault(group + Separator + key);

    /// <summary>Sets a value, escaped as KConfig would write it.</summary>
    public void Set(string group, string key, string value) => entries[group + Separator + key] = Escape(value);

    /// <summary>Sets a value only when the group has none for the key.</summary>
    public void SetDefault(string group, string key, string value) => entries.TryAdd(group + Separator + key, Escape(value));

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
        string[] keys = [.. entries.Keys];
        Array.Sort(keys, StringComparer.Ordinal);
        var text = new StringBuilder();
        string? group = null;
        foreach (string combined in keys)
        {
            int separator = combined.IndexOf(Separator, StringComparison.Ordinal);
            string name = combined[..separator];
            if (name != group)
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                if (name.Length > 0)
                {
                    text.Append('[').Append(name).Append("]\n");
                }

                group = name;
            }

            text.Append(combined[(separator + 1)..]).Append('=').Append(entries[combined]).Append('\n');
        }

        return text.ToString();
    }
}
