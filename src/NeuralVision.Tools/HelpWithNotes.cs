using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace NeuralVision.Tools;

/// <summary>
/// System.CommandLine's help, followed by a command's notes when it has some (`nvt ssh --help` ends with where hosts are
/// mapped and an example): text that does not fit in one option's line but belongs with the options.
/// </summary>
internal sealed class HelpWithNotes : SynchronousCommandLineAction
{
    private readonly HelpAction help;
    private readonly IReadOnlyDictionary<string, string> notes;

    public HelpWithNotes(HelpAction help, IReadOnlyDictionary<string, string> notes)
    {
        this.help = help;
        this.notes = notes;
    }

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        int status = help.Invoke(parseResult);
        if (notes.TryGetValue(PathOf(parseResult.CommandResult), out string? text) && parseResult.CommandResult.Parent is not null)
        {
            parseResult.InvocationConfiguration.Output.Write("\n" + text);
        }

        return status;
    }

    /// <summary>The command's names below the root, as the notes are keyed: "ssh", "profiles create".</summary>
    private static string PathOf(CommandResult result)
    {
        string path = result.Command.Name;
        for (var parent = result.Parent as CommandResult; parent?.Parent is not null; parent = parent.Parent as CommandResult)
        {
            path = parent.Command.Name + " " + path;
        }

        return path;
    }
}
