using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Jump.Pickers;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>`nvt query`: the best match for the keywords, or every match with --list.</summary>
internal static class QueryCommand
{
    private static readonly Argument<string[]> Keywords = new("KEYWORDS")
    {
        Description = "Words that must appear in the path, in order; the last one in the last component",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<bool> List = new("--list", "-l") { Description = "Print every match, best first" };
    private static readonly Option<bool> Score = new("--score", "-s") { Description = "Print the score before each path" };
    private static readonly Option<string[]> Exclude = new("--exclude")
    {
        Description = "Never return this path (repeatable); the z function passes the current directory",
        HelpName = "PATH",
    };

    private static readonly Option<string?> BaseDir = new("--base-dir") { Description = "Only return paths at or below DIR", HelpName = "DIR" };
    private static readonly Option<bool> All = new("--all", "-a") { Description = "Include directories that no longer exist" };
    private static readonly Option<bool> Interactive = new("--interactive", "-i")
    {
        Description = "Choose among the matches with fzf, or from a numbered list when fzf is not installed",
    };

    private static readonly Option<bool> Dirs = new("--dirs", "-d") { Description = "Match directories (the default)" };
    private static readonly Option<bool> Files = new("--files", "-f") { Description = "Match files instead of directories" };
    private static readonly Option<bool> Any = new("--any") { Description = "Match files and directories" };
    private static readonly Option<bool> RankOnly = new("--rank", "-r") { Description = "Order by rank alone, ignoring when (fasd -r)" };
    private static readonly Option<bool> RecentOnly = new("--recent", "-t") { Description = "Order by last visit alone (fasd -t)" };
    private static readonly Option<bool> Reverse = new("--reverse", "-R") { Description = "List the best match last" };
    private static readonly Option<int> Nth = new("--nth", "-N")
    {
        Description = "Return the Nth best match instead of the best (1-based; fasd's -2, -3... work too)",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<string?> Exec = new("--exec", "-e")
    {
        Description = "Run CMD with the best match as its last argument; the exit status is CMD's",
        HelpName = "CMD",
    };

    public static Command Create(INvtContext context)
    {
        var command = new Command("query", "Print the directory that best matches the keywords")
        {
            Keywords, List, Score, Exclude, BaseDir, All, Interactive, Dirs, Files, Any, RankOnly, RecentOnly, Reverse, Nth, Exec,
        };
        command.Validators.Add(result =>
        {
            if (new[] { Dirs, Files, Any }.Count(option => result.GetValue(option)) > 1)
            {
                result.AddError("--dirs, --files and --any exclude each other");
            }
            else if (result.GetValue(RankOnly) && result.GetValue(RecentOnly))
            {
                result.AddError("--rank and --recent exclude each other");
            }
        });
        command.SetAction(result => Run(context, FromParseResult(result)));
        return command;
    }

    public static QueryRequest FromParseResult(ParseResult result) => new(
        result.GetValue(Keywords) ?? [],
        result.GetValue(Exclude) ?? [],
        result.GetValue(BaseDir),
        result.GetValue(List),
        result.GetValue(Score),
        result.GetValue(All),
        result.GetValue(Interactive),
        result.GetValue(Files) ? KindFilter.Files : result.GetValue(Any) ? KindFilter.Any : KindFilter.Directories,
        result.GetValue(RankOnly) ? RankingMode.Rank : result.GetValue(RecentOnly) ? RankingMode.Recent : RankingMode.Frecency,
        result.GetValue(Reverse),
        result.GetValue(Nth),
        result.GetValue(Exec));

    /// <summary>fasd's "-2" (the second best) as nvt's "--nth 2"; only before "--", so `nvt query -- -2` searches for "-2".</summary>
    public static string[] RewriteDigitOptions(string[] args)
    {
        var rewritten = new List<string>(args.Length + 1);
        bool afterDoubleDash = false;
        foreach (string arg in args)
        {
            afterDoubleDash |= arg == "--";
            if (!afterDoubleDash && arg.Length > 1 && arg[0] == '-' && arg.Skip(1).All(char.IsAsciiDigit))
            {
                rewritten.Add("--nth");
                rewritten.Add(arg[1..]);
            }
            else
            {
                rewritten.Add(arg);
            }
        }

        return rewritten.ToArray();
    }

    /// <summary>
    /// The common forms of `nvt query` (what the z function runs on every jump), parsed without building the command
    /// tree, which costs a large part of a query. Null for anything else (help, errors, unusual spellings): the full
    /// parser handles those. A test checks that both parsers agree on every form this one accepts.
    /// </summary>
    public static QueryRequest? TryParseFastForm(string[] args)
    {
        if (args.Length == 0 || args[0] != "query")
        {
            return null;
        }

        var keywords = new List<string>();
        var exclude = new List<string>();
        string? baseDirectory = null;
        bool list = false, scores = false, all = false;
        for (int i = 1; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--":
                    keywords.AddRange(args[(i + 1)..]);
                    return new QueryRequest(keywords, exclude, baseDirectory, list, scores, all);
                case "--list" or "-l":
                    list = true;
                    break;
                case "--score" or "-s":
                    scores = true;
                    break;
                case "--all" or "-a":
                    all = true;
                    break;
                case "--exclude" or "--base-dir":
                    if (i + 1 >= args.Length || args[i + 1].StartsWith('-') || (arg == "--base-dir" && baseDirectory is not null))
                    {
                        return null;
                    }

                    if (arg == "--exclude")
                    {
                        exclude.Add(args[++i]);
                    }
                    else
                    {
                        baseDirectory = args[++i];
                    }

                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        return null;
                    }

                    keywords.Add(arg);
                    break;
            }
        }

        return new QueryRequest(keywords, exclude, baseDirectory, list, scores, all);
    }

