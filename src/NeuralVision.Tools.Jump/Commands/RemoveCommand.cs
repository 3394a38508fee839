using System.CommandLine;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>`nvt remove`: forget directories.</summary>
internal static class RemoveCommand
{
    public static Command Create(INvtContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Directories to forget", Arity = ArgumentArity.OneOrMore };
        var command = new Command("remove", "Remove directories from the database") { paths };
        command.SetAction(result => Run(context, result.GetValue(paths) ?? []));
        return command;
    }

    public static int Run(INvtContext context, IReadOnlyList<string> paths)
    {
        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        var outcome = service.Remove(paths, context.Clock.GetUtcNow());
        Report.Quarantine(context, outcome);
        foreach (string path in outcome.Value)
        {
            context.Error.WriteLine($"nvt: not in the database: {path}");
        }

        return outcome.Value.Count == 0 ? ExitCodes.Ok : ExitCodes.NoMatch;
    }
}
