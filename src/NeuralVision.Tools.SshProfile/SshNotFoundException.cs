using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.SshProfile;

/// <summary>ssh is not on PATH: exit status 127, as a shell reports a command it cannot find.</summary>
public sealed class SshNotFoundException : NvtException
{
    public SshNotFoundException(string message)
        : base(message, ExitCodes.CommandNotFound)
    {
    }
}
