using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>
/// `nvt list`: what the database holds, best first. Unlike `nvt query --list` it shows every stored entry, including
/// excluded paths and paths missing now, because it answers "what is in there?" rather than "where can I go?".
/// </summary>
internal static class ListCommand
{
    public static Command Create(INvtContext context)
    {
        var kinds = new KindOptions(KindFilter.Any);
        var score = new Option<bool>("--score", "-s") { Description = "Print the score before each path" };
        var command = new Command("list", "Print every entry of the database, highest score first");
        kinds.AddTo(command);
        command.Options.Add(score);
        command.SetAction(result => Run(context, kinds.Read(result), result.GetValue(score)));
        return command;
    }

    public static int Run(INvtContext context, KindFilter kinds, bool score)
    {
        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        var now = context.Clock.GetUtcNow();
        var outcome = service.ReadAll(now);
        Report.Quarantine(context, outcome);
        long unixNow = now.ToUnixTimeSeconds();
        var entries = JumpRanking.Order(outcome.Value.Where(entry => entry.IsKind(kinds)), new KeywordMatcher([]), unixNow);
        foreach (var entry in entries)
        {
            if (score)
            {
                context.Output.Write(FormatScore(entry.Score(unixNow)));
                context.Output.Write(' ');
            }

            context.Output.Write(entry.Path);
            context.Output.Write('\n');
        }

        return ExitCodes.Ok;
    }

    /// <summary>The same column `nvt query --score` prints.</summary>
    public static string FormatScore(double score) => score.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(6);
}
