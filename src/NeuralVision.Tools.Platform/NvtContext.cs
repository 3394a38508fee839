using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.Platform.Terminals;

namespace NeuralVision.Tools.Platform;

/// <summary>The real context: Program.cs is the one place that picks these implementations.</summary>
public sealed class NvtContext : INvtContext
{
    private readonly Lazy<TextWriter> output;
    private readonly Lazy<TextWriter> error;

    /// <summary>
    /// Makes each writer on first use: the prompt hook's `nvt add` prints nothing, and the real output writer allocates
    /// (and the GC clears) its 16 K-character buffer at construction: 11 of the 250 page faults of an `add`.
    /// </summary>
    public NvtContext(
        IEnvironment environment,
        NvtSettings settings,
        IFileSystem fileSystem,
        ITerminal terminal,
        IProcessRunner processRunner,
        TimeProvider clock,
        Func<TextWriter> output,
        Func<TextWriter> error)
    {
        Environment = environment;
        Settings = settings;
        FileSystem = fileSystem;
        Terminal = terminal;
        ProcessRunner = processRunner;
        Clock = clock;
        this.output = new Lazy<TextWriter>(output);
        this.error = new Lazy<TextWriter>(error);
    }

    public IEnvironment Environment { get; }

    public NvtSettings Settings { get; }

    public IFileSystem FileSystem { get; }

    public ITerminal Terminal { get; }

    public IProcessRunner ProcessRunner { get; }

    public TimeProvider Clock { get; }

    public TextWriter Output => output.Value;

    public TextWriter Error => error.Value;

    public void FlushOutput()
    {
        if (output.IsValueCreated)
        {
            output.Value.Flush();
        }
    }
}
