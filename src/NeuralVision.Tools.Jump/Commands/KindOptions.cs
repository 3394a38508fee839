using System.CommandLine;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>The --files, --dirs and --any switches of `list` and `explain` (fasd's -f, -d and -a).</summary>
internal sealed class KindOptions
{
    private readonly KindFilter defaultFilter;

    public KindOptions(KindFilter defaultFilter)
    {
        this.defaultFilter = defaultFilter;
        string Default(KindFilter filter) => filter == defaultFilter ? " (default)" : string.Empty;
        Files = new Option<bool>("--files", "-f") { Description = "Only files" + Default(KindFilter.Files) };
        Dirs = new Option<bool>("--dirs", "-d") { Description = "Only directories" + Default(KindFilter.Directories) };
        Any = new Option<bool>("--any", "-a") { Description = "Files and directories" + Default(KindFilter.Any) };
    }

    public Option<bool> Files { get; }

    public Option<bool> Dirs { get; }

    public Option<bool> Any { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Files);
        command.Options.Add(Dirs);
        command.Options.Add(Any);
    }

    public KindFilter Read(ParseResult result)
    {
        bool files = result.GetValue(Files), dirs = result.GetValue(Dirs), any = result.GetValue(Any);
        if ((files ? 1 : 0) + (dirs ? 1 : 0) + (any ? 1 : 0) > 1)
        {
            throw new NvtException("--files, --dirs and --any exclude each other; give one of them");
        }

        return files ? KindFilter.Files : dirs ? KindFilter.Directories : any ? KindFilter.Any : defaultFilter;
    }
}
