using NeuralVision.Tools.Config;
using NeuralVision.Tools.Interactive;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools;

/// <summary>Everything a command touches outside itself; Program builds the real one, tests build their own.</summary>
public sealed class NvtContext
{
    public NvtContext(IEnvironment environment, IFileSystem fileSystem, TimeProvider clock, TextWriter output, TextWriter error)
    {
        Environment = environment;
        FileSystem = fileSystem;
        Clock = clock;
        Output = output;
        Error = error;
        Settings = new NvtSettings(environment);
    }

    public IEnvironment Environment { get; }

    public IFileSystem FileSystem { get; }

    public TimeProvider Clock { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public NvtSettings Settings { get; }

    public long UnixNow => Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Tests set this to see what `query --exec` would run; otherwise <see cref="CommandRunner.Run"/>.</summary>
    public Func<IReadOnlyList<string>, int>? CommandRunnerOverride { get; set; }

    /// <summary>Runs COMMAND (split like a shell would split it) with <paramref name="lastArgument"/> appended.</summary>
    public int RunCommand(string command, string lastArgument)
    {
        var argv = Jump.CommandLineArguments.Split(command).Select(word => word.Text).Append(lastArgument).ToList();
        if (argv.Count < 2)
        {
            throw new NvtException("--exec needs a command");
        }

        return CommandRunnerOverride is not null ? CommandRunnerOverride(argv) : CommandRunner.Run(argv, Environment.GetVariable("PATH"));
    }

    /// <summary>Tests set this; otherwise fzf when it is on PATH, else the numbered list on the terminal.</summary>
    public Func<IPicker>? PickerFactory { get; set; }

    public IPicker CreatePicker()
    {
        if (PickerFactory is not null)
        {
            return PickerFactory();
        }

        if (FzfPicker.Find(Environment.GetVariable("PATH")) is string fzf)
        {
            return new FzfPicker(fzf, Environment.GetVariable(EnvVars.FzfOptions));
        }

        FileStream terminal;
        try
        {
            terminal = new FileStream("/dev/tty", FileMode.Open, FileAccess.ReadWrite);
        }
        catch (IOException)
        {
            throw new NvtException("choosing interactively needs a terminal (or fzf)");
        }

        return new NumberedPicker(new StreamReader(terminal), new StreamWriter(terminal) { AutoFlush = true });
    }
}
