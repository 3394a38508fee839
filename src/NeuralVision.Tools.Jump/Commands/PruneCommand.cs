using System.CommandLine;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>`nvt prune`: delete every entry whose directory no longer exists, now.</summary>
internal static class PruneCommand
{
    public static Command Create(INvtContext context)
    {
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List the removed paths" };
        var command = new Command("prune", "Remove every directory that no longer exists from the database") { verbose };
        command.SetAction(result => Run(context, result.GetValue(verbose)));
        return command;
    }

    public static int Run(INvtContext context, bool verbose)
    {
        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        var outcome = service.Prune(context.Clock.GetUtcNow());
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
