using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.Platform.Terminals;

namespace NeuralVision.Tools.Platform;

/// <summary>
/// Everything a command touches outside itself (git-credential-manager's ICommandContext): one property per seam.
/// Program builds the real <see cref="NvtContext"/>; tests build their own with fakes.
/// </summary>
public interface INvtContext
{
    IEnvironment Environment { get; }

    /// <summary>Every environment variable, read and validated (over <see cref="Environment"/>).</summary>
    NvtSettings Settings { get; }

    IFileSystem FileSystem { get; }

    /// <summary>The person at the terminal: questions, secrets, and whether the standard streams are terminals.</summary>
    ITerminal Terminal { get; }

    IProcessRunner ProcessRunner { get; }

    /// <summary>The clock; only commands read it, the engines take the time as a parameter.</summary>
    TimeProvider Clock { get; }

    /// <summary>Standard output.</summary>
    TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    TextWriter Error { get; }

    /// <summary>Flushes <see cref="Output"/> if anything was written to it.</summary>
    void FlushOutput();
}
