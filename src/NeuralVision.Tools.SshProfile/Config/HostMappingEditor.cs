using System.Text;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Settings;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace NeuralVision.Tools.SshProfile.Config;

/// <summary>
/// Adds <c>"PATTERN" = "PROFILE"</c> to <c>[ssh.profiles]</c> of the configuration file (`nvt profiles create
/// --host`) by inserting one line into the text, so every other line, comment and blank stays as the user wrote it.
/// Tomlyn's syntax tree (lossless, with positions) says where the table's last entry ends. A file that does not parse
/// is never rewritten, and the new text is parsed again before it is written, so an edit that would change what
/// anything else means is refused instead.
/// </summary>
public static class HostMappingEditor
{
    /// <summary>
    /// Reads the file (a missing file is empty) and works out its new text. <paramref name="replace"/> allows changing
    /// the profile of a pattern that maps to another one.
    /// </summary>
    /// <exception cref="ConfigException">The file cannot be read or does not parse, or the mapping cannot be added.</exception>
    public static HostMappingEdit Prepare(string path, string pattern, string profile, bool replace)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(profile);
        if (pattern.Length == 0 || pattern.Any(char.IsControl))
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

        // Tomlyn's typed reader lets some errors through (a table defined twice); its validating parser does not.
        var document = SyntaxParser.Parse(text, path, true);
        if (document.HasErrors)
        {
            throw new ConfigException($"{document.Diagnostics.First()} (the file does not parse, so --host did not change it)");
        }

        string line = Quote(pattern) + " = " + Quote(profile);
        string newText = current is not null ? ReplaceValue(text, document, pattern, profile) : Insert(text, document, line);
        if (SyntaxParser.Parse(newText, path, true).HasErrors || NvtConfigFile.Parse(newText, path).Ssh?.Profiles?.GetValueOrDefault(pattern) != profile)
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

    /// <summary>After the last entry of [ssh.profiles] (or its header), or a new table at the end of the file.</summary>
    private static string Insert(string text, DocumentSyntax document, string line)
    {
        if (FindTable(document) is not TableSyntax table)
        {
            string separator = text.Length == 0 ? "" : text.EndsWith('\n') ? "\n" : "\n\n";
            return text + separator + "[ssh.profiles]\n" + line + "\n";
        }

        var last = table.Items.ChildrenCount > 0 ? (SyntaxNode)table.Items.GetChild(table.Items.ChildrenCount - 1)! : table;
        int end = last.Span.Offset + last.Span.Length;
        // The last line of a file may have no newline of its own.
        string before = end > 0 && text[end - 1] != '\n' ? "\n" : "";
        return text[..end] + before + line + "\n" + text[end..];
    }

    private static string ReplaceValue(string text, DocumentSyntax document, string pattern, string profile)
    {
        foreach (var entry in FindTable(document)?.Items ?? [])
        {
            if (entry.Key is { DotKeys.ChildrenCount: 0 } key && KeyText(key.Key) == pattern && entry.Value is { } value)
            {
                return text[..value.Span.Offset] + Quote(profile) + text[(value.Span.Offset + value.Span.Length)..];
            }
        }

        return text;
    }

    /// <summary>The <c>[ssh.profiles]</c> table however it is spelled (<c>[ ssh . "profiles" ]</c> too).</summary>
    private static TableSyntax? FindTable(DocumentSyntax document)
    {
        foreach (var table in document.Tables)
        {
            if (table is TableSyntax { Name: { DotKeys.ChildrenCount: 1 } name }
                && KeyText(name.Key) == "ssh" && KeyText(name.DotKeys.GetChild(0)!.Key) == "profiles")
            {
                return (TableSyntax)table;
            }
        }

        return null;
    }

    private static string? KeyText(SyntaxNode? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text,
        StringValueSyntax quoted => quoted.Value,
        _ => null,
    };

    /// <summary>A TOML basic string.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
