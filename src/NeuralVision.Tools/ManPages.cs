using System.CommandLine;
using System.Globalization;
using System.Text;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools;

/// <summary>
/// The manual pages, written from the same command tree that `--help` prints, so the two cannot disagree: `nvt.1` (the
/// overview, environment, files and exit codes) and one page a command (`nvt-query.1`, `nvt-keys-gen.1`...), in the
/// man(7) macros that man-db and mandoc both read. install.sh runs `nvt [man] DIR` and installs what it writes.
/// </summary>
internal static class ManPages
{
    /// <summary>What the environment section lists: each variable nvt reads, with what it does.</summary>
    public static readonly IReadOnlyList<(string Name, string Meaning)> Environment =
    [
        ("NVT_DATA_DIR", "Directory of the database (default $XDG_DATA_HOME/nvt, else ~/.local/share/nvt)."),
        ("NVT_MAXAGE", "Total rank above which old entries are aged (default 10000)."),
        ("NVT_EXCLUDE_DIRS", "Colon-separated globs of directories never recorded nor returned (default: $HOME and /)."),
        ("NVT_RESOLVE_SYMLINKS", "1: store paths with symbolic links resolved."),
        ("NVT_IGNORE", "Commands whose arguments the --fasd hook never records (default \"nvt ls echo cd\")."),
        ("NVT_SHIFT", "Command prefixes the --fasd hook skips to reach the real command (default \"sudo busybox\")."),
        ("NVT_FZF_OPTS", "Options for fzf in zi and query --interactive (default: FZF_DEFAULT_OPTS and nvt's own)."),
        ("NVT_DOCTOR", "0: do not warn when the shell hook has gone missing."),
        ("NVT_CONFIG", "The configuration file of nvt ssh and nvt profiles (default $XDG_CONFIG_HOME/nvt/config.toml)."),
        ("NVT_RESTORE_MARKER", "Set by the shell integration: where nvt ssh notes the look to restore if it is killed (see nvt profiles restore)."),
        ("NVT_DEBUG", "1: print stack traces, and say what the silent nvt add skipped."),
    ];

    /// <summary>The exit statuses the overview page lists.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> ExitStatuses =
    [
        (ExitCodes.Ok, "Success."),
        (ExitCodes.NoMatch, "No match (query), a malformed import file, a key that was not installed or that the server ignores (keys copy, keys setup), a profile that exists already (profiles create without --force), or another machine's state that could not be merged (sync: a state file cut short, damaged or from a newer nvt; no nvt on the remote)."),
        (ExitCodes.Error, "Bad usage, bad configuration, an unusable database, or a failure nvt could not work around."),
        (ExitCodes.CommandNotFound, "The program to run was not found (query --exec, ssh)."),
        (ExitCodes.Interrupted, "Interrupted (Ctrl-C)."),
    ];

