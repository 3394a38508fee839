using System.CommandLine;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>
/// `nvt fold`: folds the visit journal into the database. The bash and zsh hooks run it about every 50th cd of a shell,
/// so the journal stays small for someone who never queries; every other command folds first anyway. Silent, exit 0.
/// </summary>
internal static class FoldCommand
{
    public static Command Create(INvtContext context)
    {
        var command = new Command("fold", "Fold the visits the shell hooks journaled into the database (the hooks run this)");
        command.SetAction(_ => Run(context));
        return command;
    }

    public static int Run(INvtContext context)
    {
        try
        {
            var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
            int folded = service.Fold(context.Clock.GetUtcNow().ToUnixTimeSeconds());
            Report.Debug(context, "fold", $"folded {folded} visits");
        }
        catch (Exception e) when (e is not ConfigException)
        {
            // Run from the prompt: a busy or broken database leaves the journal for the next process.
            Report.Debug(context, "fold", e.Message);
        }

        return ExitCodes.Ok;
    }
}
