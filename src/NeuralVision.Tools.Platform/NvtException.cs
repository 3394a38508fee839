namespace NeuralVision.Tools;

/// <summary>A failure to report as one line "nvt: MESSAGE" with the given exit code.</summary>
public sealed class NvtException : Exception
{
    public NvtException(string message, int exitCode = ExitCodes.Error)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
