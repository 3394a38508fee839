using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Jump.Pickers;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>
/// `nvt fasd [options] [query ...]`: fasd's command line, read as fasd reads it, so that fasd's a, s, d, f, sd, sf
/// (defined by `nvt init SHELL --fasd` as `nvt fasd -a`, `nvt fasd -si`...) take fasd's flags: `f -l readme`,
/// `f -e cat readme`, `d -r`, `a -s`, `-2`. What it prints follows fasd 1.0.1: a list, best last, when asked (-l, -s)
/// or when a query's output goes to the terminal; the best match when it goes to a pipe or -e runs it; the picker
/// with -i, or for -e with no query on a terminal. A chosen path counts as a visit, as in fasd.
/// </summary>
internal static class FasdCommand
{
    /// <summary>For `nvt --help` and the manual page; the arguments themselves never meet System.CommandLine.</summary>
    public static Command Create()
    {
        var command = new Command("fasd", "fasd's own command line (the --fasd functions a, s, d, f, sd, sf run it)");
        foreach (var (spelling, value, description) in FasdRequest.Options)
        {
            command.Options.Add(value is null
                ? new Option<bool>(spelling) { Description = description }
                : new Option<string>(spelling) { Description = description, HelpName = value });
        }

        command.Arguments.Add(new Argument<string[]>("QUERY") { Description = "Keywords, as for nvt query", Arity = ArgumentArity.ZeroOrMore });
        return command;
    }

    public static int Run(INvtContext context, FasdRequest request)
    {
        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        var now = context.Clock.GetUtcNow();
        bool outputIsTerminal = context.Terminal.OutputIsTerminal;
        switch (request.Action)
        {
            case FasdAction.Help:
                PrintHelp(context);
                return ExitCodes.Ok;
            case FasdAction.Add:
                service.Add(request.Words, 1, now.ToUnixTimeSeconds(), filesToo: true);
                return ExitCodes.Ok;
            case FasdAction.Delete:
                Report.Quarantine(context, service.Remove(request.Words, now));
                return ExitCodes.Ok;
        }

        // fasd: a full path as the last word (what completion inserts) is run directly when -e is given.
        if (request.Exec is string direct && !request.Show && !request.List && request.Words.Count > 0
            && request.Words[^1] is ['/', _, ..] && IsKind(context, request.Words[^1], request.Kinds))
        {
            context.FlushOutput();
            return QueryCommand.RunCommand(context, direct, request.Words[^1]);
        }

        var query = new JumpQuery(request.Words, [], null, IncludeMissing: false, Limit: null, request.Kinds, request.Ranking);
        var outcome = service.Query(query, now);
        Report.Quarantine(context, outcome);
        var bestFirst = outcome.Value;
        if (bestFirst.Count == 0)
        {
            context.Error.WriteLine(service.DatabaseExists
                ? "nvt: no match found"
                : $"nvt: no match found (nothing recorded yet: {service.DatabasePath} does not exist)");
            return ExitCodes.NoMatch;
        }

        // Lists are printed best last (fasd's `sort -n`), -R best first; a chosen entry counts from the best, -R from
        // the worst (the reverse order, as fasd sorts the other way for it).
        var listing = request.Reverse ? bestFirst : bestFirst.Reverse().ToList();
        var choosing = request.Reverse ? bestFirst.Reverse().ToList() : bestFirst;
        JumpEntry? chosen;
        if (request.Nth is int nth)
        {
            if (nth < 1 || nth > choosing.Count)
            {
                context.Error.WriteLine($"nvt: only {choosing.Count} matches, no match number {nth}");
                return ExitCodes.NoMatch;
            }

            chosen = choosing[nth - 1];
        }
        else if (request.Interactive || (request.Exec is not null && request.Words.Count == 0 && !request.List && !request.Show && outputIsTerminal))
        {
            if (choosing.Count == 1)
            {
                chosen = choosing[0];
            }
            else
            {
                var picked = Picker.For(context).Pick(choosing.Select(entry => entry.Path).ToList());
                if (picked.Choice is null)
                {
                    return picked.ExitCode;
                }

                chosen = choosing.First(entry => entry.Path == picked.Choice);
            }
        }
        else if (request.List)
        {
            Print(context, listing, scores: false, now);
            return ExitCodes.Ok;
        }
        else if (request.Show || request.Words.Count == 0 || (request.Exec is null && outputIsTerminal))
        {
            Print(context, listing, scores: true, now);
            return ExitCodes.Ok;
        }
        else
        {
            chosen = bestFirst[0];
        }

        Learn(context, service, chosen.Path, now);
        if (request.Exec is string exec)
        {
            context.FlushOutput();
            return QueryCommand.RunCommand(context, exec, chosen.Path);
        }

        context.Output.Write(chosen.Path + "\n");
        return ExitCodes.Ok;
    }

    /// <summary>fasd adds the path it hands out, so what you open often rises; a database that cannot be written
    /// only costs that visit, as for the hook.</summary>
    private static void Learn(INvtContext context, JumpService service, string path, DateTimeOffset now)
    {
        try
        {
            service.Add([path], 1, now.ToUnixTimeSeconds(), filesToo: true);
        }
        catch (Exception e) when (e is not ConfigException)
        {
            if (context.Settings.Debug)
            {
                context.Error.WriteLine($"nvt fasd: {e.Message}");
            }
        }
    }

    private static bool IsKind(INvtContext context, string path, KindFilter kinds) => kinds switch
    {
        KindFilter.Directories => context.FileSystem.DirectoryExists(path),
        KindFilter.Files => context.FileSystem.FileExists(path),
        _ => context.FileSystem.DirectoryExists(path) || context.FileSystem.FileExists(path),
    };

    private static void Print(INvtContext context, IEnumerable<JumpEntry> entries, bool scores, DateTimeOffset now)
    {
        long unixNow = now.ToUnixTimeSeconds();
        foreach (var entry in entries)
        {
            if (scores)
            {
                context.Output.Write(entry.Score(unixNow).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(6));
                context.Output.Write(' ');
            }

            context.Output.Write(entry.Path);
            context.Output.Write('\n');
        }
    }

    private static void PrintHelp(INvtContext context)
    {
        context.Output.Write("Usage: nvt fasd [options] [query ...]\n       nvt fasd -A|-D PATH...\n\nfasd's command line over nvt's database:\n");
        foreach (var (spelling, value, description) in FasdRequest.Options)
        {
            string term = value is null ? spelling : spelling + " " + value;
            context.Output.Write("  " + term.PadRight(12) + description + "\n");
        }
    }
}
