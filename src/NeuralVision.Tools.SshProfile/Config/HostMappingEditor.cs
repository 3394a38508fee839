using System.Text;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.SshProfile.Config;

/// <summary>
/// Adds <c>"PATTERN" = "PROFILE"</c> to <c>[ssh.profiles]</c> of the configuration file (`nvt profiles create
/// --host`) by inserting one line into the text, so every other line, comment and blank stays as the user wrote it. A
/// file that does not parse is never rewritten, and the new text is parsed again before it is written: an edit that
/// would not give exactly the new mapping (a table written in a form this line editor does not know, such as an inline
/// table) is refused instead. Lines, not Tomlyn's syntax tree: its types would cost every start of nvt.
/// </summary>
public static class HostMappingEditor
{
    private const string Header = "[ssh.profiles]";

    /// <summary>
    /// Reads the file (a missing file is empty) and works out its new text. <paramref name="replace"/> allows changing
    /// the profile of a pattern that maps to another one.
    /// </summary>
    /// <exception cref="ConfigException">The file cannot be read or does not parse, or the mapping cannot be added.</exception>
    public static HostMappingEdit Prepare(string path, string pattern, string profile, bool replace)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(profile);
        if (pattern.Length == 0 || HasControl(pattern))
        {
            throw new ConfigException("--host needs a host pattern without control characters (e.g. 'puffin' or '*.prod.example.com')");
        }

        string text = Read(path);
        SshConfig? before;
        try
        {
            before = NvtConfigFile.Parse(text, path).Ssh;
        }
        catch (ConfigException e)
        {
            throw new ConfigException($"{e.Message} (the file does not parse, so --host did not change it)");
        }

        string? current = before?.Profiles?.GetValueOrDefault(pattern);
        if (current == profile)
        {
            return new HostMappingEdit(path, null, null);
        }

        if (current is not null && !replace)
        {
            throw new ConfigException($"{path} maps \"{pattern}\" to '{current}' already (--force changes it to '{profile}')");
        }

        string line = Quote(pattern) + " = " + Quote(profile);
        string? newText = Edit(text, pattern, profile, line, current is not null, before?.Profiles is not null);
        if (newText is null || !MapsTo(newText, path, pattern, profile, before))
        {
            throw new ConfigException($"{path} was not changed: its [ssh.profiles] is written in a form nvt does not edit; add the line {line} yourself");
        }

