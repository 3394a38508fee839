using NeuralVision.Tools.Config;
using NeuralVision.Tools.Interactive;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools;

/// <summary>Everything a command touches outside itself; Program builds the real one, tests build their own.</summary>
public sealed class NvtContext
{
    private readonly Lazy<TextWriter> output;
    private readonly Lazy<TextWriter> error;

    public NvtContext(IEnvironment environment, IFileSystem fileSystem, TimeProvider clock, TextWriter output, TextWriter error)
        : this(environment, fileSystem, clock, () => output, () => error)
    {
    }

    /// <summary>
    /// Makes each writer on first use: the prompt hook's `nvt add` prints nothing, and the real output writer allocates
    /// (and the GC clears) its 16 K-character buffer at construction: 11 of the 250 page faults of an `add`.
    /// </summary>
    public NvtContext(IEnvironment environment, IFileSystem fileSystem, TimeProvider clock, Func<TextWriter> output, Func<TextWriter> error)
    {
        Environment = environment;
        FileSystem = fileSystem;
        Clock = clock;
        this.output = new Lazy<TextWriter>(output);
        this.error = new Lazy<TextWriter>(error);
        Settings = new NvtSettings(environment);
    }

    public IEnvironment Environment { get; }

    public IFileSystem FileSystem { get; }

    public TimeProvider Clock { get; }

    public TextWriter Output => output.Value;

    public TextWriter Error => error.Value;

    /// <summary>Flushes <see cref="Output"/> if anything was written to it (does not create it otherwise).</summary>
    public void FlushOutput()
    {
        if (output.IsValueCreated)
        {
            output.Value.Flush();
        }
    }

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
