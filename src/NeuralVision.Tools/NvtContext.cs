using NeuralVision.Tools.Config;
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
}