        return new HostMappingEdit(path, newText, current);
    }

    /// <summary>
    /// Writes the edit atomically, with the file's mode kept (0644 for a new file). A symbolic link (a dotfiles
    /// repository) is followed, so the link stays and its target changes.
    /// </summary>
    public static void Apply(HostMappingEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (edit.NewText is null)
        {
            return;
        }

        string target = edit.Path;
        try
        {
            if (new FileInfo(target).LinkTarget is not null)
            {
                target = File.ResolveLinkTarget(target, returnFinalTarget: true)?.FullName ?? target;
            }

            var mode = File.Exists(target)
                ? File.GetUnixFileMode(target)
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            AtomicFile.WriteAllBytes(target, mode, Encoding.UTF8.GetBytes(edit.NewText));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot write {target}: {e.Message}");
        }
    }

    /// <summary>
    /// The text with <paramref name="line"/> after the last entry of [ssh.profiles] (or after its header, or as a new
    /// table at the end), or with the value on the pattern's own line replaced; null when the file's mappings are not
    /// in an [ssh.profiles] table (an inline table, dotted keys), or the pattern's line cannot be found.
    /// </summary>
    private static string? Edit(string text, string pattern, string profile, string line, bool replaceExisting, bool hasMappings)
    {
        var lines = new List<string>(text.Split('\n'));
        int header = -1;
        for (int i = 0; i < lines.Count && header < 0; i++)
        {
            header = IsProfilesHeader(lines[i]) ? i : -1;
        }

        if (header < 0)
        {
            if (hasMappings)
            {
                return null;
            }

            string separator = text.Length == 0 ? "" : text.EndsWith('\n') ? "\n" : "\n\n";
            return text + separator + Header + "\n" + line + "\n";
        }

        int insertAfter = header;
        for (int i = header + 1; i < lines.Count && !lines[i].TrimStart().StartsWith('['); i++)
        {
            string trimmed = lines[i].Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            if (replaceExisting && KeyOf(trimmed) == pattern)
            {
                return ReplaceValue(lines, i, profile);
            }

            insertAfter = i;
        }

        if (replaceExisting)
        {
            return null;
        }

        lines.Insert(insertAfter + 1, line);
        string joined = string.Join('\n', lines);
        // The last line of a file may have had no newline of its own.
        return joined.EndsWith('\n') ? joined : joined + "\n";
    }

    /// <summary>Line <paramref name="index"/> with its quoted value replaced, the key as written and any comment kept.</summary>
    private static string? ReplaceValue(List<string> lines, int index, string profile)
    {
        string line = lines[index];
        int comment = CommentStart(line);
        string body = comment < 0 ? line : line[..comment];
        int equals = ValueEquals(body);
        if (equals < 0)
        {
            return null;
        }

        int start = equals + 1;
        while (start < body.Length && body[start] is ' ' or '\t')
        {
            start++;
        }

        int end = body.TrimEnd().Length;
        lines[index] = line[..start] + Quote(profile) + line[end..];
        return string.Join('\n', lines);
    }

    /// <summary>The new text parses, maps the pattern to the profile, and means the same as before for everything else.</summary>
    private static bool MapsTo(string newText, string path, string pattern, string profile, SshConfig? before)
    {
        SshConfig? after;
        try
        {
            after = NvtConfigFile.Parse(newText, path).Ssh;
        }
        catch (ConfigException)
        {
            return false;
        }

        if (after?.Profiles?.GetValueOrDefault(pattern) != profile
            || after.Profiles.Count != (before?.Profiles?.Count ?? 0) + (before?.Profiles?.ContainsKey(pattern) == true ? 0 : 1)
            || after.DefaultProfile != before?.DefaultProfile
            || after.AutoBackground != (before?.AutoBackground ?? false)
            || after.Backgrounds?.Count != before?.Backgrounds?.Count)
        {
            return false;
        }

        foreach (var (key, value) in before?.Profiles ?? [])
        {
            if (key != pattern && after.Profiles.GetValueOrDefault(key) != value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>[ssh.profiles]</c> however it is spaced or quoted (<c>[ ssh . "profiles" ]</c>), with a comment after.</summary>
    private static bool IsProfilesHeader(string line)
    {
        int comment = CommentStart(line);
        string header = (comment < 0 ? line : line[..comment]).Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        return header is Header or "[\"ssh\".profiles]" or "[ssh.\"profiles\"]" or "[\"ssh\".\"profiles\"]";
    }

    /// <summary>The key of a <c>key = value</c> line: bare, "basic" (with \" and \\ escapes) or 'literal'; null otherwise.</summary>
    private static string? KeyOf(string line)
    {
        if (line[0] is '"' or '\'')
        {
            var key = new StringBuilder();
            for (int i = 1; i < line.Length; i++)
            {
                if (line[i] == line[0])
                {
                    return key.ToString();
                }

                if (line[0] == '"' && line[i] == '\\' && i + 1 < line.Length)
                {
                    i++;
                }

                key.Append(line[i]);
            }

            return null;
        }

        int equals = line.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? line[..equals].Trim() : null;
    }

    /// <summary>Where a comment starts, outside quotes; -1 for none.</summary>
    private static int CommentStart(string line) => FirstOutsideQuotes(line, '#');

    /// <summary>The '=' between key and value: the first one outside quotes.</summary>
    private static int ValueEquals(string body) => FirstOutsideQuotes(body, '=');

    /// <summary>The first <paramref name="wanted"/> outside "basic" (with \" escapes) and 'literal' strings; -1 for none.</summary>
    private static int FirstOutsideQuotes(string line, char wanted)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasControl(string text)
    {
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>A TOML basic string.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