    /// <summary>Writes every page into <paramref name="directory"/> (created if needed); returns the file names.</summary>
    public static IReadOnlyList<string> Write(RootCommand root, string directory, string version, string date, IReadOnlyDictionary<string, string>? notes = null)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (name, text) in Render(root, version, date, notes))
        {
            File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));
            written.Add(name);
        }

        return written;
    }

    /// <summary>(file name, page text) for every page.</summary>
    public static IEnumerable<(string Name, string Text)> Render(RootCommand root, string version, string date, IReadOnlyDictionary<string, string>? notes = null)
    {
        yield return ("nvt.1", Overview(root, version, date));
        foreach (var (path, command) in Commands(root, []))
        {
            string? note = notes is not null && notes.TryGetValue(string.Join(' ', path), out string? text) ? text : null;
            yield return ($"nvt-{string.Join('-', path)}.1", CommandPage(path, command, version, date, note));
        }
    }

    /// <summary>Every visible command below the root with the names that lead to it, depth first.</summary>
    public static IEnumerable<(IReadOnlyList<string> Path, Command Command)> Commands(Command parent, IReadOnlyList<string> path)
    {
        foreach (var command in parent.Subcommands.Where(command => !command.Hidden))
        {
            var here = path.Append(command.Name).ToList();
            yield return (here, command);
            foreach (var nested in Commands(command, here))
            {
                yield return nested;
            }
        }
    }

    private static string Overview(RootCommand root, string version, string date)
    {
        var page = new StringBuilder();
        Header(page, "NVT", version, date);
        page.Append(".SH NAME\nnvt \\- ").Append(Escape(root.Description ?? "")).Append('\n');
        page.Append(".SH SYNOPSIS\n.B nvt\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n");
        page.Append(".br\n.B nvt \\-\\-help\n.br\n.B nvt \\-\\-version\n");
        page.Append(".SH DESCRIPTION\n");
        page.Append("One native binary for three habits: a directory jumper that records every directory you visit with its ");
        page.Append("frecency (frequency and recency) and jumps to the best match for a few keywords (\\fBz\\fR, set up by ");
        page.Append("\\fBnvt init\\fR); \\fBnvt ssh\\fR, which switches the Konsole tab to a per-host profile while ssh runs; ");
        page.Append("and \\fBnvt keys\\fR, which writes OpenSSH keys and installs them on servers.\n");
        page.Append(".PP\nEach command has its own page, and \\fBnvt \\fICOMMAND\\fB \\-\\-help\\fR prints the same options.\n");
        page.Append(".SH COMMANDS\n");
        foreach (var (path, command) in Commands(root, []))
        {
            page.Append(".TP\n.B nvt ").Append(Escape(string.Join(' ', path))).Append('\n');
            page.Append(Escape(command.Description ?? "")).Append(" See \\fBnvt\\-").Append(Escape(string.Join('-', path))).Append("\\fR(1).\n");
        }

        page.Append(".SH ENVIRONMENT\n");
        foreach (var (name, meaning) in Environment)
        {
            page.Append(".TP\n.B ").Append(name).Append('\n').Append(Escape(meaning)).Append('\n');
        }

        page.Append(".SH FILES\n");
        page.Append(".TP\n.I ~/.local/share/nvt/nvt.db\nThe database of visited directories (see \\fBNVT_DATA_DIR\\fR).\n");
        page.Append(".TP\n.I ~/.config/nvt/config.toml\nThe configuration of \\fBnvt ssh\\fR (see \\fBNVT_CONFIG\\fR).\n");
        page.Append(".SH EXIT STATUS\n");
        foreach (var (code, meaning) in ExitStatuses)
        {
            page.Append(".TP\n.B ").Append(code.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(Escape(meaning)).Append('\n');
        }

        page.Append(".SH EXAMPLES\n.nf\n");
        page.Append("eval \"$(nvt init bash)\"     # in ~/.bashrc\n");
        page.Append("z neural                    # jump to the best match\n");
        page.Append("nvt ssh puffin              # ssh with the host's Konsole profile\n");
        page.Append("nvt keys gen && nvt keys copy user@host\n.fi\n");
        page.Append(".SH SEE ALSO\n");
        page.Append(string.Join(",\n", Commands(root, []).Select(entry => $"\\fBnvt\\-{Escape(string.Join('-', entry.Path))}\\fR(1)")));
        page.Append(",\n\\fBzoxide\\fR(1), \\fBfasd\\fR(1), \\fBssh\\fR(1), \\fBssh\\-keygen\\fR(1), \\fBssh\\-copy\\-id\\fR(1)\n");
        return page.ToString();
    }

    private static string CommandPage(IReadOnlyList<string> path, Command command, string version, string date, string? notes)
    {
        string name = "nvt-" + string.Join('-', path);
        var page = new StringBuilder();
        Header(page, name.ToUpperInvariant(), version, date);
        page.Append(".SH NAME\n").Append(Escape(name)).Append(" \\- ").Append(Escape(command.Description ?? "")).Append('\n');
        page.Append(".SH SYNOPSIS\n.B nvt ").Append(Escape(string.Join(' ', path))).Append('\n');
        var options = VisibleOptions(command).ToList();
        if (command.Subcommands.Any(sub => !sub.Hidden))
        {
            page.Append(".I COMMAND\n");
        }

        if (options.Count > 0)
        {
            page.Append("[\\fIOPTIONS\\fR]\n");
        }

        foreach (var argument in command.Arguments.Where(argument => !argument.Hidden))
        {
            bool optional = argument.Arity.MinimumNumberOfValues == 0;
            bool many = argument.Arity.MaximumNumberOfValues > 1;
            page.Append(optional ? "[" : "").Append("\\fI").Append(Escape(argument.Name)).Append("\\fR")
                .Append(many ? "..." : "").Append(optional ? "]" : "").Append('\n');
        }

        page.Append(".SH DESCRIPTION\n").Append(Escape(command.Description ?? "")).Append(".\n");
        var subcommands = command.Subcommands.Where(sub => !sub.Hidden).ToList();
        if (subcommands.Count > 0)
        {
            page.Append(".SH COMMANDS\n");
            foreach (var sub in subcommands)
            {
                page.Append(".TP\n.B nvt ").Append(Escape(string.Join(' ', path.Append(sub.Name)))).Append('\n')
                    .Append(Escape(sub.Description ?? "")).Append(" See \\fBnvt\\-").Append(Escape(string.Join('-', path.Append(sub.Name)))).Append("\\fR(1).\n");
            }
        }

        var arguments = command.Arguments.Where(argument => !argument.Hidden).ToList();
        if (arguments.Count > 0)
        {
            page.Append(".SH ARGUMENTS\n");
            foreach (var argument in arguments)
            {
                page.Append(".TP\n.I ").Append(Escape(argument.Name)).Append('\n').Append(Escape(argument.Description ?? "")).Append('\n');
            }
        }

        if (options.Count > 0)
        {
            page.Append(".SH OPTIONS\n");
            foreach (var option in options)
            {
                page.Append(".TP\n").Append(OptionTerm(option)).Append('\n').Append(Escape(option.Description ?? "")).Append('\n');
            }
        }

        if (notes is not null)
        {
            // "Title:" then indented lines, as --help prints them: a section, and the lines kept as they are.
            string[] lines = notes.TrimEnd('\n').Split('\n');
            page.Append(".SH ").Append(Escape(lines[0].TrimEnd(':').ToUpperInvariant())).Append("\n.nf\n");
            foreach (string line in lines.Skip(1))
            {
                page.Append(Escape(line.Trim())).Append('\n');
            }

            page.Append(".fi\n");
        }

        page.Append(".SH SEE ALSO\n\\fBnvt\\fR(1)\n");
        return page.ToString();
    }

    /// <summary>The options a user can give: the command's own and the recursive ones (--help), without hidden ones.</summary>
    public static IEnumerable<Option> VisibleOptions(Command command) =>
        command.Options.Where(option => !option.Hidden);

    /// <summary>"\fB\-l\fR, \fB\-\-list\fR" or "\fB\-\-exclude\fR \fIPATH\fR": short names first, as --help shows them.</summary>
    private static string OptionTerm(Option option)
    {
        var names = option.Aliases.Append(option.Name).Distinct().OrderBy(name => name.StartsWith("--", StringComparison.Ordinal) ? 1 : 0).ThenBy(name => name, StringComparer.Ordinal);
        string term = string.Join(", ", names.Select(name => "\\fB" + Escape(name) + "\\fR"));
        bool takesValue = option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);
        if (takesValue)
        {
            term += " \\fI" + Escape(option.HelpName ?? "VALUE") + "\\fR";
        }

        return term;
    }

    /// <param name="date">The version's date, not today's: the pages of one version are the same bytes whenever they are
    /// written, so a reinstall changes nothing.</param>
    private static void Header(StringBuilder page, string title, string version, string date)
    {
        page.Append(".\\\" Written by `nvt [man]` from nvt's command tree; edit the descriptions in the source, not this file.\n");
        page.Append(".TH ").Append(title).Append(" 1 ").Append(date).Append(" \"nvt ").Append(Escape(version)).Append("\" \"nvt manual\"\n");
    }

    /// <summary>Text as roff reads it back: backslashes and hyphens escaped, no line starting with a control character.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\e",
                '-' => "\\-",
                '\n' => " ",
                _ => c.ToString(),
            });
        }

        string result = escaped.ToString();
        return result.StartsWith('.') || result.StartsWith('\'') ? "\\&" + result : result;
    }
}