    /// <summary>
    /// "no match found", unless what matched was only excluded: `z proj` typed in ~/proj itself (the z function passes
    /// --exclude $PWD) says so, rather than leaving the user to wonder why a directory they use daily is not found. The
    /// second query runs only on this failure path.
    /// </summary>
    private static string WhyNoMatch(INvtContext context, JumpService service, QueryRequest request, DateTimeOffset now)
    {
        if (request.Exclude.Count == 0)
        {
            return "nvt: no match found";
        }

        var unexcluded = service.Query(request.ToJumpQuery() with { ExcludePaths = [], Limit = 2 }, now).Value;
        if (unexcluded is not [var only])
        {
            return "nvt: no match found";
        }

        return only.Path == service.ToStoredPath(context.Environment.CurrentDirectory)
            ? $"nvt: already in {only.Path}, the only match"
            : $"nvt: the only match, {only.Path}, is excluded (--exclude)";
    }

    public static int Run(INvtContext context, QueryRequest request)
    {
        if (request.Nth < 1)
        {
            throw new NvtException($"--nth must be 1 or more, got {request.Nth}");
        }

        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        var now = context.Clock.GetUtcNow();
        var outcome = service.Query(request.ToJumpQuery(), now);
        Report.Quarantine(context, outcome);
        if (outcome.Value.Count == 0)
        {
            if (outcome.QuarantinedTo is not null)
            {
                // The fresh database is empty; the line above already says why nothing can match.
                return ExitCodes.NoMatch;
            }

            context.Error.WriteLine(service.DatabaseExists
                ? WhyNoMatch(context, service, request, now)
                : $"nvt: no match found (nothing recorded yet: {service.DatabasePath} does not exist)");
            return ExitCodes.NoMatch;
        }

        if (!request.List && !request.Interactive)
        {
            // The query asked for the Nth best; the engine returned up to N.
            if (outcome.Value.Count < request.Nth)
            {
                context.Error.WriteLine($"nvt: only {outcome.Value.Count} matches, no match number {request.Nth}");
                return ExitCodes.NoMatch;
            }

            var chosen = outcome.Value[request.Nth - 1];
            if (request.Exec is string exec)
            {
                context.Output.Flush();
                return RunCommand(context, exec, chosen.Path);
            }

            outcome = outcome with { Value = [chosen] };
        }

        if (request.Interactive)
        {
            var picked = Picker.For(context).Pick(outcome.Value.Select(entry => entry.Path).ToList());
            if (picked.Choice is not null)
            {
                context.Output.Write(picked.Choice + "\n");
            }

            return picked.ExitCode;
        }

        long unixNow = now.ToUnixTimeSeconds();
        foreach (var entry in request.Reverse ? outcome.Value.Reverse() : outcome.Value)
        {
            if (request.Scores)
            {
                context.Output.Write(entry.Score(unixNow).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(6));
                context.Output.Write(' ');
            }

            context.Output.Write(entry.Path);
            context.Output.Write('\n');
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// `--exec CMD`: runs COMMAND (split as a shell would split it) with <paramref name="lastArgument"/> appended, in the
    /// foreground (fasd -e), and returns its status.
    /// </summary>
    internal static int RunCommand(INvtContext context, string command, string lastArgument)
    {
        var argv = CommandLineArguments.Split(command).Select(word => word.Text).Append(lastArgument).ToList();
        if (argv.Count < 2)
        {
            throw new NvtException("--exec needs a command");
        }

        string program = argv[0].Contains('/', StringComparison.Ordinal) ? argv[0] : context.ProcessRunner.FindOnPath(argv[0])
            ?? throw new NvtException($"{argv[0]}: command not found", ExitCodes.CommandNotFound);

        // Ctrl-C and Ctrl-\ are for the program (an editor, say); nvt waits for it and reports its status.
        using var foreground = context.ProcessRunner.BeginForeground(forwardTermination: false);
        return foreground.Run(program, argv[1..]);
    }
}
