using System.CommandLine;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>`nvt prune`: delete every entry whose directory no longer exists, now.</summary>
internal static class PruneCommand
{
    public static Command Create(INvtContext context)
    {
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List the removed paths" };
        var everywhere = new Option<bool>("--everywhere")
        {
            Description = "Also remove missing directories last visited on another machine (after nvt sync), on every machine",
        };
        var command = new Command("prune", "Remove every directory that no longer exists from the database") { verbose, everywhere };
        command.SetAction(result => Run(context, result.GetValue(verbose), result.GetValue(everywhere)));
        return command;
    }

    public static int Run(INvtContext context, bool verbose, bool everywhere = false)
    {
        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        var outcome = service.Prune(context.Clock.GetUtcNow(), everywhere);
        Report.Quarantine(context, outcome);
        if (verbose)
        {
            foreach (string path in outcome.Value)
            {
                context.Output.Write($"removed {path}\n");
            }
        }

        int count = outcome.Value.Count;
        context.Output.Write($"pruned {count} missing {(count == 1 ? "directory" : "directories")}\n");
        return ExitCodes.Ok;
    }
}
