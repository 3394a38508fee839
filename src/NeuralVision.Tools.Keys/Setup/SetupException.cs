using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Keys.Setup;

/// <summary>`nvt keys setup` refused or failed on this machine (exit 2): a name ssh_config cannot hold, a file it cannot write.</summary>
public sealed class SetupException : NvtException
{
    public SetupException(string message)
        : base(message, ExitCodes.Error)
    {
    }

    public SetupException(string message, Exception innerException)
        : base(message, ExitCodes.Error, [], innerException)
    {
    }

    public SetupException()
        : this("keys setup failed")
    {
    }
}
