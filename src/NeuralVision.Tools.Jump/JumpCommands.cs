using System.CommandLine;
using NeuralVision.Tools.Jump.Commands;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump;

/// <summary>What the jumper adds to nvt's command line: its commands, and the forms the shell functions run.</summary>
public static class JumpCommands
{
    /// <summary>add, query, remove, prune, init, import, list, stats, explain, fasd, fold, in the order `nvt --help` lists them.</summary>
    public static Command[] Create(INvtContext context) =>
    [
        AddCommand.Create(context),
        QueryCommand.Create(context),
        RemoveCommand.Create(context),
        PruneCommand.Create(context),
        InitCommand.Create(context),
        ImportCommand.Create(context),
        ListCommand.Create(context),
        StatsCommand.Create(context),
        ExplainCommand.Create(context),
        FasdCommand.Create(),
        FoldCommand.Create(context),
    ];

    /// <summary>
    /// Runs the forms the shell functions use on every cd and jump (`add -- PATH`, `fold`, the common `query` forms, and
    /// fasd's command line) without building the command tree, which costs about as much as the database work; null for
    /// every other form.
    /// </summary>
    public static int? TryRunFastForm(INvtContext context, string[] args)
    {
        if (AddCommand.TryParseHookForm(args) is string[] hookPaths)
        {
            return AddCommand.Run(context, hookPaths, score: 1);
        }

        if (args is ["fold"])
        {
            return FoldCommand.Run(context);
        }

        if (QueryCommand.TryParseFastForm(args) is QueryRequest query)
        {
            return QueryCommand.Run(context, query);
        }

        // fasd's grouped letters (-sid, -ecat, -2) are not System.CommandLine's syntax: `nvt fasd` never meets it.
        if (args.Length > 0 && args[0] == "fasd")
        {
            return FasdCommand.Run(context, FasdRequest.Parse(args[1..]));
        }

        return null;
    }

    /// <summary>What the parser should see: fasd's `query -2` becomes `query --nth 2`.</summary>
    public static string[] PrepareArguments(string[] args) =>
        args.Length > 0 && args[0] == "query" ? QueryCommand.RewriteDigitOptions(args) : args;
}
